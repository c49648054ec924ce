//! The loop: draw when something changed, wait for a key, a resize, the
//! one-second clock or a signal, turn keys into actions, apply them, carry
//! out the effects. The terminal is always given back as it was found.

use std::io;

use crossterm::event::{Event, KeyEventKind};
use futures_util::StreamExt as _;
use ratatui::layout::Rect;
use tokio::signal::unix::{SignalKind, signal};

use super::background::{Background, Choice};
use super::late_answer::{ANSWER_PATIENCE, Sieve, Sifted, answer_within, sift};
use super::later::{Done, Reads};
use super::sharing::Sharing;
use super::terminal::{Restore, Screen, init_terminal, leave_terminal, take_terminal};
use super::theme::Theme;
use super::view::{View, draw};
use crate::meeting::{Action, Effect, Meeting, update};
use crate::record::format::Record;
use crate::record::open::Lock;
use crate::record::open::OpenError;
use crate::record::store::{Finished, Health, Message, Paths, Store};
use crate::session::Later;
use crate::tui::config::Config;

/// Ctrl-Z, or a SIGTSTP from outside: give the terminal back and stop, as
/// any program does; on `fg`, take it again and draw everything anew.
fn suspend(terminal: &mut Screen) -> io::Result<()> {
    leave_terminal();
    // This process catches SIGTSTP (that is how it got here), so it stops
    // itself with SIGSTOP, which cannot be caught; the shell sees a
    // stopped job either way. It carries on here after SIGCONT.
    // SAFETY: raise(3) has no preconditions; it only sends a signal.
    unsafe {
        libc::raise(libc::SIGSTOP);
    }
    take_terminal()?;
    // Paint every cell again: blank the screen, and make the last frame
    // drawn a blank one, so the next draw sends every cell that is not
    // blank. (`Terminal::clear` would ask the terminal where its cursor
    // is, a reply the key reader could take first.)
    crossterm::execute!(
        io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    terminal
        .draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))
        .map(|_| ())
}

/// Ctrl-Z, read as a key: raw mode turns off the terminal's own suspend.
fn is_suspend_key(key: &crossterm::event::KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && key.code == crossterm::event::KeyCode::Char('z')
        && key
            .modifiers
            .contains(crossterm::event::KeyModifiers::CONTROL)
}

/// Ctrl-C, read as a key: raw mode turns off the terminal's own interrupt.
fn is_leave_key(key: &crossterm::event::KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && key.code == crossterm::event::KeyCode::Char('c')
        && key
            .modifiers
            .contains(crossterm::event::KeyModifiers::CONTROL)
}

/// What a terminal event asks of the meeting: Ctrl-Z stops here and a
/// resize redraws; a key or a paste is an action.
fn on_event(
    event: Event,
    meeting: &Meeting,
    config: &Config,
    terminal: &mut Screen,
    dirty: &mut bool,
) -> io::Result<Option<Action>> {
    Ok(match event {
        Event::Key(key) if is_suspend_key(&key) => {
            suspend(terminal)?;
            *dirty = true;
            None
        }
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            super::keymap::key_action(meeting, &config.keymap, key)
        }
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(_, _) => {
            *dirty = true;
            None
        }
        _ => None,
    })
}

