//! The projector's screen: the section under a large n/m and title, no
//! capture pane, no key hints; waiting, lost and ended said plainly; the
//! facilitator's header counts the screens that follow.

use jiff::{SignedDuration, Timestamp, tz::TimeZone};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::meeting::{Action, Clock, Meeting, Shared, update};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::AgendaName;
use resetpoint::tui::config;
use resetpoint::tui::follower::{FollowScreen, Following};
use resetpoint::tui::theme::Theme;
use resetpoint::tui::view::{View, draw};

const DEMO: &str = include_str!("../../assets/demo.toml");

fn meeting() -> Meeting {
    let plan = load_bytes("demo.toml", DEMO.as_bytes()).plan.unwrap();
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    let mut m = Meeting::new(
        plan,
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        true,
    );
    update(&mut m, Action::Tick(start + SignedDuration::from_secs(95)));
    m
}

fn theme() -> Theme {
    Theme {
        palette: config::load(None, false, false).unwrap().palette,
    }
}

fn follow(following: &Following, width: u16, height: u16) -> Terminal<TestBackend> {
    let theme = theme();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let screen = FollowScreen {
        following,
        theme: &theme,
        what: "the meeting of plan.toml",
    };
    terminal
        .draw(|frame| frame.render_widget(&screen, frame.area()))
        .unwrap();
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect()
}

/// The shared screen on section `n` of the demo's reset-point agenda.
fn shown_on(n: usize) -> Box<Shared> {
    let mut m = meeting();
    update(&mut m, Action::JumpTo(n));
    Box::new(Shared::presenting(&m))
}

#[test]
fn the_projector_shows_the_section_large_and_no_keys() {
    for n in [2, 5] {
        let following = Following::Showing(shown_on(n));
        for (w, h) in [(80, 24), (120, 40)] {
            let terminal = follow(&following, w, h);
            let screen = text(&terminal);
            assert!(!screen.contains("Captured here"), "no capture pane");
            assert!(!screen.contains("next"), "no key hints");
            insta::assert_snapshot!(format!("section_{n}_{w}x{h}"), terminal.backend());
        }
    }
}

#[test]
fn waiting_lost_and_ended_are_said_plainly() {
    for (name, following, said) in [
        (
            "waiting",
            Following::Waiting,
            "Waiting for the meeting of plan.toml to start",
        ),
        (
            "lost",
            Following::Lost(None),
            "Waiting for the meeting to come back",
        ),
        ("ended", Following::Ended, "The meeting has ended."),
    ] {
        let terminal = follow(&following, 80, 24);
        assert!(text(&terminal).contains(said), "{name}");
        insta::assert_snapshot!(format!("{name}_80x24"), terminal.backend());
    }
    // Lost with a screen: the last one stays, with the word at the foot.
    let terminal = follow(&Following::Lost(Some(shown_on(5))), 80, 24);
    let screen = text(&terminal);
    assert!(screen.contains("Waiting for the meeting to come back"));
    assert!(screen.contains("ISSUES AND RISKS"), "the last screen stays");
}

#[test]
fn a_small_window_asks_to_be_made_larger() {
    for (w, h) in [(1, 1), (40, 10), (79, 24)] {
        let terminal = follow(&Following::Showing(shown_on(2)), w, h);
        assert!(text(&terminal).contains("larger") || w < 20);
    }
}

#[test]
fn the_facilitators_header_counts_the_screens_that_follow() {
    let config = config::load(None, false, false).unwrap();
    let theme = theme();
    let mut m = meeting();
    let header = |m: &Meeting| {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let view = View {
            meeting: m,
            theme: &theme,
            keymap: &config.keymap,
        };
        terminal.draw(|frame| draw(frame, &view)).unwrap();
        text(&terminal)[..200].to_owned()
    };
    assert!(!header(&m).contains("projector"));
    update(&mut m, Action::Followers(1));
    assert!(header(&m).contains("projector: 1"), "{}", header(&m));
    update(&mut m, Action::Followers(2));
    assert!(header(&m).contains("projector: 2"));
}

#[test]
fn with_a_screen_following_the_pm_leaves_presenting_without_a_question() {
    let mut m = meeting();
    update(&mut m, Action::Presenting);
    assert!(m.presenting, "alone, leaving presenting asks first");
    update(&mut m, Action::Close);
    let mut m = meeting();
    update(&mut m, Action::Followers(1));
    update(&mut m, Action::Presenting);
    assert!(
        !m.presenting,
        "the projector follows: this screen is the PM's own"
    );
    update(&mut m, Action::Presenting);
    assert!(m.presenting);
}

#[test]
fn a_long_name_and_title_are_cut_with_an_ellipsis_and_the_clock_stays() {
    let mut shown = shown_on(5);
    shown.plan.project.name =
        "Nordic–Asia Freight Visibility Programme: every container from Bergen to 上海物流センター"
            .into();
    let current = shown.current;
    shown.sections[current].title =
        "Issues, risks and the recovery plan for every late milestone of the programme".into();
    let wall = shown.clock.wall.clone();
    for width in [80, 120] {
        let terminal = follow(&Following::Showing(shown.clone()), width, 24);
        let buffer = terminal.backend().buffer();
        let row = |y: u16| -> String { (0..width).map(|x| buffer[(x, y)].symbol()).collect() };
        let (bar, facts) = (row(0), row(2));
        // Whole where it fits, else cut at its end with "…".
        assert!(
            bar.contains("6/") && (bar.contains('…') || bar.contains("OF THE PROGRAMME")),
            "{width}: {bar}"
        );
        assert!(
            facts.contains("Nordic") && (facts.contains('…') || facts.contains("センター")),
            "{width}: {facts}"
        );
        assert!(
            facts.contains(&wall) && facts.contains("meeting 0:01 / "),
            "the clock and the meeting's time whole at {width}: {facts}"
        );
    }
}
