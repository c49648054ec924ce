//! The `follow` screen: the projector's view of a meeting run in another
//! resetpoint. It draws only what the facilitator sends — the
//! customer-safe projection — at its own size: the section's screen under
//! a large n/m and title, what was captured there that the customer may
//! see, no key hints and no coaching. It takes no keys
//! but `q` and Ctrl-C, and when the meeting goes away it says so and waits
//! for it to come back.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use futures_util::StreamExt as _;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use tokio::io::{AsyncBufReadExt as _, BufReader, Lines};
use tokio::net::UnixStream;
use tokio::signal::unix::{SignalKind, signal};

use super::capture_pane;
use super::screens::{self, Ctx};
use super::terminal::{Restore, init_terminal};
use super::theme::Theme;
use super::view::{MIN_HEIGHT, MIN_WIDTH, clock_time};
use crate::meeting::Shared;
use crate::plan::model::Rag;
use crate::share::place::{self, Wanted};
use crate::share::protocol::{self, Incoming};
use crate::text::cut;

/// How often a follower looks for its meeting while it has none.
const LOOK_AGAIN: Duration = Duration::from_millis(200);

/// What the projector shows.
#[derive(Debug)]
pub enum Following {
    /// No meeting for this plan is running yet.
    Waiting,
    /// The meeting as the facilitator last sent it.
    Showing(Box<Shared>),
    /// The facilitator went away without ending the meeting (killed or
    /// crashed): the last screen, until it comes back.
    Lost(Option<Box<Shared>>),
    /// The facilitator ended the meeting.
    Ended,
}

/// The projector's screen, a plain function of what it was sent.
pub struct FollowScreen<'a> {
    pub following: &'a Following,
    pub theme: &'a Theme,
    /// What is followed, for the waiting line: "the meeting of plan.toml".
    pub what: &'a str,
}

impl Widget for &FollowScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let text = format!(
                "Please make the window larger: the meeting needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}.",
                area.width, area.height
            );
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        match self.following {
            Following::Waiting => self.message(
                area,
                buf,
                &format!("Waiting for {} to start on this machine…", self.what),
            ),
            Following::Ended => self.message(area, buf, "The meeting has ended."),
            Following::Lost(None) => {
                self.message(area, buf, "Waiting for the meeting to come back…")
            }
            Following::Showing(shown) if shown.projector_blank => self.blank(shown, area, buf),
            Following::Showing(shown) => self.meeting(shown, None, area, buf),
            Following::Lost(Some(shown)) => self.meeting(
                shown,
                Some("Waiting for the meeting to come back…"),
                area,
                buf,
            ),
        }
    }
}

impl FollowScreen<'_> {
    fn meeting(&self, shown: &Shared, trouble: Option<&str>, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let [header, body, footer] = Layout::vertical([
            Constraint::Length(4),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);
        // The section stands out from across the room: n/m and the title,
        // bold capitals on a bar the width of the screen.
        let section = shown.section();
        let title = format!(
            "{}/{} · {}",
            shown.current + 1,
            shown.sections.len(),
            section.title.to_uppercase()
        );
        let block = Block::default()
            .borders(Borders::BOTTOM)
            .border_style(t.muted());
        let inner = block.inner(header);
        block.render(header, buf);
        let total = shown.clock.meeting_seconds;
        let [bar, _, facts] = Layout::vertical([Constraint::Length(1); 3]).areas(inner);
        // Too long for the screen, the title and the project's name are
        // cut with "…" at their end, so the clock and the meeting's time
        // always show whole.
        Paragraph::new(cut(&title, usize::from(bar.width)))
            .style(t.title().add_modifier(Modifier::REVERSED))
            .alignment(Alignment::Center)
            .render(bar, buf);
        let times = vec![
            Span::styled(format!(" · {} · ", shown.agenda.as_str()), t.muted()),
            Span::raw(shown.clock.wall.clone()),
            Span::styled("  meeting ", t.muted()),
            Span::raw(format!(
                "{} / {}",
                clock_time(total),
                clock_time(i64::from(shown.planned_minutes()) * 60)
            )),
        ];
        let for_name = usize::from(facts.width).saturating_sub(Line::from(times.clone()).width());
        let name = Span::styled(cut(&shown.plan.project.name, for_name), t.heading());
        Paragraph::new(Line::from([vec![name], times].concat()))
            .alignment(Alignment::Center)
            .render(facts, buf);
        // The projector takes no keys: panels say there is more, with no key to name.
        let keymap = crate::tui::keymap::Keymap::default();
        let ctx = Ctx {
            shown,
            theme: t,
            keymap: &keymap,
            projector: true,
        };
        // What was captured here that the customer may see, below the
        // section, once there is something: the room sees its words taken.
        // (Notes and the review list what was captured themselves.)
        let own_list = shown.is_review() || section.kind == crate::agenda::SectionKind::Notes;
        let pane_height = if own_list || shown.pane_items().is_empty() {
            0
        } else {
            capture_pane::height_below(shown, t, body.width, 4).min(body.height / 3)
        };
        let [main, pane] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(pane_height)]).areas(body);
        screens::render(&ctx, main, buf);
        if pane_height > 0 {
            capture_pane::render_pane(shown, t, pane, buf);
        }
        // The field being typed, when it is one the customer may see.
        capture_pane::render_draft(shown, None, t, body, buf);
        // The footer says only what went wrong; the room sees no key hint.
        if let Some(trouble) = trouble {
            Line::styled(
                trouble.to_owned(),
                t.rag(Rag::Amber).add_modifier(Modifier::BOLD),
            )
            .render(footer, buf);
        }
    }

    /// `b` on the PM's screen: the plan's title alone, centred, until `b`
    /// again brings the meeting back.
    fn blank(&self, shown: &Shared, area: Rect, buf: &mut Buffer) {
        let [row] = Layout::vertical([Constraint::Length(1)])
            .flex(Flex::Center)
            .areas(area);
        Paragraph::new(crate::text::on_screen(&shown.plan.project.name))
            .style(self.theme.muted())
            .alignment(Alignment::Center)
            .render(row, buf);
    }

    fn message(&self, area: Rect, buf: &mut Buffer, said: &str) {
        let [row] = Layout::vertical([Constraint::Length(3)])
            .flex(Flex::Center)
            .areas(area);
        Paragraph::new(vec![
            Line::styled(said.to_owned(), self.theme.heading()),
            Line::raw(""),
            Line::styled("q stops following", self.theme.muted()),
        ])
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(row, buf);
    }
}

