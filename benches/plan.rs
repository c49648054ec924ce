//! Load, validate and derive a large generated plan: 10,000 risks and
//! 10,000 issues. Target: under 100 ms. And `check`'s work on the same plan
//! with 10 % of its items warned about, against the plan with none: warnings
//! cost what they find, not what they find times the file. Target: within
//! 1.3× (benches/check_plan.py measures the same on the whole process).

use std::fmt::Write as _;

use criterion::{Criterion, criterion_group, criterion_main};
use resetpoint::plan::derive::derive;
use resetpoint::plan::load_bytes;

/// The plan; with `warned`, every tenth item carries a warning: half of
/// them a glossary term in a customer-visible title, half no owner.
fn large_plan(items: usize, warned: bool) -> String {
    let mut plan = String::from(
        "[project]\nname = \"Large\"\ncustomer = \"Acme\"\nsponsor = \"p0\"\nglossary = { UAT = \"acceptance testing\" }\n\n",
    );
    for p in 0..50 {
        let side = if p % 2 == 0 { "us" } else { "customer" };
        let _ = write!(
            plan,
            "[[people]]\nid = \"p{p}\"\nname = \"Person {p}\"\nside = \"{side}\"\n\n"
        );
    }
    for m in 0..50 {
        let _ = write!(
            plan,
            "[[milestones]]\nname = \"Milestone {m}\"\nbaseline = 2026-12-01\nforecast = 2026-12-{:02}\npromised = 2027-01-05\n\n",
            1 + m % 28
        );
    }
    plan.push_str("[financials]\nbudget = 480000\nplanned_value = 240000\nearned_value = 204000\nactual_cost = 231000\n\n");
    for i in 0..items {
        let warn = warned && i % 10 == 0;
        let _ = write!(
            plan,
            "[[risks]]\nid = \"R-{i}\"\ntitle = \"Risk number {i} about the legacy API{}\"\nprobability = {}\nimpact = {}\nowner = \"p{}\"\nresponse = \"mitigate\"\nplan = \"Batch requests overnight\"\nvisible = {}\n\n",
            if warn { " before UAT" } else { "" },
            1 + i % 5,
            1 + (i / 5) % 5,
            i % 50,
            warn || i % 3 != 0
        );
        let owner = if warn {
            String::new()
        } else {
            format!("owner = \"p{}\"\n", i % 50)
        };
        let _ = write!(
            plan,
            "[[issues]]\nid = \"I-{i}\"\ntitle = \"Issue number {i} in the defect backlog\"\n{owner}severity = \"{}\"\nstatus = \"open\"\ndue = 2026-11-28\n\n",
            ["low", "medium", "high", "critical"][i % 4]
        );
    }
    plan
}

/// What `check` does with a plan before printing: load it and render the
/// diagnostics, each with its line and column.
fn check(name: &str, text: &str) -> usize {
    load_bytes(name, text.as_bytes()).render().len()
}

fn bench(c: &mut Criterion) {
    let plan = large_plan(10_000, false);
    let checked = load_bytes("large.toml", plan.as_bytes());
    assert!(checked.plan.is_some(), "{}", checked.render());
    eprintln!(
        "generated plan: {:.1} MiB",
        plan.len() as f64 / 1024.0 / 1024.0
    );
    let mut group = c.benchmark_group("plan");
    group.sample_size(20);
    group.bench_function("load_validate_derive_10k_risks_10k_issues", |b| {
        b.iter(|| {
            let checked = load_bytes("large.toml", plan.as_bytes());
            derive(checked.plan.as_ref().unwrap())
        })
    });
    // The TOML parser alone, for comparison: the floor under the figure above.
    group.bench_function("toml_parse_only", |b| {
        b.iter(|| toml::de::DeTable::parse(&plan).map(|d| d.get_ref().len()))
    });
    let warned = large_plan(10_000, true);
    let found = load_bytes("warned.toml", warned.as_bytes());
    assert!(found.plan.is_some(), "{}", found.render());
    assert_eq!(found.warnings().count(), 2_000, "10 % of 20,000 items");
    group.bench_function("check_20k_items_no_warnings", |b| {
        b.iter(|| check("large.toml", &plan))
    });
    group.bench_function("check_20k_items_10_percent_warned", |b| {
        b.iter(|| check("warned.toml", &warned))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
