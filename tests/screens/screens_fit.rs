//! Nothing on a screen is cut: every id and every title of the demo plan and
//! of a plan with long, accented and Chinese titles appears whole on its
//! screen at 80×24, 100×30 and 120×40 (a panel that says "+N more" may be
//! scrolled to find it), and no wide character ever breaks a panel's border
//! at any width from 80 to 200.

use ratatui::buffer::Buffer;
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Meeting, update};
use resetpoint::plan::model::{Plan, RiskStatus};
use unicode_width::UnicodeWidthStr;

use crate::common;

const SIZES: [(u16, u16); 3] = [(80, 24), (100, 30), (120, 40)];

fn plan(name: &str) -> Plan {
    let path = match name {
        "demo" => concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.toml").to_owned(),
        fixture => format!(
            "{}/tests/fixtures/valid/{fixture}.toml",
            env!("CARGO_MANIFEST_DIR")
        ),
    };
    resetpoint::plan::load_file(std::path::Path::new(&path))
        .unwrap()
        .plan
        .unwrap()
}

/// A meeting over every section kind, in the PM's private view so that
/// internal items are drawn too.
fn meeting(plan: Plan) -> Meeting {
    common::every_section_meeting(plan, false)
}

fn render(m: &Meeting, width: u16, height: u16) -> Buffer {
    common::screen::render(
        m,
        width,
        height,
        resetpoint::tui::background::Background::Unknown,
    )
    .backend()
    .buffer()
    .clone()
}

/// The screen as rows of characters, one entry a cell: a wide character's
/// second cell is `None`.
fn grid(buf: &Buffer) -> Vec<Vec<Option<char>>> {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let mut row = Vec::new();
            let mut skip = 0;
            for x in 0..area.width {
                if skip > 0 {
                    skip -= 1;
                    row.push(None);
                    continue;
                }
                let symbol = buf[(x, y)].symbol();
                skip = symbol.width().saturating_sub(1);
                row.push(symbol.chars().next());
            }
            row
        })
        .collect()
}

fn text(buf: &Buffer) -> String {
    grid(buf)
        .iter()
        .map(|row| row.iter().flatten().collect::<String>() + "\n")
        .collect()
}

/// Whether `wanted` is drawn whole starting at (x, y): its characters in
/// order, a space as a space or a line break, and a wrapped line carrying
/// on in the same column on the next row (up to 12 cells to the left, for
/// a "[internal] " mark or a bullet on the first line).
fn drawn_from(grid: &[Vec<Option<char>>], x: usize, y: usize, column: usize, wanted: &str) -> bool {
    let at = |x: usize, y: usize| grid.get(y).and_then(|r| r.get(x)).copied().flatten();
    let mut x = x;
    let mut rest = wanted;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        if at(x, y) == Some(c) {
            x += c.to_string().width().max(1);
            rest = after;
            continue;
        }
        // A line break: what follows starts a later line of the same cell.
        let carry_on = if c == ' ' { after } else { rest };
        let Some(next) = carry_on.chars().next() else {
            return true;
        };
        return (column.saturating_sub(12)..=column)
            .filter(|&nx| at(nx, y + 1) == Some(next))
            .any(|nx| drawn_from(grid, nx, y + 1, column, carry_on));
    }
    true
}

fn drawn_whole(grid: &[Vec<Option<char>>], wanted: &str) -> bool {
    let Some(first) = wanted.chars().next() else {
        return true;
    };
    (0..grid.len()).any(|y| {
        (0..grid[y].len()).any(|x| grid[y][x] == Some(first) && drawn_from(grid, x, y, x, wanted))
    })
}

/// Every screen a reader can reach by scrolling: the first, then one more
/// each time a panel says there is more below.
fn every_view(m: &mut Meeting, width: u16, height: u16) -> Vec<Buffer> {
    let mut views = vec![render(m, width, height)];
    for _ in 0..40 {
        if !text(views.last().unwrap()).contains(" more, ") {
            break;
        }
        update(m, Action::ScrollDown);
        update(m, Action::Down);
        views.push(render(m, width, height));
    }
    views
}

