//! `minutes --format eml` read back through the binary with a real MIME
//! parser (Python's `email` package): a draft addressed to the customer's
//! people, its subject decoded, both parts there, nothing internal in it.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

use common::type_line as typed;
use jiff::{SignedDuration, Timestamp, tz::TimeZone};
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;
use serde_json::Value;

/// The demo plan with emails for some of its people, and a customer whose
/// name is not ASCII.
pub(crate) fn plan_text() -> String {
    let mut plan = include_str!("../../assets/demo.toml")
        .replace("name = \"Ola Nordmann\"", "name = \"Søren Kjærgaard\"");
    for (id, email) in [
        ("ola", "soren@northwind.example"),
        ("marcus", "marcus.bell@northwind.example"),
        ("sam", "sam.okafor@ourfirm.example"),
        ("lin", "lin.chen@northwind.example"),
    ] {
        plan = plan.replace(
            &format!("id = \"{id}\"\n"),
            &format!("id = \"{id}\"\nemail = \"{email}\"\n"),
        );
    }
    plan
}

/// A reset-point meeting on 1 Dec 2026 with everyone expected present,
/// a private note and an internal risk among what was said.
fn record(plan_path: &Path) -> Record {
    let plan = resetpoint::plan::load_bytes("plan.toml", plan_text().as_bytes())
        .plan
        .expect("the plan with emails is valid");
    let start: Timestamp = "2026-12-01T14:00:00Z".parse().unwrap();
    let mut m = Meeting::new(
        plan,
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    for _ in 0..4 {
        update(&mut m, Action::Select);
        update(&mut m, Action::Down);
    }
    common::go_to(&mut m, SectionKind::Status);
    typed(&mut m, Action::Decision, "Weekly written report, Thursdays");
    typed(
        &mut m,
        Action::Decision,
        "<UAT> plan *as agreed* at http://wiki.example/uat_plan",
    );
    typed(
        &mut m,
        Action::PrivateNote,
        "Søren hinted at a budget freeze",
    );
    common::go_to(&mut m, SectionKind::Raid);
    typed(&mut m, Action::Risk, "Vendor may fold @priya #internal");
    update(
        &mut m,
        Action::Tick(start + SignedDuration::from_secs(80 * 60)),
    );
    common::quit(&mut m);
    let mut record = Record::of(&m);
    record.meeting.plan = plan_path.display().to_string();
    record
}

/// A folder holding the plan and its meeting record; the record's path.
fn meeting(dir: &Path) -> std::path::PathBuf {
    let plan = dir.join("plan.toml");
    std::fs::write(&plan, plan_text()).unwrap();
    let meetings = dir.join("meetings");
    std::fs::create_dir(&meetings).unwrap();
    let path = meetings.join("2026-12-01-1400-reset-point.toml");
    std::fs::write(&path, toml::to_string(&record(&plan)).unwrap()).unwrap();
    path
}

fn minutes(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resetpoint"))
        .arg("minutes")
        .args(args)
        .current_dir(dir)
        .env("TZ", "UTC")
        .output()
        .expect("the resetpoint binary runs")
}

/// What Python's `email` package reads in the message.
const READ_BACK: &str = r#"
import email, email.policy, json, sys
raw = sys.stdin.buffer.read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
def people(header):
    value = msg[header]
    return [] if value is None else [[a.display_name, a.addr_spec] for a in value.addresses]
# A message of one part is its own only part.
parts = [
    {"type": p.get_content_type(), "text": p.get_content()}
    for p in (msg.iter_parts() if msg.is_multipart() else [msg])
]
print(json.dumps({
    "defects": [str(d) for d in msg.defects] + [str(d) for p in msg.walk() for d in p.defects],
    "subject": str(msg["subject"]),
    "headers": raw.split(b"\r\n\r\n")[0].decode("ascii"),
    "to": people("to"),
    "cc": people("cc"),
    "from": msg["from"],
    "unsent": msg["x-unsent"],
    "type": msg.get_content_type(),
    "parts": parts,
}))
"#;

pub(crate) fn read_back(message: &[u8]) -> Value {
    use std::io::Write as _;
    let mut python = Command::new("python3")
        .args(["-c", READ_BACK])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 is on the machine");
    python.stdin.take().unwrap().write_all(message).unwrap();
    let out = python.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

pub(crate) fn part<'a>(mail: &'a Value, kind: &str) -> &'a str {
    mail["parts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} part in {mail:#}"))["text"]
        .as_str()
        .unwrap()
}