/// Why the loop stopped before the PM left.
#[derive(Debug, thiserror::Error)]
pub enum Stopped {
    #[error("the terminal failed: {0}")]
    Terminal(#[from] io::Error),
    /// A resumed meeting's record could not be read whole after its first
    /// screen; nothing was written over it.
    #[error(transparent)]
    Unreadable(OpenError),
}

/// Run the meeting full screen until the PM quits or a signal arrives.
/// With a store, every change is written as it happens; the store is
/// finished (everything written) before this returns.
///
/// What the set-up left for `later` (the rest of a resumed meeting, the
/// earlier meetings) is read once the first frame is drawn
/// ([`super::later`]).
pub fn run(
    meeting: Meeting,
    config: Config,
    disk: Option<(Paths, Lock)>,
    later: Option<Later>,
) -> Result<Option<Finished>, Stopped> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let (health_tx, health) = tokio::sync::mpsc::unbounded_channel();
    let records_dir = disk
        .as_ref()
        .and_then(|(paths, _)| paths.record.parent().map(std::path::Path::to_path_buf));
    let store = disk.map(|(paths, lock)| {
        Store::start(paths, lock, move |h| {
            let _ = health_tx.send(h);
        })
    });
    let reads = Reads::new(later);
    // `follow` screens are served from a thread of their own once the
    // first frame is drawn; the meeting goes on without them if the socket
    // cannot be made.
    let mut sharing = Sharing::after_first_frame(records_dir);
    let result = runtime.block_on(run_loop(
        meeting,
        config,
        store.as_ref(),
        health,
        &mut sharing,
        reads,
    ));
    // A terminal that is gone ends the meeting as a hangup does, whatever
    // failed first: drawing, reading or the clock's look at it.
    let result = match result {
        Err(Stopped::Terminal(_)) if super::lost::terminal_gone() => Ok(()),
        result => result,
    };
    sharing.finish();
    let finished = store.map(Store::finish);
    result.map(|()| finished)
}

async fn run_loop(
    mut meeting: Meeting,
    config: Config,
    store: Option<&Store>,
    health: tokio::sync::mpsc::UnboundedReceiver<Health>,
    sharing: &mut Sharing,
    reads: Reads,
) -> Result<(), Stopped> {
    let left = meeting_loop(&mut meeting, config, store, health, sharing, reads).await;
    // Left from outside (a signal, the terminal gone), the record is written
    // as the meeting stands, not only its journal, as leaving with `q`
    // does: every other command reads the meeting whole.
    // A resumed meeting still coming back has nothing to write over its record.
    if let (Ok(Left::Outside) | Err(_), Some(store)) = (&left, store)
        && !meeting.bringing_back
    {
        store.send(Message::Save(Box::new(Record::frame_of(&meeting))));
    }
    left.map(|_| ())
}

/// How the meeting loop ended.
enum Left {
    /// The meeting left itself (`q`), and saved as it did.
    Themselves,
    /// A signal, the terminal gone, or a key before the meeting was whole.
    Outside,
}

