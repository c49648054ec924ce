//! The answer to the background question is read, never taken as keys.
//!
//! The loop asks the terminal its colour (OSC 11) once it has the screen;
//! the answer comes through the terminal's input, among whatever the PM
//! has typed: crossterm reads `ESC ] 11 ; rgb:ffff/ffff/ffff ESC \`
//! as Alt-`]`, `1`, `1`, `;`, `r`, `g`, `b`… and those would be taken as
//! the PM's keys. For `WINDOW` after the question, the sieve holds keys
//! that could be the start of that answer, takes them out and reads the
//! colour when the answer is complete, and hands them on unchanged the
//! moment they cannot be. Keys typed before the answer (even before the
//! program started) go on in order: nothing else reads the terminal.
//! (The device-attributes answer that follows, `ESC [ ? … c`, never
//! reaches the keys: crossterm reads it as a reply of its own and keeps it
//! from the event stream.)

use std::collections::VecDeque;
use std::io;
use std::pin::Pin;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use futures_util::{Stream, StreamExt as _};

use super::background::{Background, from_colour, parse_colour};

/// How long after an unanswered question its answer is still looked for.
/// Answers that miss the wait come within a second on a loaded machine;
/// the margin costs nothing, as only keys shaped like the answer are held.
pub const WINDOW: Duration = Duration::from_secs(10);

/// The longest keys are held waiting for the rest of an answer. A terminal
/// writes its answer at once, so its pieces come together; a key that
/// nothing follows within this was the PM's and goes on.
pub const STALL: Duration = Duration::from_millis(150);

/// Every answer starts so: OSC, the question's number, a separator.
const START: &[u8] = b"\x1b]11;";

/// Longer than any colour a terminal reports (`rgba:ffff/ffff/ffff/ffff`).
const LONGEST_COLOUR: usize = 40;

/// Decides, key by key, which keys are the late answer.
#[derive(Debug)]
pub struct Sieve {
    /// Until when an answer may start; `None` when none is expected.
    open_until: Option<Instant>,
    /// Keys that, so far, read as the start of the answer.
    held: Vec<KeyEvent>,
    /// When the last held key came.
    last: Instant,
    /// The background the answer told, until it is taken.
    answer: Option<Background>,
}

impl Sieve {
    /// No question is outstanding: every key goes on as it comes.
    pub fn closed() -> Sieve {
        Sieve {
            open_until: None,
            held: Vec::new(),
            last: Instant::now(),
            answer: None,
        }
    }

    /// The question went unanswered at `asked`: its answer may come until
    /// `asked + WINDOW`.
    pub fn open(asked: Instant) -> Sieve {
        Sieve {
            open_until: Some(asked + WINDOW),
            held: Vec::new(),
            last: asked,
            answer: None,
        }
    }

    /// A key arrived at `now`: the keys to hand on, in the order typed.
    pub fn key(&mut self, key: KeyEvent, now: Instant) -> Vec<KeyEvent> {
        let looking = self.open_until.is_some_and(|until| now <= until);
        if self.held.is_empty() && !looking {
            return vec![key];
        }
        self.held.push(key);
        self.last = now;
        let mut out = Vec::new();
        loop {
            match reads_as_answer(&self.held) {
                Reading::Whole => {
                    // One question, one answer: nothing else is dropped.
                    self.answer = colour_in(&self.held)
                        .and_then(|spec| parse_colour(&spec))
                        .map(|(r, g, b)| from_colour(r, g, b));
                    self.held.clear();
                    self.open_until = None;
                    return out;
                }
                Reading::Start => return out,
                Reading::Not if looking => {
                    // The first key was the PM's; the rest may still start
                    // the answer (an Esc typed just before it, say).
                    out.push(self.held.remove(0));
                    if self.held.is_empty() {
                        return out;
                    }
                }
                Reading::Not => {
                    out.append(&mut self.held);
                    return out;
                }
            }
        }
    }

    /// The background the answer told, once; none before it came, or when
    /// it named no colour this reads.
    pub fn take_answer(&mut self) -> Option<Background> {
        self.answer.take()
    }

