//! The facilitator's side of `follow`: a thread of its own that listens on
//! the meeting's socket, turns each new customer-safe projection into one
//! line and hands it to every follower. The meeting's loop only swaps in
//! the newest projection and never waits: each follower gets the latest
//! line when it is ready for one (older unsent ones are dropped), and a
//! follower that takes longer than `STALLED` over one line, or goes away,
//! is let go.

use std::io;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::io::AsyncWriteExt as _;
use tokio::net::UnixStream;
use tokio::sync::{mpsc, oneshot, watch};

use super::place::{self, MeetingName};
use super::protocol;
use crate::meeting::{Meeting, Shared};

/// How long one line may take to reach a follower before it is dropped.
pub const STALLED: Duration = Duration::from_secs(3);
/// How long a follower has to take the last line once the meeting ends.
const LAST_WORDS: Duration = Duration::from_millis(300);
/// More screens than a meeting room has; the rest are refused.
const MOST_FOLLOWERS: usize = 16;

/// What the meeting last said: nothing yet, a screen, or the end.
#[derive(Clone)]
enum Said {
    Nothing,
    Screen(Arc<Shared>),
    Ended,
}

/// A line ready for the followers.
#[derive(Clone)]
enum Line {
    Nothing,
    Screen(Arc<str>),
    /// The end, with the last screen for a follower who has had none yet.
    Ended(Option<Arc<str>>),
}

pub struct Publisher {
    said: watch::Sender<Said>,
    followers: Option<mpsc::UnboundedReceiver<usize>>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    socket: PathBuf,
}

/// The name followers find this meeting by.
pub fn name_of(meeting: &Meeting, records_dir: Option<&Path>) -> MeetingName {
    MeetingName {
        plan: place::key_of(&meeting.origin.plan_path),
        records: records_dir.map_or_else(|| place::key_of("(no records)"), place::path_key),
    }
}

impl Publisher {
    /// Serve followers of `meeting` from the private folder.
    pub fn start(meeting: &Meeting, records_dir: Option<&Path>) -> io::Result<Publisher> {
        let folder = place::folder()?;
        place::clear_stale(&folder);
        let socket = folder.join(name_of(meeting, records_dir).file_name());
        let publisher = Publisher::start_at(socket)?;
        // For `follow` with no plan, and the next meeting's look for stale
        // sockets; the meeting is followed all the same if it cannot be written.
        let _ = place::write_about(
            &publisher.socket,
            &place::About {
                plan: meeting.origin.plan_path.clone(),
                project: meeting.plan.project.name.clone(),
                agenda: meeting.agenda.as_str().to_owned(),
                started: meeting.first_started.unwrap_or(meeting.clock.started),
                pid: std::process::id(),
            },
        );
        publisher.publish(meeting);
        Ok(publisher)
    }

    /// Serve followers on the socket at `socket`, whose folder is private.
    pub fn start_at(socket: PathBuf) -> io::Result<Publisher> {
        let listener = bind(&socket)?;
        let (said, heard) = watch::channel(Said::Nothing);
        let (count_tx, followers) = mpsc::unbounded_channel();
        let (stop, stopped) = oneshot::channel();
        let thread = std::thread::Builder::new()
            .name("follow publisher".into())
            .spawn(move || serve(listener, heard, count_tx, stopped))?;
        Ok(Publisher {
            said,
            followers: Some(followers),
            stop: Some(stop),
            thread: Some(thread),
            socket,
        })
    }

    /// Hand on the screen as it stands now; returns at once.
    pub fn publish(&self, meeting: &Meeting) {
        self.said
            .send_replace(Said::Screen(Arc::new(Shared::projector(meeting))));
    }

    /// How many screens follow, each time it changes (taken once, by the loop).
    pub fn follower_counts(&mut self) -> Option<mpsc::UnboundedReceiver<usize>> {
        self.followers.take()
    }

    pub fn socket(&self) -> &Path {
        &self.socket
    }

    /// Tell every follower the meeting has ended, give them a moment to
    /// read it, and take the socket away.
    pub fn finish(mut self) {
        self.end();
    }

    fn end(&mut self) {
        let Some(thread) = self.thread.take() else {
            return;
        };
        self.said.send_replace(Said::Ended);
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = thread.join();
        let _ = std::fs::remove_file(&self.socket);
        let _ = std::fs::remove_file(place::about_path(&self.socket));
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        self.end();
    }
}

/// Bind the socket, clearing one left by a facilitator that was killed;
/// a socket someone still answers on is never taken over.
fn bind(socket: &Path) -> io::Result<std::os::unix::net::UnixListener> {
    if socket.exists() {
        match std::os::unix::net::UnixStream::connect(socket) {
            Ok(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::AddrInUse,
                    "another resetpoint is serving this meeting's followers",
                ));
            }
            Err(_) => std::fs::remove_file(socket)?,
        }
    }
    let listener = std::os::unix::net::UnixListener::bind(socket)?;
    std::fs::set_permissions(socket, std::fs::Permissions::from_mode(0o600))?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

