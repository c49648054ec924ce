//! The meeting's screens for `follow`, served from once the first frame is
//! on the laptop: making the socket and its thread would only delay that
//! frame, and nobody can follow a meeting before it is drawn anyway.

use std::path::PathBuf;

use tokio::sync::mpsc::UnboundedReceiver;

use crate::meeting::Meeting;
use crate::share::publisher::Publisher;

pub struct Sharing {
    /// Where the meeting's records are, until the publisher is started.
    records_dir: Option<Option<PathBuf>>,
    publisher: Option<Publisher>,
    followers: Option<UnboundedReceiver<usize>>,
}

impl Sharing {
    /// Not started yet; [`Sharing::start_once`] starts it.
    pub fn after_first_frame(records_dir: Option<PathBuf>) -> Sharing {
        Sharing {
            records_dir: Some(records_dir),
            publisher: None,
            followers: None,
        }
    }

    /// Serve followers from now on, the first time it is called. Whether
    /// the meeting has something new to show: the socket could not be made
    /// (the meeting goes on without followers, and says so).
    pub fn start_once(&mut self, meeting: &mut Meeting) -> bool {
        let Some(records_dir) = self.records_dir.take() else {
            return false;
        };
        match Publisher::start(meeting, records_dir.as_deref()) {
            Ok(mut publisher) => {
                self.followers = publisher.follower_counts();
                self.publisher = Some(publisher);
                false
            }
            Err(e) => {
                meeting.notice = Some(format!("No screen can follow this meeting: {e}"));
                true
            }
        }
    }

    /// Hand the screen as it stands to the followers, if any are served.
    pub fn publish(&self, meeting: &Meeting) {
        if let Some(publisher) = &self.publisher {
            publisher.publish(meeting);
        }
    }

    /// The next change in how many screens follow; never, while none are served.
    pub async fn follower_count(&mut self) -> Option<usize> {
        match &mut self.followers {
            Some(counts) => counts.recv().await,
            None => std::future::pending().await,
        }
    }

    /// Tell the followers the meeting has ended and take the socket away.
    pub fn finish(self) {
        if let Some(publisher) = self.publisher {
            publisher.finish();
        }
    }
}
