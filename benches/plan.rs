//! Load, validate and derive a large generated plan: 10,000 risks and
//! 10,000 issues. Target: under 100 ms.

use std::fmt::Write as _;

use criterion::{Criterion, criterion_group, criterion_main};
use resetpoint::plan::derive::derive;
use resetpoint::plan::load_bytes;

fn large_plan(items: usize) -> String {
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
        let _ = write!(
            plan,
            "[[risks]]\nid = \"R-{i}\"\ntitle = \"Risk number {i} about the legacy API\"\nprobability = {}\nimpact = {}\nowner = \"p{}\"\nresponse = \"mitigate\"\nplan = \"Batch requests overnight\"\nvisible = {}\n\n",
            1 + i % 5,
            1 + (i / 5) % 5,
            i % 50,
            i % 3 != 0
        );
        let _ = write!(
            plan,
            "[[issues]]\nid = \"I-{i}\"\ntitle = \"Issue number {i} in the defect backlog\"\nowner = \"p{}\"\nseverity = \"{}\"\nstatus = \"open\"\ndue = 2026-11-28\n\n",
            i % 50,
            ["low", "medium", "high", "critical"][i % 4]
        );
    }
    plan
}

fn bench(c: &mut Criterion) {
    let plan = large_plan(10_000);
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
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