#[test]
fn the_customers_draft_is_addressed_to_them_and_holds_nothing_internal() {
    let dir = tempfile::tempdir().unwrap();
    let record = meeting(dir.path());
    let out = minutes(
        dir.path(),
        &[
            record.to_str().unwrap(),
            "--format",
            "eml",
            "-o",
            "minutes.eml",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("wrote the minutes to minutes.eml"),
        "{stderr}"
    );
    // Priya attended but has no email in the plan: the PM is told.
    assert!(stderr.contains("no email for Priya Raman"), "{stderr}");
    let message = std::fs::read(dir.path().join("minutes.eml")).unwrap();
    assert!(
        message.is_ascii(),
        "every header and part is encoded for mail"
    );
    let mail = read_back(&message);
    assert_eq!(mail["defects"], serde_json::json!([]), "{mail:#}");

    assert_eq!(
        mail["subject"],
        "Minutes: Shipment Tracking Rebuild — reset-point meeting, 1 Dec 2026"
    );
    assert!(
        mail["headers"].as_str().unwrap().contains("=?utf-8?"),
        "the dash and the name are RFC 2047 encoded: {}",
        mail["headers"]
    );
    assert_eq!(
        mail["to"],
        serde_json::json!([
            ["Søren Kjærgaard", "soren@northwind.example"],
            ["Marcus Bell", "marcus.bell@northwind.example"],
        ]),
        "the customer's attendees; Lin was not in the meeting"
    );
    assert_eq!(
        mail["cc"],
        serde_json::json!([["Sam Okafor", "sam.okafor@ourfirm.example"]])
    );
    assert_eq!(mail["unsent"], "1", "mail programs open it as a draft");
    assert!(
        mail["from"].is_null(),
        "the PM's own mail program fills it in"
    );
    assert_eq!(mail["type"], "multipart/alternative");

    let text = part(&mail, "text/plain");
    let html = part(&mail, "text/html");
    for body in [text, html] {
        assert!(body.contains("Weekly written report, Thursdays"), "{body}");
        assert!(body.contains("Søren Kjærgaard"), "{body}");
        for internal in [
            "budget freeze",
            "Vendor may fold",
            "Two developers rotated off",
            "Margin on this account",
            "Key tech lead leaves",
            "Internal minutes",
        ] {
            assert!(
                !body.contains(internal),
                "{internal:?} in the draft:\n{body}"
            );
        }
    }
    assert!(
        text.starts_with("Minutes: Shipment Tracking Rebuild"),
        "{text}"
    );
    // Read as typed, not as Markdown source.
    assert!(
        text.contains("<UAT> plan *as agreed* at http://wiki.example/uat_plan"),
        "{text}"
    );
    for escape in ["\\<", "\\:", "&#32;", "**", "## "] {
        assert!(
            !text.contains(escape),
            "{escape:?} in the plain part:\n{text}"
        );
    }
    assert!(html.contains("<html"), "{html}");
}

#[test]
fn internal_minutes_go_to_our_own_people_only() {
    let dir = tempfile::tempdir().unwrap();
    let record = meeting(dir.path());
    let out = minutes(
        dir.path(),
        &[
            record.to_str().unwrap(),
            "--format",
            "eml",
            "--audience",
            "internal",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let mail = read_back(&out.stdout);
    assert_eq!(
        mail["subject"],
        "Internal minutes: Shipment Tracking Rebuild — reset-point meeting, 1 Dec 2026"
    );
    assert_eq!(
        mail["to"],
        serde_json::json!([["Sam Okafor", "sam.okafor@ourfirm.example"]])
    );
    assert_eq!(mail["cc"], serde_json::json!([]));
    let text = part(&mail, "text/plain");
    assert!(text.contains("budget freeze"), "{text}");
}

#[test]
fn hostile_names_stay_in_their_header() {
    let dir = tempfile::tempdir().unwrap();
    let record = meeting(dir.path());
    let plan = dir.path().join("plan.toml");
    let hostile = plan_text().replace(
        "name = \"Marcus Bell\"",
        "name = \"Marcus \\\"Bell\\\", <evil@x.example>\\r\\nBcc: evil@x.example\"",
    );
    std::fs::write(&plan, hostile).unwrap();
    let mut typed: Record = toml::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    typed.meeting.project = "Tracking\r\nBcc: evil@x.example".into();
    std::fs::write(&record, toml::to_string(&typed).unwrap()).unwrap();
    let out = minutes(dir.path(), &[record.to_str().unwrap(), "--format", "eml"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mail = read_back(&out.stdout);
    assert_eq!(mail["defects"], serde_json::json!([]), "{mail:#}");
    let headers = mail["headers"].as_str().unwrap();
    assert!(
        !headers
            .lines()
            .any(|l| l.to_ascii_lowercase().starts_with("bcc")),
        "{headers}"
    );
    assert!(
        mail["subject"]
            .as_str()
            .unwrap()
            .starts_with("Minutes: Tracking\\u{d}\\u{a}Bcc"),
        "the line break is written as a visible escape: {}",
        mail["subject"]
    );
    let to = mail["to"].as_array().unwrap();
    assert_eq!(to.len(), 2, "{to:?}");
    assert_eq!(to[1][1], "marcus.bell@northwind.example");
    assert!(to[1][0].as_str().unwrap().contains("<evil@x.example>"));
}