/// The publisher thread: encode each new screen once, accept followers.
fn serve(
    listener: std::os::unix::net::UnixListener,
    heard: watch::Receiver<Said>,
    counts: mpsc::UnboundedSender<usize>,
    stopped: oneshot::Receiver<()>,
) {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return;
    };
    runtime.block_on(async move {
        let Ok(listener) = tokio::net::UnixListener::from_std(listener) else {
            return;
        };
        let (lines_tx, lines) = watch::channel(Line::Nothing);
        let count = Arc::new(AtomicUsize::new(0));
        let joined = Arc::new(tokio::sync::Notify::new());
        let encoder = tokio::spawn(encode(heard, lines_tx, count.clone(), joined.clone()));
        let mut followers = tokio::task::JoinSet::new();
        tokio::pin!(stopped);
        loop {
            tokio::select! {
                accepted = listener.accept() => {
                    let Ok((stream, _)) = accepted else { continue };
                    let same_user = stream.peer_cred().is_ok_and(|c| place::may_follow(c.uid()));
                    if !same_user || count.load(Ordering::SeqCst) >= MOST_FOLLOWERS {
                        continue; // dropped: the peer reads nothing at all
                    }
                    let one = Follower::join(count.clone(), counts.clone());
                    followers.spawn(follow(stream, lines.clone(), one));
                    joined.notify_one();
                }
                Some(_) = followers.join_next(), if !followers.is_empty() => {}
                _ = &mut stopped => break,
            }
        }
        // The encoder sends the end to every follower; they have a moment.
        let _ = tokio::time::timeout(LAST_WORDS, async {
            let _ = encoder.await;
            while followers.join_next().await.is_some() {}
        })
        .await;
    });
}

/// Turn each screen into its line, once for every follower; the same
/// screen twice (the clock ticked, nothing moved) is not sent again. With
/// nobody following (`count`), no line is made: a follower who comes
/// (`joined`) is sent the screen as it stands then, never one from before.
async fn encode(
    mut heard: watch::Receiver<Said>,
    lines: watch::Sender<Line>,
    count: Arc<AtomicUsize>,
    joined: Arc<tokio::sync::Notify>,
) {
    let mut last: Option<Arc<str>> = None;
    // The latest screen, made into a line only once someone follows.
    let mut latest: Option<Arc<Shared>> = None;
    loop {
        let said = heard.borrow_and_update().clone();
        match said {
            Said::Nothing => {}
            Said::Screen(shared) if count.load(Ordering::SeqCst) == 0 => {
                latest = Some(shared);
                last = None;
                lines.send_if_modified(|line| {
                    !matches!(std::mem::replace(line, Line::Nothing), Line::Nothing)
                });
            }
            Said::Ended => {
                // One who came just before the end still sees the screen.
                let screen = last.or_else(|| {
                    let shared = latest.filter(|_| count.load(Ordering::SeqCst) > 0)?;
                    protocol::screen_line(&shared).ok().map(Arc::from)
                });
                lines.send_replace(Line::Ended(screen));
                return;
            }
            Said::Screen(shared) => {
                latest = None;
                if let Ok(line) = protocol::screen_line(&shared)
                    && last.as_deref() != Some(line.as_str())
                {
                    let line: Arc<str> = line.into();
                    last = Some(line.clone());
                    lines.send_replace(Line::Screen(line));
                }
            }
        }
        tokio::select! {
            changed = heard.changed() => if changed.is_err() {
                return;
            },
            () = joined.notified() => {}
        }
    }
}

/// One follower: the line as it stands at once, then each newer one.
async fn follow(mut stream: UnixStream, mut lines: watch::Receiver<Line>, _one: Follower) {
    // Whether this follower has been sent a screen yet.
    let mut shown = false;
    loop {
        let line = lines.borrow_and_update().clone();
        let (bytes, last) = match &line {
            Line::Nothing => (None, false),
            Line::Screen(text) => {
                shown = true;
                (Some(text.as_bytes().to_vec()), false)
            }
            Line::Ended(screen) => {
                let mut bytes = Vec::new();
                if let Some(screen) = screen.as_deref().filter(|_| !shown) {
                    bytes.extend_from_slice(screen.as_bytes());
                }
                bytes.extend_from_slice(protocol::ended_line().as_bytes());
                (Some(bytes), true)
            }
        };
        if let Some(bytes) = bytes {
            match tokio::time::timeout(STALLED, stream.write_all(&bytes)).await {
                Ok(Ok(())) => {}
                _ => return, // gone or stalled: let it go
            }
        }
        if last {
            let _ = stream.shutdown().await;
            return;
        }
        if lines.changed().await.is_err() {
            return;
        }
    }
}

/// Counts a follower in while it is served, and out when it goes.
struct Follower {
    count: Arc<AtomicUsize>,
    counts: mpsc::UnboundedSender<usize>,
}

impl Follower {
    fn join(count: Arc<AtomicUsize>, counts: mpsc::UnboundedSender<usize>) -> Follower {
        let now = count.fetch_add(1, Ordering::SeqCst) + 1;
        let _ = counts.send(now);
        Follower { count, counts }
    }
}

impl Drop for Follower {
    fn drop(&mut self) {
        let now = self.count.fetch_sub(1, Ordering::SeqCst) - 1;
        let _ = self.counts.send(now);
    }
}