async fn meeting_loop(
    meeting: &mut Meeting,
    mut config: Config,
    store: Option<&Store>,
    mut health: tokio::sync::mpsc::UnboundedReceiver<Health>,
    sharing: &mut Sharing,
    mut reads: Reads,
) -> Result<Left, Stopped> {
    // Signals first, so a SIGTERM during start-up still restores the terminal.
    let mut leaving = Leaving::new()?;
    let mut stop = signal(SignalKind::from_raw(libc::SIGTSTP))?;
    let choice = background_choice(&mut config);
    let mut terminal = init_terminal()?;
    let _restore = Restore;
    let _gone = super::lost::LetGoIfGone;
    let sieve = blank_and_ask(choice)?;
    let mut theme = Theme {
        palette: config.palette,
    };
    let mut events = sift(super::events::Events::new(), sieve);
    // The clock ticks a second after the first frame, not with it: that
    // frame already shows the time, and a tick at once would draw it all
    // again for nothing.
    let second = std::time::Duration::from_secs(1);
    let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + second, second);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut dirty = true;
    // Keys that wait their turn, in the order typed, while the reads are
    // out, or while the first frame waits for the background's answer.
    let mut waiting: std::collections::VecDeque<Event> = std::collections::VecDeque::new();
    // The first frame is drawn once, in the terminal's own colours, when
    // it answers at once (see `answer_within`). While the answer travels,
    // the frame is drawn in memory for a dark background, the likelier
    // answer: sent as it is when that is the answer, drawn again when not.
    let mut ahead = None;
    if choice == Choice::Ask {
        let mut dark = theme;
        dark.palette.background = Background::Dark;
        let area = draw_ahead(&mut terminal, meeting, &dark, &config);
        if let Some(background) = answer_within(&mut events, &mut waiting, ANSWER_PATIENCE).await? {
            theme.palette.background = background;
        }
        ahead = (theme.palette.background == Background::Dark).then_some(area);
        if ahead.is_none() {
            // Drawing again over the dark frame would keep its colours
            // wherever the terminal's own colours are wanted.
            terminal.current_buffer_mut().reset();
        }
    }
    // The meeting is on disk from its first moment (a resumed one once
    // what it captured is back): written once the first frame is drawn,
    // before any key is taken, so the frame does not wait for the disk
    // and nothing typed can come before it.
    let mut on_disk = store.filter(|_| reads.meeting_whole());
    let mut first_frame = true;
    loop {
        // A frame that keys already typed would replace at once is not
        // drawn: they are taken first (a pasted key sequence, `q` and `y`
        // typed together), and the screen is drawn once they are. The
        // first frame is always drawn.
        if dirty && (first_frame || !typed_ahead(&waiting, reads.holding())) {
            first_frame = false;
            let drawn = ahead.take();
            redraw(
                &mut terminal,
                meeting,
                &theme,
                &config,
                sharing,
                &mut dirty,
                drawn,
            )?;
            if let Some(store) = on_disk.take() {
                store.send(Message::Snapshot(Box::new(Record::of(meeting))));
            }
            // Nothing reads the terminal before the first frame: the watch
            // for a terminal gone starts after it, so that frame is sooner.
            super::lost::watch();
        }
        reads.start_next(meeting);
        let holding = reads.holding();
        // Keys that came while the reads were out go first, in order.
        let held = if holding { None } else { waiting.pop_front() };
        let action = if let Some(event) = held {
            on_event(event, meeting, &config, &mut terminal, &mut dirty)?
        } else {
            tokio::select! {
                done = reads.done() => {
                    let back = matches!(done, Done::Back(_));
                    if back {
                        // Keys already in the terminal were typed at the
                        // screen without the field: they wait their turn
                        // before it comes back, whichever was seen first.
                        typed_already(&mut events, &mut waiting, &mut theme)?;
                    }
                    reads.take_in(done, meeting, store).map_err(Stopped::Unreadable)?;
                    dirty = true;
                    if back && !waiting.is_empty() && meeting.draft.is_some() {
                        // Keys typed before the half-typed field came back
                        // were typed at a screen without it: they act on
                        // that screen, and the field waits, unsent, to be
                        // opened again (the same field carries on with it).
                        let esc = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Esc);
                        if carry_out(meeting, Action::Type(esc), store, false) {
                            return Ok(Left::Themselves);
                        }
                    }
                    None
                }
                // Read as they come even while they wait, so the answer to
                // the background question is still told from keys; Ctrl-Z
                // stops at once.
                sifted = events.next() => match sifted {
                    Some(Ok(Sifted::Background(background))) => {
                        theme.palette.background = background;
                        dirty = true;
                        None
                    }
                    // Before a resumed meeting is whole there is nothing to
                    // save yet: Ctrl-C leaves at once.
                    Some(Ok(Sifted::Event(Event::Key(key))))
                        if !reads.meeting_whole() && is_leave_key(&key) => return Ok(Left::Outside),
                    Some(Ok(Sifted::Event(event @ Event::Key(_) | event @ Event::Paste(_)))) if holding
                        && !matches!(&event, Event::Key(key) if is_suspend_key(key)) => {
                        hold_or_act(event, meeting, &config, &reads, &mut waiting)
                    }
                    Some(Ok(Sifted::Event(event))) => {
                        on_event(event, meeting, &config, &mut terminal, &mut dirty)?
                    }
                    Some(Err(e)) => return Err(e.into()),
                    None => return Ok(Left::Outside),
                },
                _ = tick.tick() => {
                    if super::lost::terminal_gone() {
                        return Ok(Left::Outside);
                    }
                    let now = jiff::Timestamp::now();
                    if holding {
                        // While keys wait, time shows but nothing is dealt.
                        meeting.clock.tick(now);
                        dirty = true;
                        None
                    } else {
                        Some(Action::Tick(now))
                    }
                }
                Some(report) = health.recv() => Some(match report {
                    Health::Failing(why) => Action::SaveFailed(why),
                    Health::Recovered => Action::SaveRecovered,
                    Health::Wrote(path) => Action::Wrote(path.display().to_string()),
                }),
                Some(n) = sharing.follower_count() => Some(Action::Followers(n)),
                _ = leaving.any() => return Ok(Left::Outside),
                _ = stop.recv() => {
                    suspend(&mut terminal)?;
                    dirty = true;
                    None
                }
            }
        };
        let Some(action) = action else { continue };
        dirty = true;
        if carry_out(meeting, action, store, !holding) {
            return Ok(Left::Themselves);
        }
    }
}

