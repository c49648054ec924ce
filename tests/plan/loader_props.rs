//! Whatever bytes arrive as a plan, the loader answers with a plan or with
//! diagnostics: never a panic, never a raw control byte in what it prints.

use crate::common;

use proptest::prelude::*;
use resetpoint::export::quick_look::quick_look;
use resetpoint::plan::derive::derive;
use resetpoint::plan::load_bytes;

const DEMO: &str = include_str!("../../assets/demo.toml");

/// Load, render and (when valid) derive; every printed byte must be safe.
fn load_everything(bytes: &[u8]) {
    let checked = load_bytes("fuzz.toml", bytes);
    common::assert_terminal_safe(checked.render().as_bytes());
    let json = serde_json::json!(
        checked
            .diagnostics
            .iter()
            .map(|d| checked.source.to_json(d))
            .collect::<Vec<_>>()
    );
    common::assert_terminal_safe(json.to_string().as_bytes());
    if let Some(plan) = &checked.plan {
        assert!(checked.errors().next().is_none());
        let derived = derive(plan);
        common::assert_terminal_safe(quick_look(plan, &derived).as_bytes());
        serde_json::to_string(&derived).expect("derived figures serialize");
    } else {
        assert!(
            checked.errors().next().is_some(),
            "no plan, so an error says why"
        );
    }
}

/// Pieces of plan text, so generated files reach past the TOML parser.
fn plan_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("[project]\nname = \"P\"\ncustomer = \"C\"\n".to_owned()),
        Just("[[people]]\nid = \"sam\"\nname = \"Sam\"\nside = \"us\"\n".to_owned()),
        Just("[[risks]]\nid = \"R-1\"\ntitle = \"T\"\n".to_owned()),
        Just("[[issues]]\nid = \"I-1\"\ntitle = \"T\"\nseverity = \"high\"\n".to_owned()),
        Just("[financials]\nbudget = 100\n".to_owned()),
        Just("[[milestones]]\nname = \"M\"\nbaseline = 2026-12-01\n".to_owned()),
        Just("[status]\n".to_owned()),
        Just("[meeting]\n".to_owned()),
        Just("[[agenda]]\nkind = \"listen\"\n".to_owned()),
        Just("[[financials.periods]]\nmonth = \"2026-07\"\n".to_owned()),
        (
            prop::sample::select(vec![
                "probability",
                "impact",
                "owner",
                "due",
                "forecast",
                "promised",
                "done",
                "planned_value",
                "earned_value",
                "actual_cost",
                "percent_complete",
                "thresholds",
                "overall",
                "evidence",
                "attendees",
                "sponsor",
                "glossary",
                "minutes",
                "status",
                "visible",
                "id",
                "name",
                "month",
            ]),
            prop_oneof![
                Just("0".to_owned()),
                Just("-1".to_owned()),
                Just("3".to_owned()),
                Just("1e308".to_owned()),
                Just("nan".to_owned()),
                Just("inf".to_owned()),
                Just("2026-02-29".to_owned()),
                Just("2026-12-01T10:00:00Z".to_owned()),
                Just("\"sam\"".to_owned()),
                Just("[\"sam\", \"x\"]".to_owned()),
                Just("{ green = 0.1, red = 0.9 }".to_owned()),
                Just("true".to_owned()),
                "\"[^\"\\\\]{0,12}\"",
            ]
        )
            .prop_map(|(k, v)| format!("{k} = {v}\n")),
        "[ -~\u{1b}\u{7f}\u{202e}é日\n]{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_bytes_give_a_plan_or_diagnostics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        load_everything(&bytes);
    }

    #[test]
    fn any_assembled_plan_gives_a_plan_or_diagnostics(pieces in prop::collection::vec(plan_piece(), 0..14)) {
        load_everything(pieces.concat().as_bytes());
    }

    #[test]
    fn the_demo_plan_damaged_anywhere_gives_a_plan_or_diagnostics(
        at in 0..DEMO.len(),
        cut in 0usize..40,
        insert in prop::collection::vec(any::<u8>(), 0..8),
    ) {
        let mut bytes = DEMO.as_bytes().to_vec();
        let end = (at + cut).min(bytes.len());
        bytes.splice(at..end, insert);
        load_everything(&bytes);
    }
}