/// The ids and titles each screen must show.
fn expected(plan: &Plan, kind: SectionKind, m: &Meeting) -> Vec<String> {
    let mut out = Vec::new();
    match kind {
        SectionKind::Welcome => {
            out.extend(m.sections.iter().map(|s| s.title.clone()));
            out.push(plan.project.summary.clone());
        }
        SectionKind::Status => {
            out.extend(plan.milestones.iter().map(|ms| ms.name.get_ref().clone()));
            out.extend(m.derived.overall_reasons.iter().cloned());
            out.extend(plan.status.accomplishments.iter().cloned());
        }
        SectionKind::Financials => {
            for cr in plan.financials.iter().flat_map(|f| &f.changes) {
                out.push(cr.id.get_ref().clone());
                out.push(cr.title.clone());
            }
        }
        SectionKind::Raid => {
            for issue in plan.issues.iter().filter(|i| i.is_open()) {
                out.push(issue.id.get_ref().clone());
                out.push(issue.title.clone());
            }
            for risk in plan.risks.iter().filter(|r| r.status == RiskStatus::Open) {
                out.push(risk.id.get_ref().clone());
                out.push(risk.title.clone());
            }
        }
        SectionKind::Rules => {
            let c = &plan.communication;
            out.extend(c.rules.iter().cloned());
            out.extend(c.escalation.iter().cloned());
            for channel in &c.channels {
                out.extend([
                    channel.what.clone(),
                    channel.audience.clone(),
                    channel.method.clone(),
                    channel.frequency.clone(),
                ]);
            }
        }
        SectionKind::CustomerTasks | SectionKind::Followups => {
            for task in &plan.customer_tasks {
                out.push(task.id.get_ref().clone());
                out.push(task.title.clone());
            }
        }
        SectionKind::Scope => {
            let p = &plan.project;
            out.extend(p.objectives.iter().cloned());
            out.extend(p.in_scope.iter().cloned());
            out.extend(p.out_of_scope.iter().cloned());
        }
        SectionKind::Proposals => out.extend(plan.proposals.iter().map(|p| p.title.clone())),
        SectionKind::Listen => out.extend(m.section().questions.iter().cloned()),
        SectionKind::Playback | SectionKind::Review | SectionKind::Pulse | SectionKind::Notes => {}
    }
    out
}

#[test]
fn every_id_and_title_appears_whole_at_three_sizes() {
    for name in ["demo", "long_titles"] {
        let plan = plan(name);
        for (index, &kind) in SectionKind::ALL.iter().enumerate() {
            for (width, height) in SIZES {
                let mut m = meeting(plan.clone());
                update(&mut m, Action::JumpTo(index));
                let wanted = expected(&plan, kind, &m);
                let views: Vec<_> = every_view(&mut m, width, height).iter().map(grid).collect();
                for item in wanted {
                    // Customer tasks already done are not followed up.
                    if kind == SectionKind::Followups
                        && !views.iter().any(|g| drawn_whole(g, &item))
                        && !m
                            .followup_rows()
                            .iter()
                            .any(|r| r.title == item || r.item == item)
                    {
                        continue;
                    }
                    assert!(
                        views.iter().any(|g| drawn_whole(g, &item)),
                        "{name} {kind:?} at {width}x{height}: {item:?} is not whole on\n{}",
                        views
                            .iter()
                            .map(|g| g
                                .iter()
                                .map(|r| r.iter().flatten().collect::<String>() + "\n")
                                .collect::<String>())
                            .collect::<Vec<_>>()
                            .join("-- scrolled --\n")
                    );
                }
            }
        }
    }
}

/// Each panel (a box from ┌ to ┘) has its four sides whole.
fn assert_borders_intact(buf: &Buffer, what: &str) {
    let g = grid(buf);
    let at = |x: usize, y: usize| g.get(y).and_then(|r| r.get(x)).copied().flatten();
    let mut panels = 0;
    for (y, row) in g.iter().enumerate() {
        for x in 0..row.len() {
            if at(x, y) != Some('┌') {
                continue;
            }
            let Some(right) = (x + 1..row.len()).find(|&r| at(r, y) == Some('┐')) else {
                panic!(
                    "{what}: a panel at ({x}, {y}) has no top-right corner\n{}",
                    text(buf)
                );
            };
            let mut row = y + 1;
            while at(x, row) == Some('│') {
                assert_eq!(
                    at(right, row),
                    Some('│'),
                    "{what}: the right border at ({right}, {row}) is broken\n{}",
                    text(buf)
                );
                row += 1;
            }
            assert_eq!(
                at(x, row),
                Some('└'),
                "{what}: left border at row {row}\n{}",
                text(buf)
            );
            assert_eq!(
                at(right, row),
                Some('┘'),
                "{what}: bottom-right corner at ({right}, {row})\n{}",
                text(buf)
            );
            panels += 1;
        }
    }
    assert!(panels >= 2, "{what}: panels found\n{}", text(buf));
}

#[test]
fn wide_characters_never_break_a_border_at_any_width() {
    let plan = plan("long_titles");
    assert!(
        plan.project.summary.contains("上海"),
        "the fixture ends wrapped lines with wide characters"
    );
    for index in 0..SectionKind::ALL.len() {
        let mut m = meeting(plan.clone());
        update(&mut m, Action::JumpTo(index));
        for width in 80..=200 {
            let buf = render(&m, width, 30);
            assert_borders_intact(&buf, &format!("section {index} at {width}x30"));
        }
    }
}

