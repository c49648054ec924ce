//! Nothing private on a shared screen: in presenting mode, private notes and
//! internal risks and issues are masked while typed and never drawn after,
//! on every section, with overlays open and on the review screen. The
//! customer-safe projection holds none of it either.

use crate::common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Capture, Meeting, Shared, update};
use resetpoint::plan::load_bytes;

const DEMO: &str = include_str!("../../assets/demo.toml");

/// Typed only into private and internal fields; two letters that appear
/// together nowhere else, so even a half-typed marker would be caught.
const MARK: &str = "ZQ";

/// A meeting over every section kind.
fn meeting(presenting: bool) -> Meeting {
    common::every_section_meeting(
        load_bytes("demo.toml", DEMO.as_bytes()).plan.unwrap(),
        presenting,
    )
}

fn render(m: &Meeting, width: u16, height: u16) -> Terminal<TestBackend> {
    common::screen::render(
        m,
        width,
        height,
        resetpoint::tui::background::Background::Unknown,
    )
}

/// Draw at both sizes and fail if the marker shows anywhere, on screen or
/// in the projection a follow screen would be sent.
fn assert_unseen(m: &Meeting, when: &str) {
    assert_not_drawn(m, when, &[(80, 24), (120, 40)]);
    let shared = serde_json::to_string(&Shared::of(m)).unwrap();
    assert!(
        !shared.contains(MARK),
        "{MARK} in the projection {when}: {shared}"
    );
}

fn assert_not_drawn(m: &Meeting, when: &str, sizes: &[(u16, u16)]) {
    for &(w, h) in sizes {
        let text = common::screen::screen_text(&render(m, w, h));
        assert!(
            !text.contains(MARK),
            "{MARK} on a presenting screen at {w}x{h} {when}:\n{}",
            render(m, w, h).backend()
        );
    }
}