/// How following ended.
#[derive(Debug)]
pub enum Stopped {
    /// `q`, Ctrl-C or a signal.
    Asked,
    /// The meeting speaks another version of the messages, or sent one
    /// that cannot be read: what to tell the viewer, in one line.
    Unreadable(String),
}

/// Follow the meeting `wanted` names, from the sockets in `folder`, until
/// the viewer stops it.
pub fn run(folder: PathBuf, wanted: Wanted, theme: Theme, what: String) -> io::Result<Stopped> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(follow_loop(&folder, &wanted, &theme, &what))
}

async fn follow_loop(
    folder: &Path,
    wanted: &Wanted,
    theme: &Theme,
    what: &str,
) -> io::Result<Stopped> {
    let mut terminate = signal(SignalKind::terminate())?;
    let mut hangup = signal(SignalKind::hangup())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    super::lost::watch();
    let mut terminal = init_terminal()?;
    let _restore = Restore;
    let _gone = super::lost::LetGoIfGone;
    let mut events = super::events::Events::new();
    let mut look = tokio::time::interval(LOOK_AGAIN);
    look.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut following = Following::Waiting;
    let mut connection: Option<Lines<BufReader<UnixStream>>> = None;
    let mut dirty = true;
    // Nothing else would notice a terminal gone without a hangup.
    let mut alive = tokio::time::interval(std::time::Duration::from_secs(1));
    loop {
        if dirty {
            let screen = FollowScreen {
                following: &following,
                theme,
                what,
            };
            terminal.draw(|frame| frame.render_widget(&screen, frame.area()))?;
            dirty = false;
        }
        tokio::select! {
            event = events.next() => match event {
                Some(Ok(Event::Key(key))) if key.kind != KeyEventKind::Release => {
                    let ctrl_c = key.code == KeyCode::Char('c')
                        && key.modifiers.contains(KeyModifiers::CONTROL);
                    if ctrl_c || key.code == KeyCode::Char('q') {
                        return Ok(Stopped::Asked);
                    }
                }
                Some(Ok(Event::Resize(_, _))) => dirty = true,
                Some(Ok(_)) => {}
                Some(Err(e)) => return Err(e),
                None => return Ok(Stopped::Asked),
            },
            line = next_line(&mut connection) => {
                dirty = true;
                match line {
                    Ok(Some(line)) => match protocol::read_line(&line) {
                        Ok(Incoming::Screen(shown)) => following = Following::Showing(shown),
                        Ok(Incoming::Ended) => {
                            connection = None;
                            following = Following::Ended;
                        }
                        // Reading on would only read the same again.
                        Err(e) => return Ok(Stopped::Unreadable(e.to_string())),
                    },
                    // Gone without a word: killed or crashed.
                    Ok(None) | Err(_) => {
                        connection = None;
                        following = lost(following);
                    }
                }
            }
            _ = look.tick(), if connection.is_none() => {
                let sockets = place::sockets(folder, wanted);
                if let Some(stream) = attach(&sockets).await {
                    connection = Some(BufReader::new(stream).lines());
                } else if !sockets.is_empty() && !matches!(following, Following::Lost(_)) {
                    // A socket nobody answers on: its facilitator was killed.
                    following = lost(following);
                    dirty = true;
                }
            }
            _ = alive.tick() => if super::lost::terminal_gone() {
                return Ok(Stopped::Asked);
            },
            _ = terminate.recv() => return Ok(Stopped::Asked),
            _ = hangup.recv() => return Ok(Stopped::Asked),
            _ = interrupt.recv() => return Ok(Stopped::Asked),
        }
    }
}

/// What to show once the meeting went away without ending: the last screen.
fn lost(following: Following) -> Following {
    match following {
        Following::Showing(shown) | Following::Lost(Some(shown)) => Following::Lost(Some(shown)),
        _ => Following::Lost(None),
    }
}

/// The first of `sockets` a facilitator answers on.
async fn attach(sockets: &[PathBuf]) -> Option<UnixStream> {
    for socket in sockets {
        if let Ok(stream) = UnixStream::connect(socket).await {
            return Some(stream);
        }
    }
    None
}

/// The next line from the facilitator; never, without one.
async fn next_line(
    connection: &mut Option<Lines<BufReader<UnixStream>>>,
) -> io::Result<Option<String>> {
    match connection {
        Some(lines) => lines.next_line().await,
        None => std::future::pending().await,
    }
}

/// Whether some meeting `wanted` names answers now (for `--no-wait`).
pub fn running(folder: &Path, wanted: &Wanted) -> bool {
    place::sockets(folder, wanted)
        .iter()
        .any(|s| std::os::unix::net::UnixStream::connect(s).is_ok())
}
