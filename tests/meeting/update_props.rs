//! Whatever the PM presses or pastes, in any field of any section, the
//! meeting never panics and stays whole: every item in a section that
//! exists, ids unique and well formed, and the journal it wrote rebuilds
//! the same meeting (as a crash and resume would).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::{SignedDuration, Timestamp, tz::TimeZone};
use proptest::prelude::*;
use resetpoint::agenda::{DEFAULT_QUESTIONS, Section, SectionKind};
use resetpoint::meeting::typed::{People, due_date, quick_capture, signoff_line};
use resetpoint::meeting::update::replay;
use resetpoint::meeting::{Action, Clock, Effect, Meeting, update};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::{AgendaName, Plan};
use resetpoint::record::format::{Record, restore};

const DEMO: &str = include_str!("../../assets/demo.toml");

fn start() -> Timestamp {
    "2026-11-24T14:00:00Z".parse().unwrap()
}

/// The demo plan, with glossary terms that fold to other lengths.
fn plan() -> Plan {
    let mut plan = load_bytes("demo.toml", DEMO.as_bytes()).plan.unwrap();
    plan.project
        .glossary
        .insert("éx".into(), "a term after a Kelvin sign".into());
    plan.project.glossary.insert("Kx".into(), "kilo x".into());
    plan
}

/// A meeting over every section kind, so every field and row is reachable.
fn meeting() -> Meeting {
    let sections = SectionKind::ALL
        .iter()
        .map(|&kind| Section {
            kind,
            title: kind.default_title().to_owned(),
            minutes: 5,
            questions: if kind == SectionKind::Listen {
                DEFAULT_QUESTIONS.iter().map(|q| (*q).to_owned()).collect()
            } else {
                Vec::new()
            },
            sensitive: Vec::new(),
        })
        .collect();
    Meeting::with_sections(
        plan(),
        AgendaName::Plan,
        sections,
        Clock::at(start(), TimeZone::UTC),
        false,
    )
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Action {
    Action::Type(KeyEvent::new(code, modifiers))
}

/// Text as a PM might type it, and text nobody would: quick-capture words,
/// names with spaces and accents, wide characters, emoji, controls.
fn typed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("due:+3é".to_owned()),
        Just("due:+1日".to_owned()),
        Just("due:+3w🎉".to_owned()),
        Just("due:+".to_owned()),
        Just("due:fri".to_owned()),
        Just("due:2026-12-01".to_owned()),
        Just("@Zoë Krüger".to_owned()),
        Just("@ola".to_owned()),
        Just("@".to_owned()),
        Just("@,".to_owned()),
        Just("@Ola Nordmann".to_owned()),
        Just("#internal".to_owned()),
        Just("deferred".to_owned()),
        Just("by".to_owned()),
        Just("done".to_owned()),
        Just("1".to_owned()),
        Just("2".to_owned()),
        Just("3".to_owned()),
        Just("\u{212A}x éx İİ".to_owned()),
        Just("\u{130}".to_owned()),
        "\\PC{0,6}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..5).prop_map(|p| p.join(" "))
}

fn step() -> impl Strategy<Value = Action> {
    prop_oneof![
        // Opening every kind of field, and the keys around them.
        4 => prop_oneof![
            Just(Action::Note),
            Just(Action::PrivateNote),
            Just(Action::NewAction),
            Just(Action::Decision),
            Just(Action::Risk),
            Just(Action::Issue),
            Just(Action::Signoff),
            Just(Action::CustomerTask),
            Just(Action::Select),
            Just(Action::Edit),
            Just(Action::Delete),
        ],
        4 => prop_oneof![
            Just(Action::NextSection),
            Just(Action::PreviousSection),
            (0usize..16).prop_map(Action::JumpTo),
            Just(Action::Up),
            Just(Action::Down),
            Just(Action::Agenda),
            Just(Action::Help),
            Just(Action::Close),
            Just(Action::Presenting),
            Just(Action::Minutes),
        ],
        1 => Just(Action::Quit),
        1 => (0i64..4000).prop_map(|s| Action::Tick(start() + SignedDuration::from_secs(s))),
        // Keys into a field.
        8 => any::<char>().prop_map(|c| key(KeyCode::Char(c), KeyModifiers::NONE)),
        3 => prop_oneof![
            Just(key(KeyCode::Enter, KeyModifiers::NONE)),
            Just(key(KeyCode::Esc, KeyModifiers::NONE)),
            Just(key(KeyCode::Enter, KeyModifiers::ALT)),
            Just(key(KeyCode::Char('j'), KeyModifiers::CONTROL)),
            Just(key(KeyCode::Backspace, KeyModifiers::NONE)),
            Just(key(KeyCode::Left, KeyModifiers::NONE)),
            Just(key(KeyCode::Right, KeyModifiers::NONE)),
            Just(key(KeyCode::Up, KeyModifiers::NONE)),
            Just(key(KeyCode::Home, KeyModifiers::NONE)),
            Just(key(KeyCode::End, KeyModifiers::NONE)),
        ],
        // Whole lines, typed key by key or pasted.
        3 => typed_text().prop_map(Action::Paste),
    ]
}