#[test]
fn the_checker_finds_a_cut_title() {
    // The matcher itself: a title cut at the edge of its column is not whole.
    let rows = [
        "│Scanner integrati 2026-11-13│",
        "│UAT (your team's  2026-12-07│",
    ];
    let g: Vec<Vec<Option<char>>> = rows.iter().map(|r| r.chars().map(Some).collect()).collect();
    assert!(!drawn_whole(&g, "Scanner integration complete"));
    let rows = [
        "│Scanner       2026-11-13│",
        "│integration   ↑         │",
        "│complete                │",
    ];
    let g: Vec<Vec<Option<char>>> = rows.iter().map(|r| r.chars().map(Some).collect()).collect();
    assert!(drawn_whole(&g, "Scanner integration complete"));
}

#[test]
fn the_footer_keeps_the_essential_keys_at_80_columns() {
    let m0 = meeting(plan("demo"));
    for (index, &kind) in SectionKind::ALL.iter().enumerate() {
        let mut m = m0.clone();
        update(&mut m, Action::JumpTo(index));
        let screen = text(&render(&m, 80, 24));
        let footer = screen.lines().last().unwrap().to_owned();
        let mut wanted = vec![
            "→ next",
            "← back",
            "n note",
            "a action",
            "d deci",
            "p present",
            "? help",
            "q quit",
        ];
        match kind {
            SectionKind::Raid | SectionKind::Status => wanted.extend(["r risk", "i issue"]),
            SectionKind::Rules => wanted.push("s sign"),
            SectionKind::Review => wanted.push("m minutes"),
            _ => {}
        }
        for key in wanted {
            assert!(
                footer.contains(key),
                "{kind:?}: {key:?} missing from {footer:?}"
            );
        }
    }
}

#[test]
fn scrolling_shows_what_was_below_and_starts_again_in_the_next_section() {
    let mut m = meeting(plan("demo"));
    let status = SectionKind::ALL
        .iter()
        .position(|k| *k == SectionKind::Status)
        .unwrap();
    update(&mut m, Action::JumpTo(status));
    let first = text(&render(&m, 80, 24));
    assert!(first.contains("more, ]"), "{first}");
    let last_reason = m.derived.overall_reasons.last().unwrap().clone();
    let g = grid(&render(&m, 80, 24));
    assert!(!drawn_whole(&g, &last_reason), "{first}");
    for _ in 0..20 {
        update(&mut m, Action::ScrollDown);
    }
    assert!(
        m.scroll <= m.scroll_limit(),
        "scrolling stops at the longest list"
    );
    let scrolled = render(&m, 80, 24);
    assert!(
        drawn_whole(&grid(&scrolled), &last_reason),
        "{}",
        text(&scrolled)
    );
    assert!(text(&scrolled).contains("above"), "{}", text(&scrolled));
    update(&mut m, Action::NextSection);
    assert_eq!(m.scroll, 0, "a new section starts at its top");
    update(&mut m, Action::PreviousSection);
    assert_eq!(text(&render(&m, 80, 24)), first);
}

#[test]
fn a_long_capture_wraps_whole_in_the_capture_pane() {
    let title = "Send the revised plan with the 上海 customs dates and the Zürich depot's new exception codes to everyone";
    for (width, height) in SIZES {
        let mut m = meeting(plan("demo"));
        let status = SectionKind::ALL
            .iter()
            .position(|k| *k == SectionKind::Status)
            .unwrap();
        update(&mut m, Action::JumpTo(status));
        common::type_line(&mut m, Action::NewAction, &format!("{title} @sam"));
        let buf = render(&m, width, height);
        let g = grid(&buf);
        assert!(drawn_whole(&g, "A-1"), "{}", text(&buf));
        assert!(drawn_whole(&g, title), "{width}x{height}:\n{}", text(&buf));
    }
}

#[test]
fn a_glossary_meaning_is_shown_once_per_screen() {
    let mut m = meeting(plan("demo"));
    let raid = SectionKind::ALL
        .iter()
        .position(|k| *k == SectionKind::Raid)
        .unwrap();
    update(&mut m, Action::JumpTo(raid));
    let screen = text(&render(&m, 120, 40));
    assert!(
        screen.matches("UAT").count() >= 2,
        "the term is used more than once here:\n{screen}"
    );
    assert_eq!(
        screen.matches("your team's acceptance testing").count(),
        1,
        "{screen}"
    );
    assert!(
        screen.contains("Plain words: UAT = your team's acceptance testing"),
        "{screen}"
    );
    // A screen that does not use a term does not explain it.
    update(&mut m, Action::JumpTo(0));
    let welcome = text(&render(&m, 120, 40));
    assert!(!welcome.contains("Plain words"), "{welcome}");
}

#[test]
fn the_help_lists_the_scroll_keys_and_fits_80x24() {
    let mut m = meeting(plan("demo"));
    update(&mut m, Action::Help);
    let buf = render(&m, 80, 24);
    let screen = text(&buf);
    assert!(screen.contains("] ["), "{screen}");
    assert!(
        screen.contains("Keys can be changed in config.toml"),
        "{screen}"
    );
    assert!(
        drawn_whole(
            &grid(&buf),
            "presenting mode (no internal items); blank the projector"
        ),
        "{screen}"
    );
}
