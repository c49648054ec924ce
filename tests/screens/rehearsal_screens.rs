//! A rehearsal's screens with ratatui's TestBackend at 80×24 and 120×40:
//! the REHEARSAL badge in the header, a pushback card dealt, the card
//! once answered (its prepared answer in the PM's private view, hidden
//! while presenting), and the pacing report that ends the rehearsal.

use crate::common;

use common::{demo_plan, go_to};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::{SignedDuration, tz::TimeZone};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Clock, Meeting, Overlay, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::rehearsal::deck::Deck;
use resetpoint::rehearsal::{Card, cards};
use resetpoint::tui::background::Background;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn rehearsal(presenting: bool) -> Meeting {
    let mut m = Meeting::new(
        demo_plan(),
        AgendaName::ResetPoint,
        Clock::at(common::meeting_start(), TimeZone::UTC),
        presenting,
    );
    m.origin.rehearsal = true;
    let made = cards::for_plan(&m.public_plan, &m.public_derived, m.clock.today());
    m.deck = Some(Deck::shuffled(made, 1));
    m
}

fn render(m: &Meeting, width: u16, height: u16) -> Terminal<TestBackend> {
    common::screen::render(m, width, height, Background::Dark)
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    let cells: Vec<&str> = buffer.content().iter().map(|c| c.symbol()).collect();
    cells.chunks(width).map(|row| row.concat() + "\n").collect()
}

fn key(code: KeyCode) -> Action {
    Action::Type(KeyEvent::new(code, KeyModifiers::NONE))
}

fn dealt(presenting: bool) -> Meeting {
    let mut m = rehearsal(presenting);
    go_to(&mut m, SectionKind::Listen);
    let now = m.clock.now + SignedDuration::from_secs(4 * 60);
    update(&mut m, Action::Tick(now));
    update(&mut m, Action::DealCard);
    m
}

fn answered(presenting: bool) -> Meeting {
    let mut m = dealt(presenting);
    for c in "We missed June. The new date has two weeks of buffer".chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    update(&mut m, key(KeyCode::Enter));
    m
}

fn prepared(m: &Meeting) -> Card {
    m.dealt.as_ref().expect("a card is dealt").card.clone()
}

#[test]
fn the_header_says_rehearsal() {
    for (w, h) in SIZES {
        let m = rehearsal(true);
        let screen = text(&render(&m, w, h));
        let header: String = screen.lines().take(2).collect();
        assert!(header.contains("REHEARSAL"), "{header}");
        assert!(header.contains("PRESENTING"), "{header}");
        insta::assert_snapshot!(
            format!("rehearsal_welcome_{w}x{h}"),
            render(&m, w, h).backend()
        );
        let mut live = rehearsal(true);
        live.origin.rehearsal = false;
        assert!(
            !text(&render(&live, w, h)).contains("REHEARSAL"),
            "a live meeting has no badge"
        );
    }
}

#[test]
fn a_card_dealt_shows_what_the_customer_says_and_hides_the_answer() {
    for (w, h) in SIZES {
        let m = dealt(false);
        let card = prepared(&m);
        let terminal = render(&m, w, h);
        let screen = text(&terminal);
        assert!(screen.contains("Pushback card"), "{screen}");
        assert!(screen.contains("The customer says"));
        assert!(
            !screen.contains(&card.answer[..20]),
            "answer hidden:\n{screen}"
        );
        insta::assert_snapshot!(format!("rehearsal_card_dealt_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn a_card_answered_shows_the_prepared_answer_in_private_view_only() {
    for (w, h) in SIZES {
        let m = answered(false);
        let card = prepared(&m);
        let terminal = render(&m, w, h);
        let screen = text(&terminal);
        assert!(screen.contains("Prepared answer:"), "{screen}");
        assert!(screen.contains("You said:"), "{screen}");
        insta::assert_snapshot!(
            format!("rehearsal_card_revealed_{w}x{h}"),
            terminal.backend()
        );

        let presenting = answered(true);
        let screen = text(&render(&presenting, w, h));
        assert!(
            screen.contains("hidden while presenting"),
            "presenting says where it is:\n{screen}"
        );
        assert!(
            !screen.contains(&card.answer[..20]),
            "never drawn while presenting:\n{screen}"
        );
    }
    insta::assert_snapshot!(
        "rehearsal_card_answered_presenting_80x24",
        render(&answered(true), 80, 24).backend()
    );
}

#[test]
fn the_pacing_report_is_the_last_screen() {
    for (w, h) in SIZES {
        let mut m = answered(false);
        update(&mut m, Action::CardNeedsWork);
        let last = m.sections.len() - 1;
        update(&mut m, Action::JumpTo(last));
        update(&mut m, Action::Quit);
        assert_eq!(m.overlay, Overlay::Pacing);
        let terminal = render(&m, w, h);
        let screen = text(&terminal);
        assert!(screen.contains("Rehearsal pacing"), "{screen}");
        assert!(
            screen.contains("Cards: 0 handled, 1 needs work."),
            "{screen}"
        );
        insta::assert_snapshot!(format!("rehearsal_pacing_{w}x{h}"), terminal.backend());
    }
}