/// Steps, where a typed line becomes one key per character then Enter.
fn session() -> impl Strategy<Value = Vec<Action>> {
    let line = typed_text().prop_map(|text| {
        let mut keys: Vec<Action> = text
            .chars()
            .map(|c| key(KeyCode::Char(c), KeyModifiers::NONE))
            .collect();
        keys.push(key(KeyCode::Enter, KeyModifiers::NONE));
        keys
    });
    let chunk = prop_oneof![3 => step().prop_map(|s| vec![s]), 1 => line];
    prop::collection::vec(chunk, 1..60).prop_map(|c| c.concat())
}

/// Text from characters whose lower case has another length (the Kelvin
/// sign, İ, ẞ), their ASCII look-alikes, accents and spaces.
fn folding_text(most: usize) -> impl Strategy<Value = String> {
    let c = prop::sample::select(vec![
        "\u{212A}", "İ", "ẞ", "ß", "Σ", "é", "É", "x", "k", "K", "i", " ", "日", "-",
    ]);
    prop::collection::vec(c, 0..most).prop_map(|cs| cs.concat())
}

/// Draw the meeting as it stands, as the screen would.
fn draw_it(m: &Meeting) {
    let config = resetpoint::tui::config::load(None, false, false).unwrap();
    let theme = resetpoint::tui::theme::Theme {
        palette: config.palette,
    };
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    let view = resetpoint::tui::view::View {
        meeting: m,
        theme: &theme,
        keymap: &config.keymap,
    };
    terminal
        .draw(|frame| resetpoint::tui::view::draw(frame, &view))
        .unwrap();
}

/// The meeting is whole: what any screen or the record relies on.
fn assert_whole(m: &Meeting) {
    let mut ids = std::collections::HashSet::new();
    for item in &m.captures {
        assert!(item.section < m.sections.len(), "{item:?}");
        assert!(ids.insert(item.id.clone()), "id {} twice", item.id);
        let (series, number) = item.id.split_once('-').expect("SERIES-N");
        // The kind's letter, after a mark for what the customer may not see
        // (IR-1): an item edited into or out of view keeps its id.
        assert!(series.len() <= 2, "{}", item.id);
        assert_eq!(
            series.chars().last(),
            item.what.prefix().chars().last(),
            "{}",
            item.id
        );
        number.parse::<u64>().expect("a number after the letter");
    }
    assert!(m.current < m.sections.len());
    if let Some(draft) = &m.draft {
        assert!(draft.section < m.sections.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn no_key_sequence_panics_or_breaks_the_meeting(steps in session()) {
        let mut live = meeting();
        let mut journal = Vec::new();
        for action in steps {
            for effect in update(&mut live, action) {
                if let Effect::Journal { change, .. } = effect {
                    journal.push(change);
                }
            }
            assert_whole(&live);
        }
        draw_it(&live);
        // A crash now: the journal alone brings back the same meeting.
        let mut replayed = meeting();
        for change in journal {
            replay(&mut replayed, change);
        }
        prop_assert_eq!(&replayed.captures, &live.captures);
        prop_assert_eq!(&replayed.unsent, &live.unsent);
        prop_assert_eq!(replayed.current, live.current);
        prop_assert_eq!(
            replayed.draft.as_ref().map(|d| d.state()),
            live.draft.as_ref().map(|d| d.state())
        );
        // And so does the record, through TOML.
        let text = Record::of(&live).to_toml();
        let parsed: Record = toml::from_str(&text).expect("the record reads back");
        let mut restored = meeting();
        restore(&mut restored, &parsed);
        prop_assert_eq!(&restored.captures, &live.captures);
        prop_assert_eq!(&restored.ids, &live.ids);
        // Ids keep counting on from where they were, kind by kind.
        let mut next = live.clone();
        update(&mut next, Action::JumpTo(0));
        update(&mut next, Action::Note);
        for c in "one more".chars() {
            update(&mut next, key(KeyCode::Char(c), KeyModifiers::NONE));
        }
        update(&mut next, key(KeyCode::Enter, KeyModifiers::NONE));
        assert_whole(&next);
    }

    #[test]
    fn the_quick_capture_readers_never_panic(line in typed_text(), guest in "\\PC{0,12}") {
        let plan = plan();
        let guests = [guest];
        let people = People { plan: &plan, guests: &guests };
        let today = jiff::civil::date(2026, 11, 24);
        let quick = quick_capture(&line, people, today);
        // Nothing typed is lost but the words it read.
        for word in quick.text.split_whitespace() {
            prop_assert!(line.contains(word), "{word:?} not in {line:?}");
        }
        if let Some(read) = signoff_line(&line, people) {
            for word in read.reason.split_whitespace() {
                prop_assert!(line.contains(word));
            }
        }
        for word in line.split_whitespace() {
            let _ = due_date(word, today);
            let _ = due_date(word.trim_start_matches("due:"), today);
        }
    }

    #[test]
    fn glossary_meanings_never_split_a_character(
        before in (prop::sample::select(vec!["", "\u{212A} ", "ẞ "]), folding_text(4)),
        term in folding_text(3).prop_filter("a term", |t| !t.trim().is_empty()),
        after in (folding_text(4), prop::sample::select(vec!["", " İ", " İİ", " İİİİ"])),
    ) {
        // The term is there, with characters before it that fold shorter
        // and after it that fold longer, as in a plan `check` calls ready.
        let text = format!("{}{} {term} {}{}", before.0, before.1, after.0, after.1);
        let mut plan = plan();
        plan.project.glossary.insert(term.clone(), "meaning".into());
        let shown = resetpoint::tui::screens::plain_words(&text, &plan);
        prop_assert!(shown.len() >= text.len());
    }
}