/// Take every event the terminal has already sent, without waiting: keys
/// and pastes join those waiting their turn, the background's answer is
/// taken in.
fn typed_already(
    events: &mut std::pin::Pin<Box<dyn futures_util::Stream<Item = io::Result<Sifted>>>>,
    waiting: &mut std::collections::VecDeque<Event>,
    theme: &mut Theme,
) -> io::Result<()> {
    use futures_util::FutureExt as _;
    while let Some(Some(sifted)) = events.next().now_or_never() {
        match sifted? {
            Sifted::Background(background) => theme.palette.background = background,
            Sifted::Event(event) => waiting.push_back(event),
        }
    }
    Ok(())
}

/// Draw the meeting as it stands and hand it to the followers, who are
/// served from the first frame on. `ahead`: the frame is already drawn in
/// the terminal's buffer, for a terminal of that size, and only sent.
fn redraw(
    terminal: &mut Screen,
    meeting: &mut Meeting,
    theme: &Theme,
    config: &Config,
    sharing: &mut Sharing,
    dirty: &mut bool,
    ahead: Option<Rect>,
) -> io::Result<()> {
    let view = View {
        meeting,
        theme,
        keymap: &config.keymap,
    };
    let drawn = match ahead {
        // A terminal resized meanwhile keeps the cells drawn at the old
        // size: blanked, and drawn again.
        Some(area) => {
            terminal.autoresize()?;
            let same = terminal.get_frame().area() == area;
            if !same {
                terminal.current_buffer_mut().reset();
            }
            same
        }
        None => false,
    };
    if drawn {
        // The screens place no cursor: it stays hidden, as `draw` leaves it.
        terminal.apply_buffer()?;
    } else {
        terminal.draw(|frame| draw(frame, &view))?;
    }
    sharing.publish(meeting);
    *dirty = sharing.start_once(meeting);
    Ok(())
}

/// Draw the meeting into the terminal's buffer without sending it, and
/// say for what size of terminal: the size it was taken at a moment ago
/// (each look at the size opens the terminal again; a resize meanwhile
/// is seen before the frame is sent).
fn draw_ahead(terminal: &mut Screen, meeting: &Meeting, theme: &Theme, config: &Config) -> Rect {
    let view = View {
        meeting,
        theme,
        keymap: &config.keymap,
    };
    let mut frame = terminal.get_frame();
    draw(&mut frame, &view);
    frame.area()
}

/// The signals that end a meeting: it is saved as it goes, so each simply
/// leaves.
struct Leaving([tokio::signal::unix::Signal; 4]);

impl Leaving {
    fn new() -> io::Result<Self> {
        Ok(Leaving([
            signal(SignalKind::terminate())?,
            signal(SignalKind::hangup())?,
            signal(SignalKind::interrupt())?,
            signal(SignalKind::quit())?,
        ]))
    }

    /// Any of them.
    async fn any(&mut self) {
        let [terminate, hangup, interrupt, quit] = &mut self.0;
        tokio::select! {
            _ = terminate.recv() => {}
            _ = hangup.recv() => {}
            _ = interrupt.recv() => {}
            _ = quit.recv() => {}
        }
    }
}

/// The background the settings know, or that the terminal must be asked.
fn background_choice(config: &mut Config) -> Choice {
    let choice = if config.palette.colour {
        super::background::detect(config.background)
    } else {
        Choice::Known(config.palette.background)
    };
    if let Choice::Known(background) = choice {
        config.palette.background = background;
    }
    choice
}

/// Whether keys are already waiting to be taken: those held back while
/// the earlier meetings were read, or those the terminal has sent and the
/// reader has not handed on yet. Looking waits for nothing and wakes no
/// thread (the reader is asked with a timeout of zero).
fn typed_ahead(waiting: &std::collections::VecDeque<Event>, holding: bool) -> bool {
    (!holding && !waiting.is_empty())
        || crossterm::event::poll(std::time::Duration::ZERO).unwrap_or(false)
}