    /// Whether an answer is still looked for at `now`.
    pub fn looking(&self, now: Instant) -> bool {
        self.open_until.is_some_and(|until| now <= until)
    }

    /// When held keys are given up as the PM's if nothing follows them.
    pub fn release_at(&self) -> Option<Instant> {
        (!self.held.is_empty()).then(|| self.last + STALL)
    }

    /// Nothing followed the held keys in time (or something other than a
    /// key came): they go on, in the order typed.
    pub fn release(&mut self) -> Vec<KeyEvent> {
        std::mem::take(&mut self.held)
    }
}

/// How held keys read against the answer's shape.
#[derive(Debug, PartialEq, Eq)]
enum Reading {
    /// The whole answer, terminator included.
    Whole,
    /// The answer so far; more is to come.
    Start,
    /// Not the answer.
    Not,
}

/// Compare the keys, turned back into the bytes crossterm read them from,
/// with `ESC ] 11 ; colour (ESC \ | BEL)`. Going back to bytes makes an
/// answer split across reads (ESC alone, then `]`) read as one that is not.
fn reads_as_answer(keys: &[KeyEvent]) -> Reading {
    let mut bytes = Vec::new();
    for key in keys {
        match bytes_of(key) {
            Some(b) => bytes.extend_from_slice(&b),
            None => return Reading::Not,
        }
    }
    let n = bytes.len().min(START.len());
    if bytes[..n] != START[..n] {
        return Reading::Not;
    }
    let colour = &bytes[n..];
    let length = colour
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'/' | b'#' | b'.'))
        .count();
    if length > LONGEST_COLOUR {
        return Reading::Not;
    }
    match &colour[length..] {
        [] | [0x1b] => Reading::Start,
        [0x1b, b'\\'] | [0x07] if length > 0 => Reading::Whole,
        _ => Reading::Not,
    }
}

/// The colour of a whole answer held as keys: what comes between
/// `ESC ] 11 ;` and its terminator.
fn colour_in(keys: &[KeyEvent]) -> Option<String> {
    let bytes: Vec<u8> = keys.iter().filter_map(bytes_of).flatten().collect();
    let colour = bytes.get(START.len()..)?;
    let end = colour
        .iter()
        .position(|b| matches!(b, 0x1b | 0x07))
        .unwrap_or(colour.len());
    String::from_utf8(colour[..end].to_vec()).ok()
}

/// The bytes a key event was read from, for the keys an answer is made of.
fn bytes_of(key: &KeyEvent) -> Option<Vec<u8>> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let alt = key.modifiers == KeyModifiers::ALT;
    let plain = key.modifiers.difference(KeyModifiers::SHIFT).is_empty();
    match key.code {
        KeyCode::Esc if key.modifiers.is_empty() => Some(vec![0x1b]),
        // BEL, the other terminator, is read as Ctrl-G.
        KeyCode::Char('g') if key.modifiers == KeyModifiers::CONTROL => Some(vec![0x07]),
        KeyCode::Char(c) if c.is_ascii() && (plain || alt) => {
            let mut bytes = if alt { vec![0x1b] } else { Vec::new() };
            bytes.push(c as u8);
            Some(bytes)
        }
        _ => None,
    }
}

/// What the loop reads from the terminal: its events with the answer to
/// the background question taken out, and that answer once it is read.
#[derive(Debug, Clone, PartialEq)]
pub enum Sifted {
    Event(Event),
    Background(Background),
}

/// How long the first frame waits for the background's answer: a terminal
/// on this machine answers within a millisecond, one over a slow link may
/// take longer, and one that never answers costs this once.
pub const ANSWER_PATIENCE: Duration = Duration::from_millis(30);

/// The background's answer, if it comes within `patience`; events that
/// come first wait in `waiting`, in order. The first frame waits for it:
/// drawn at once in colours that read on both and again when the answer
/// came, every cell was drawn and sent twice (a twentieth of a meeting's
/// start-up CPU), and the screen changed colour under the PM's eyes. An
/// answer later than that is still taken from the keys, and the screen
/// recoloured then.
pub async fn answer_within(
    events: &mut Pin<Box<dyn Stream<Item = io::Result<Sifted>>>>,
    waiting: &mut VecDeque<Event>,
    patience: Duration,
) -> io::Result<Option<Background>> {
    let deadline = tokio::time::Instant::now() + patience;
    while let Ok(Some(sifted)) = tokio::time::timeout_at(deadline, events.next()).await {
        match sifted? {
            Sifted::Background(background) => return Ok(Some(background)),
            Sifted::Event(event) => waiting.push_back(event),
        }
    }
    Ok(None)
}

