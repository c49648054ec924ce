use std::fmt::Write as _;
use std::time::Instant;
fn large_plan(items: usize) -> String {
    let mut plan = String::from(
        "[project]\nname = \"Large\"\ncustomer = \"Acme\"\nsponsor = \"p0\"\nglossary = { UAT = \"acceptance testing\" }\n\n",
    );
    for p in 0..50 {
        let side = if p % 2 == 0 { "us" } else { "customer" };
        let _ = write!(plan, "[[people]]\nid = \"p{p}\"\nname = \"Person {p}\"\nside = \"{side}\"\n\n");
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
fn main() {
    let plan = large_plan(10_000);
    for _ in 0..3 {
        let t = Instant::now();
        let doc = toml::de::DeTable::parse(&plan).unwrap();
        let parse = t.elapsed();
        let t = Instant::now();
        let v: toml::Table = toml::from_str(&plan).unwrap();
        let fromstr = t.elapsed();
        let t = Instant::now();
        let c = resetpoint::plan::load_bytes("x", plan.as_bytes());
        let all = t.elapsed();
        let t = Instant::now();
        let _ = resetpoint::plan::warnings::warnings(c.plan.as_ref().unwrap(), &plan);
        let warn = t.elapsed();
        let t = Instant::now();
        let _ = resetpoint::plan::validate::errors(c.plan.as_ref().unwrap(), &c.source);
        let val = t.elapsed();
        println!("parse {parse:?} from_str {fromstr:?} all {all:?} warnings {warn:?} validate {val:?} {}", doc.get_ref().len() + v.len());
    }
}