/// Blank what a killed program left on the screen, take pastes whole, and
/// ask the background question when it must be asked.
fn blank_and_ask(choice: Choice) -> io::Result<Sieve> {
    // A screen left by a program that was killed is still on the terminal,
    // alternate screen and all: the first frame starts from a blank one.
    crossterm::execute!(
        io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
        crossterm::event::EnableBracketedPaste
    )?;
    // The background question goes out once the terminal is in raw mode;
    // its answer comes back among the keys, where the sieve reads it, so
    // nothing typed (even before the program started) is lost to it.
    if choice != Choice::Ask {
        return Ok(Sieve::closed());
    }
    use std::io::Write as _;
    let mut out = io::stdout();
    out.write_all(super::background::QUESTION)?;
    out.flush()?;
    Ok(Sieve::open(std::time::Instant::now()))
}

/// A key or paste that came while the earlier meetings are read: one that
/// needs nothing from them (moving, help, presenting, leaving) acts at
/// once, unless keys typed before it still wait; the rest wait their turn.
fn hold_or_act(
    event: Event,
    meeting: &Meeting,
    config: &Config,
    reads: &Reads,
    waiting: &mut std::collections::VecDeque<Event>,
) -> Option<Action> {
    let now = match &event {
        Event::Key(key) if waiting.is_empty() && reads.meeting_whole() => {
            super::keymap::key_action(meeting, &config.keymap, *key)
                .filter(|action| !super::later::waits_for_reads(meeting, action))
        }
        _ => None,
    };
    if now.is_none() {
        waiting.push_back(event);
    }
    now
}

/// Apply one action and carry out its effects: the journal entries and the
/// record to the store, the minutes written. Whether the meeting is left.
/// `dealing`: time stamps on captures come from the clock, so it is
/// brought up to date first, and that tick may deal a rehearsal's card
/// (not while keys wait for the reads).
fn carry_out(meeting: &mut Meeting, action: Action, store: Option<&Store>, dealing: bool) -> bool {
    let mut effects = if dealing {
        update(meeting, Action::Tick(jiff::Timestamp::now()))
    } else {
        Vec::new()
    };
    effects.extend(update(meeting, action));
    let effects = match store {
        Some(store) => store.carry_out(meeting, effects),
        None => effects,
    };
    let mut quit = false;
    for effect in effects {
        match effect {
            Effect::WriteMinutes => {
                if let Some(store) = store {
                    for (name, text) in documents_of(meeting, store) {
                        store.send(Message::Document { name, text });
                    }
                }
            }
            Effect::Quit => quit = true,
            // Without a store there is nowhere to write.
            Effect::Journal { .. } | Effect::Save => {}
        }
    }
    quit
}

/// The customer's and the internal minutes, in Markdown and HTML, named
/// after the record; and once a live meeting has ended with the next one
/// agreed, its invitation.
fn documents_of(meeting: &Meeting, store: &Store) -> Vec<(String, String)> {
    use crate::export::minutes::{Audience, file_name, html, markdown};
    let record = Record::of(meeting);
    let zone = meeting.clock.zone.clone();
    let stem = store.stem();
    // Customer tasks as earlier meetings left them, then this one's word.
    let plan = crate::meeting::latest::plan_after(&meeting.plan, &meeting.earlier_followups);
    let plan = Some(&plan);
    let mut documents = Vec::new();
    for audience in [Audience::Customer, Audience::Internal] {
        documents.push((
            file_name(&stem, audience, "md"),
            markdown(&record, plan, &meeting.earlier, audience, &zone),
        ));
        documents.push((
            file_name(&stem, audience, "html"),
            html(&record, plan, &meeting.earlier, audience, &zone),
        ));
    }
    if let Some(next) = meeting.next_meeting
        && meeting.ended.is_some()
        && !meeting.origin.rehearsal
    {
        use crate::export::invitation;
        documents.push((
            invitation::file_name(&stem),
            invitation::invitation(&meeting.plan, &record, &stem, next, &zone),
        ));
    }
    documents
}