fn key(code: KeyCode) -> Action {
    Action::Type(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Open a field with `open`, type `text` a key at a time, checking every
/// frame, then press `end`.
fn type_checked(m: &mut Meeting, open: Action, text: &str, end: KeyCode, when: &str) {
    update(m, open);
    assert!(m.draft.is_some(), "a field opened {when}");
    for c in text.chars() {
        update(m, key(KeyCode::Char(c)));
        assert_not_drawn(m, when, &[(80, 24)]);
    }
    update(m, key(end));
    assert_unseen(m, when);
}

#[test]
fn nothing_private_is_drawn_on_any_section_while_presenting() {
    let mut m = meeting(true);
    for (n, kind) in SectionKind::ALL.iter().enumerate() {
        update(&mut m, Action::JumpTo(n));
        let when = format!("on {kind:?}");
        type_checked(
            &mut m,
            Action::PrivateNote,
            &format!("Ola is about to escalate {MARK}{n}"),
            KeyCode::Enter,
            &when,
        );
        type_checked(
            &mut m,
            Action::InternalRisk,
            &format!("Vendor may fold {MARK}{n} @priya p:4 i:5"),
            KeyCode::Enter,
            &when,
        );
        // `r` then `#internal`: masked from the tag on, and kept internal.
        type_checked(
            &mut m,
            Action::Risk,
            &format!("#internal margin below target {MARK}{n} @dana p:3 i:4"),
            KeyCode::Enter,
            &when,
        );
        type_checked(
            &mut m,
            Action::InternalIssue,
            &format!("Two leads leave in January {MARK}{n} @sam"),
            KeyCode::Enter,
            &when,
        );
        // A name nobody knows: the question about it may quote the text.
        type_checked(
            &mut m,
            Action::PrivateNote,
            &format!("ask @{MARK}{n}guest about it"),
            KeyCode::Enter,
            &when,
        );
        update(&mut m, key(KeyCode::Esc));
        assert_unseen(&m, &when);
        // Esc keeps a private field's text private.
        type_checked(
            &mut m,
            Action::InternalIssue,
            &format!("kept by Esc {MARK}{n}"),
            KeyCode::Esc,
            &when,
        );
        for overlay in [Action::Help, Action::Agenda] {
            update(&mut m, overlay);
            assert_unseen(&m, &format!("{when} with an overlay open"));
            update(&mut m, Action::Close);
        }
        // Edit, delete and the cursor move only through what is shown.
        update(&mut m, Action::Up);
        update(&mut m, Action::Edit);
        assert_unseen(&m, &format!("{when} editing the highlighted item"));
        update(&mut m, key(KeyCode::Esc));
        update(&mut m, Action::Delete);
        assert_unseen(&m, &format!("{when} asked to delete"));
    }
    // A field left open, on the review screen with everything in its pane.
    let review = SectionKind::ALL
        .iter()
        .position(|k| *k == SectionKind::Review)
        .unwrap();
    update(&mut m, Action::JumpTo(review));
    update(&mut m, Action::PrivateNote);
    for c in format!("still typing {MARK}").chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    assert_unseen(&m, "with a private field open on the review screen");
    update(&mut m, key(KeyCode::Enter));

    let private: Vec<&Capture> = m
        .captures
        .iter()
        .map(|c| &c.what)
        .filter(|c| c.text().contains(MARK))
        .collect();
    assert!(
        private.len() >= SectionKind::ALL.len() * 5,
        "everything typed was captured: {private:?}"
    );
    assert!(
        private.iter().all(|c| !c.is_public()),
        "every masked field became a private item: {private:?}"
    );

    // Not vacuous: the PM's own view shows them.
    update(&mut m, Action::Presenting);
    update(&mut m, key(KeyCode::Char('y')));
    assert!(!m.presenting);
    let text = common::screen::screen_text(&render(&m, 120, 40));
    assert!(text.contains(MARK), "the private view shows private items");
}

#[test]
fn the_projection_travels_and_comes_back_the_same() {
    let mut m = meeting(true);
    update(&mut m, Action::Note);
    for c in "Weekly calls on Thursdays".chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    let shared = Shared::presenting(&m);
    let json = serde_json::to_string(&shared).unwrap();
    let back: Shared = serde_json::from_str(&json).unwrap();
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    assert_eq!(back.plan.project.name, "Shipment Tracking Rebuild");
    assert!(back.plan.risks.iter().all(|r| r.visible));
    assert!(back.plan.pushback.is_empty(), "no rehearsal answers");
    for internal in ["Two developers rotated", "Margin on this account"] {
        assert!(!json.contains(internal), "{internal} in the projection");
    }
}

#[test]
fn a_masked_field_says_what_and_how_much_never_the_text() {
    let mut m = meeting(true);
    update(&mut m, Action::PrivateNote);
    for c in "secret: they may cancel".chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    for (w, h) in [(80, 24), (120, 40)] {
        let note = render(&m, w, h);
        let text = common::screen::screen_text(&note);
        assert!(text.contains("Private note"), "{text}");
        assert!(text.contains("23 characters"), "{text}");
        assert!(!text.contains("cancel"), "{text}");
        insta::assert_snapshot!(format!("masked_private_note_{w}x{h}"), note.backend());
    }
    update(&mut m, key(KeyCode::Esc));

    update(&mut m, Action::InternalRisk);
    for c in "Vendor may fold @priya".chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    for (w, h) in [(80, 24), (120, 40)] {
        let risk = render(&m, w, h);
        let text = common::screen::screen_text(&risk);
        assert!(text.contains("Internal risk"), "{text}");
        assert!(text.contains("22 characters"), "{text}");
        assert!(!text.contains("Vendor may fold"), "{text}");
        insta::assert_snapshot!(format!("masked_internal_risk_{w}x{h}"), risk.backend());
    }
}

#[test]
fn in_the_private_view_the_pm_sees_what_they_type() {
    let mut m = meeting(false);
    update(&mut m, Action::InternalIssue);
    for c in "Two leads leave".chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    let text = common::screen::screen_text(&render(&m, 80, 24));
    assert!(text.contains("Two leads leave"), "{text}");
    assert!(text.contains("Internal issue"), "{text}");
}
