//! The CSS of the HTML documents, built from the colours in
//! [`super::colours`] so that what the contrast tests check is what the
//! page uses. No web fonts or images: nothing is fetched.

use super::badge;
use super::colours::{INK, INTERNAL, MUTED, PAPER, RULE, WARN_BAR, WARN_TINT};

pub fn css() -> String {
    let mut css = format!(
        "body{{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:{INK};background:{PAPER};line-height:1.45}}\
h1{{font-size:1.6rem;margin-bottom:.2rem}}h2{{font-size:1.15rem;border-bottom:1px solid {RULE};padding-bottom:.2rem;margin-top:1.6rem}}\
.meta{{color:{MUTED}}}\
.internal{{color:{INTERNAL};font-style:italic}}.warn{{border-left:4px solid {WARN_BAR};padding:.3rem .8rem;background:{WARN_TINT};print-color-adjust:exact;-webkit-print-color-adjust:exact}}\
.charts{{display:flex;gap:2rem;flex-wrap:wrap;align-items:flex-start;margin-top:1rem}}\
table.milestones{{border-collapse:collapse;width:100%;font-size:.92rem}}.milestones th,.milestones td{{text-align:left;padding:.3rem .5rem;border-bottom:1px solid {RULE};vertical-align:top}}\
.milestones td:nth-child(2),.milestones td:nth-child(3),.milestones td:nth-child(4){{white-space:nowrap}}.milestones .badge{{font-size:.75rem;padding:0 .35rem}}\
figure{{margin:0}}figcaption{{color:{MUTED};font-size:.85rem;max-width:28rem}}.heat figcaption{{max-width:16rem}}svg{{print-color-adjust:exact;-webkit-print-color-adjust:exact}}\
table.figures{{border-collapse:collapse;font-size:.85rem;margin:.4rem 0;font-variant-numeric:tabular-nums}}.figures th,.figures td{{padding:.15rem .5rem;border-bottom:1px solid {RULE};text-align:right;white-space:nowrap}}.figures th:first-child,.figures td:first-child{{text-align:left}}.figures tfoot th,.figures tfoot td{{font-weight:700;border-bottom:0}}\
@media print{{body{{margin:0;max-width:none}}h2{{break-after:avoid}}figure,tr{{break-inside:avoid}}.charts{{gap:1rem}}.figures{{font-size:.8rem}}}}"
    );
    css.push_str(&badge::css());
    css
}
