//! `check --format json --audience customer` holds nothing internal: the
//! derived figures (overall colour and its reasons, the risks) are worked
//! out without the plan's internal issues and risks, as the human quick
//! look's are. The internal JSON keeps them.

use crate::common;

/// The demo plan's internal issue II-1 and risk IR-1, both reasons for its
/// internal colour.
const INTERNAL: [&str; 2] = ["Two developers rotated off", "Margin on this account"];

fn check_json(audience: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.toml"),
        include_str!("../../assets/demo.toml"),
    )
    .unwrap();
    let out = common::resetpoint(
        dir.path(),
        &[
            "check",
            "plan.toml",
            "--format",
            "json",
            "--audience",
            audience,
        ],
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_customer_json_holds_nothing_internal_and_the_internal_json_all() {
    let customer = check_json("customer");
    let internal = check_json("internal");
    let value: serde_json::Value = serde_json::from_str(&customer).unwrap();
    let derived = value["derived"].to_string();
    for title in INTERNAL {
        assert!(
            !derived.contains(title),
            "{title} in the customer's figures: {derived}"
        );
        assert!(
            internal.contains(title),
            "{title} missing from the internal JSON"
        );
    }
    assert_ne!(customer, internal);
}