/// The terminal's events with the answer taken out: keys that could be
/// its start wait (at most `STALL`) until it is clear whether they are.
pub fn sift<S>(events: S, sieve: Sieve) -> Pin<Box<dyn Stream<Item = io::Result<Sifted>>>>
where
    S: Stream<Item = io::Result<Event>> + Unpin + 'static,
{
    let state = (events, sieve, VecDeque::new(), false);
    Box::pin(futures_util::stream::unfold(
        state,
        |(mut events, mut sieve, mut ready, mut ended)| async move {
            loop {
                if let Some(event) = ready.pop_front() {
                    return Some((event, (events, sieve, ready, ended)));
                }
                if ended {
                    return None;
                }
                let stalled = sieve.release_at().map(tokio::time::Instant::from_std);
                let next = tokio::select! {
                    next = events.next() => next,
                    () = until(stalled) => {
                        ready.extend(sieve.release().into_iter().map(key_event));
                        continue;
                    }
                };
                match next {
                    Some(Ok(Event::Key(key))) => {
                        ready.extend(sieve.key(key, Instant::now()).into_iter().map(key_event));
                        if let Some(background) = sieve.take_answer() {
                            ready.push_back(Ok(Sifted::Background(background)));
                        }
                    }
                    // A paste, a resize or an error: keys held before it
                    // were typed before it.
                    Some(other) => {
                        ready.extend(sieve.release().into_iter().map(key_event));
                        ready.push_back(other.map(Sifted::Event));
                    }
                    None => {
                        ready.extend(sieve.release().into_iter().map(key_event));
                        ended = true;
                    }
                }
            }
        },
    ))
}

fn key_event(key: KeyEvent) -> io::Result<Sifted> {
    Ok(Sifted::Event(Event::Key(key)))
}

