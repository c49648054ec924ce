//! Render time of each section's screen at 120×40 on the demo plan.
//! Target: under 1 ms each.

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, update};
use resetpoint::tui::config;
use resetpoint::tui::theme::Theme;
use resetpoint::tui::view::View;

fn bench(c: &mut Criterion) {
    let mut meeting = common::every_section_meeting(common::demo_plan(), false);
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
