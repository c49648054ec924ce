//! Render time of each section's screen at 120×40 on the demo plan.
//! Target: under 1 ms each.

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::tz::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use resetpoint::agenda::{DEFAULT_QUESTIONS, Section, SectionKind};
use resetpoint::config;
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::AgendaName;
use resetpoint::tui::theme::Theme;
use resetpoint::tui::view::View;

fn bench(c: &mut Criterion) {
    let plan = load_bytes("demo.toml", include_str!("../assets/demo.toml").as_bytes())
        .plan
        .unwrap();
    let sections = SectionKind::ALL
        .iter()
        .map(|&kind| Section {
            kind,
            title: kind.default_title().to_owned(),
            minutes: 5,
            questions: DEFAULT_QUESTIONS.iter().map(|q| (*q).to_owned()).collect(),
        })
        .collect();
    let start = "2026-11-24T14:00:00Z".parse().unwrap();
    let mut meeting = Meeting::with_sections(
        plan,
        AgendaName::Plan,
        sections,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    let config = config::load(None, false, false).unwrap();
    let theme = Theme {
        palette: config.palette,
    };
    let area = Rect::new(0, 0, 120, 40);
    let mut group = c.benchmark_group("render_120x40");
    for (index, kind) in SectionKind::ALL.iter().enumerate() {
        update(&mut meeting, Action::JumpTo(index));
        let view = View {
            meeting: &meeting,
            theme: &theme,
            keymap: &config.keymap,
        };
        group.bench_function(kind.key(), |b| {
            b.iter(|| {
                let mut buffer = Buffer::empty(area);
                (&view).render(area, &mut buffer);
                buffer
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
