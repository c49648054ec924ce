//! The terminal's events as a stream, as crossterm's `EventStream` gives
//! them, with its waiting thread made only when an event must be waited
//! for. `EventStream::new` starts that thread at once; made before the
//! first frame, it cost the frame a thread's start (a meeting's first
//! frame is drawn while the terminal answers the background question, and
//! that answer is by then already in, read here without waiting). Both
//! read crossterm's one event reader, so nothing is lost or reordered.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use crossterm::event::{Event, EventStream};
use futures_util::{Stream, StreamExt as _};

#[derive(Default)]
pub struct Events {
    waiting: Option<EventStream>,
}

impl Events {
    pub fn new() -> Events {
        Events::default()
    }
}

impl Stream for Events {
    type Item = io::Result<Event>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.waiting.is_none() {
            match crossterm::event::poll(Duration::ZERO) {
                Ok(true) => return Poll::Ready(Some(crossterm::event::read())),
                Ok(false) => self.waiting = Some(EventStream::new()),
                Err(e) => return Poll::Ready(Some(Err(e))),
            }
        }
        self.waiting
            .as_mut()
            .expect("made above")
            .poll_next_unpin(cx)
    }
}