/// Wait until `at`; for ever when there is nothing to wait for.
async fn until(at: Option<tokio::time::Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(c: char) -> KeyEvent {
        let shift = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        KeyEvent::new(KeyCode::Char(c), shift)
    }

    fn alt(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
    }

    fn esc() -> KeyEvent {
        KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)
    }

    fn bel() -> KeyEvent {
        KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL)
    }

    /// The keys crossterm makes of `ESC ] 11 ; rgb:ffff/ffff/ffff ESC \`
    /// read at once.
    fn answer() -> Vec<KeyEvent> {
        let mut keys = vec![alt(']')];
        keys.extend("11;rgb:ffff/ffff/ffff".chars().map(ch));
        keys.push(alt('\\'));
        keys
    }

    /// Feed `keys` one by one, 1 ms apart, from `start`; what went on.
    fn feed(sieve: &mut Sieve, start: Instant, keys: &[KeyEvent]) -> Vec<KeyEvent> {
        let mut out = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            out.extend(sieve.key(*key, start + Duration::from_millis(i as u64)));
        }
        out
    }

    /// Run `future` as the loop does, on one thread with a clock.
    fn on_loop<F: std::future::Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap()
            .block_on(future)
    }

    fn events(
        items: Vec<Sifted>,
        then_silence: bool,
    ) -> Pin<Box<dyn Stream<Item = io::Result<Sifted>>>> {
        let items = futures_util::stream::iter(items.into_iter().map(Ok));
        if then_silence {
            Box::pin(items.chain(futures_util::stream::pending()))
        } else {
            Box::pin(items)
        }
    }

    #[test]
    fn the_first_frame_takes_the_answer_and_keys_typed_before_it_wait_in_order() {
        let typed = [Event::Key(ch('n')), Event::Key(ch('Ø'))];
        let mut items: Vec<Sifted> = typed.iter().cloned().map(Sifted::Event).collect();
        items.push(Sifted::Background(Background::Light));
        items.push(Sifted::Event(Event::Key(ch('x'))));
        let mut stream = events(items, true);
        let mut waiting = VecDeque::new();
        let answer = on_loop(answer_within(
            &mut stream,
            &mut waiting,
            Duration::from_secs(5),
        ));
        assert_eq!(answer.unwrap(), Some(Background::Light));
        assert_eq!(
            Vec::from(waiting),
            typed.to_vec(),
            "keys before the answer wait, in order"
        );
        let next = on_loop(stream.next()).unwrap().unwrap();
        assert_eq!(
            next,
            Sifted::Event(Event::Key(ch('x'))),
            "keys after it are left to the loop"
        );
    }

    #[test]
    fn a_terminal_that_never_answers_delays_the_first_frame_by_the_patience_only() {
        let mut stream = events(vec![Sifted::Event(Event::Key(ch('q')))], true);
        let mut waiting = VecDeque::new();
        let started = Instant::now();
        let answer = on_loop(answer_within(
            &mut stream,
            &mut waiting,
            Duration::from_millis(20),
        ));
        assert_eq!(answer.unwrap(), None);
        assert!(started.elapsed() >= Duration::from_millis(20), "it waited");
        assert_eq!(
            waiting.iter().cloned().collect::<Vec<_>>(),
            vec![Event::Key(ch('q'))]
        );
        let mut ended = events(Vec::new(), false);
        assert_eq!(
            on_loop(answer_within(
                &mut ended,
                &mut waiting,
                Duration::from_secs(5)
            ))
            .unwrap(),
            None,
            "a terminal gone ends the wait"
        );
    }

    #[test]
    fn the_whole_answer_is_dropped() {
        let asked = Instant::now();
        let mut sieve = Sieve::open(asked);
        let out = feed(&mut sieve, asked + Duration::from_millis(300), &answer());
        assert_eq!(out, Vec::<KeyEvent>::new());
        assert_eq!(sieve.release_at(), None, "nothing is left held");
    }

    #[test]
    fn an_answer_ended_by_bel_is_dropped() {
        let asked = Instant::now();
        let mut sieve = Sieve::open(asked);
        let mut keys = vec![alt(']')];
        keys.extend("11;rgb:1e1e/1e1e/1e1e".chars().map(ch));
        keys.push(bel());
        assert_eq!(feed(&mut sieve, asked, &keys), vec![]);
        assert_eq!(sieve.release(), vec![]);
    }

    #[test]
    fn an_answer_split_across_reads_is_dropped() {
        // ESC last in one read is read as Esc alone, and what follows it in
        // the next read as plain keys: `]` and `\` without Alt.
        let asked = Instant::now();
        let mut sieve = Sieve::open(asked);
        let mut keys = vec![esc(), ch(']')];
        keys.extend("11;rgb:FFFF/ffff/ffff".chars().map(ch));
        keys.extend([esc(), ch('\\')]);
        assert_eq!(feed(&mut sieve, asked, &keys), vec![]);
        assert_eq!(sieve.release(), vec![]);
    }

    #[test]
    fn keys_typed_before_and_after_the_answer_go_on() {
        let asked = Instant::now();
        let mut sieve = Sieve::open(asked);
        let mut keys = vec![ch('n'), esc()];
        keys.extend(answer());
        keys.extend([ch('r'), ch('g'), alt(']'), ch('1'), ch('1')]);
        let out = feed(&mut sieve, asked, &keys);
        // The Esc before the answer is the PM's; after the answer nothing
        // is looked for any more.
        assert_eq!(
            out,
            vec![ch('n'), esc(), ch('r'), ch('g'), alt(']'), ch('1'), ch('1')]
        );
    }

    #[test]
    fn keys_that_only_begin_like_the_answer_go_on_in_order() {
        let asked = Instant::now();
        let mut sieve = Sieve::open(asked);
        let keys = [alt(']'), ch('1'), ch('1'), ch('x')];
        assert_eq!(feed(&mut sieve, asked, &keys), keys.to_vec());
        // A colour that never ends is not an answer either.
        let mut keys = vec![alt(']')];
        keys.extend("11;".chars().chain("f".repeat(60).chars()).map(ch));
        let out = feed(&mut sieve, asked, &keys);
        assert_eq!(out.len() + sieve.release().len(), keys.len());
    }

    #[test]
    fn a_lone_key_held_in_the_window_is_given_up_after_the_stall() {
        let asked = Instant::now();
        let mut sieve = Sieve::open(asked);
        let at = asked + Duration::from_secs(1);
        assert_eq!(
            sieve.key(esc(), at),
            vec![],
            "held: it may start the answer"
        );
        assert_eq!(sieve.release_at(), Some(at + STALL));
        assert_eq!(sieve.release(), vec![esc()]);
        assert_eq!(sieve.release_at(), None);
    }

    #[test]
    fn alt_bracket_typed_after_the_window_goes_on_at_once() {
        let asked = Instant::now();
        let mut sieve = Sieve::open(asked);
        let later = asked + WINDOW + Duration::from_secs(1);
        assert_eq!(sieve.key(alt(']'), later), vec![alt(']')]);
        assert_eq!(sieve.release_at(), None, "nothing is held");
        // Even the whole answer goes on once it is too late to be one.
        assert_eq!(feed(&mut sieve, later, &answer()), answer());
    }

    #[test]
    fn with_no_question_outstanding_every_key_goes_on() {
        let mut sieve = Sieve::closed();
        assert_eq!(feed(&mut sieve, Instant::now(), &answer()), answer());
    }

    #[tokio::test]
    async fn the_stream_reads_the_answer_and_keeps_every_other_event() {
        let mut events: Vec<io::Result<Event>> = vec![
            Ok(Event::Key(ch('n'))),
            Ok(Event::Key(esc())),
            Ok(Event::Paste("ok".into())),
        ];
        events.extend(answer().into_iter().map(|k| Ok(Event::Key(k))));
        events.push(Ok(Event::Key(alt(']'))));
        let sifted = sift(
            futures_util::stream::iter(events),
            Sieve::open(Instant::now()),
        );
        let got: Vec<Sifted> = sifted.map(Result::unwrap).collect().await;
        // The Esc, held as a possible start, goes before the paste after it.
        assert_eq!(
            got,
            vec![
                Sifted::Event(Event::Key(ch('n'))),
                Sifted::Event(Event::Key(esc())),
                Sifted::Event(Event::Paste("ok".into())),
                Sifted::Background(Background::Light),
                Sifted::Event(Event::Key(alt(']'))),
            ]
        );
    }

    #[tokio::test]
    async fn keys_typed_before_the_answer_are_kept_in_order_and_a_dark_one_is_read() {
        // What a PM typing at once leaves in the terminal before the answer.
        let mut keys: Vec<KeyEvent> = "nSøren 1".chars().map(ch).collect();
        keys.push(alt(']'));
        keys.extend("11;rgb:1e1e/1e1e/1e1e".chars().map(ch));
        keys.push(alt('\\'));
        keys.extend("ok".chars().map(ch));
        let events: Vec<io::Result<Event>> = keys.into_iter().map(|k| Ok(Event::Key(k))).collect();
        let sifted = sift(
            futures_util::stream::iter(events),
            Sieve::open(Instant::now()),
        );
        let got: Vec<Sifted> = sifted.map(Result::unwrap).collect().await;
        let mut want: Vec<Sifted> = "nSøren 1"
            .chars()
            .map(|c| Sifted::Event(Event::Key(ch(c))))
            .collect();
        want.push(Sifted::Background(Background::Dark));
        want.extend("ok".chars().map(|c| Sifted::Event(Event::Key(ch(c)))));
        assert_eq!(got, want);
    }

    #[tokio::test]
    async fn the_stream_hands_on_a_held_key_when_nothing_follows() {
        let events = futures_util::stream::iter([Ok(Event::Key(esc()))])
            .chain(futures_util::stream::pending());
        let mut sifted = sift(events, Sieve::open(Instant::now()));
        assert_eq!(
            sifted.next().await.unwrap().unwrap(),
            Sifted::Event(Event::Key(esc()))
        );
    }
}
