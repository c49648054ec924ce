//! The minutes as one email draft (RFC 5322, an `.eml` file): the Markdown
//! minutes as the plain-text part and the HTML minutes as the other part of
//! a `multipart/alternative`, addressed to the people of the meeting whose
//! `email` the plan gives, with `X-Unsent: 1` so a mail program opens it as
//! a draft to check and send. It is made from the same minutes as md and
//! html, for the same audience, so it can hold nothing they leave out.

use jiff::tz::TimeZone;
use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::raw::Raw;

use super::minutes::{Audience, html};
use crate::meeting::Capture;
use crate::meeting::capture::Earlier;
use crate::plan::model::{Plan, Side};
use crate::record::format::Record;

/// A draft ready to write, and who it could not be addressed to.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub message: Vec<u8>,
    /// People who would receive it but have no `email` in the plan.
    pub without_email: Vec<String>,
}

/// Who the draft goes to: a display name and an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub name: String,
    pub email: String,
}

/// Who receives the minutes, as the plan names them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recipients {
    pub to: Vec<Recipient>,
    pub cc: Vec<Recipient>,
    pub without_email: Vec<String>,
}

/// The customer's minutes go to the customer's people of the meeting, with
/// our own in copy; internal minutes go to our own people only, never to
/// the customer. The people of the meeting are those the minutes list:
/// who was present (or expected, when attendance was not taken) and who
/// sent apologies.
pub fn recipients(record: &Record, plan: Option<&Plan>, audience: Audience) -> Recipients {
    let Some(plan) = plan else {
        return Recipients::default();
    };
    let taken = record
        .attendance
        .iter()
        .any(|a| matches!(a.what, Capture::Attendance { .. }));
    let mut people: Vec<&str> = if taken {
        record
            .meeting
            .attendees
            .iter()
            .map(String::as_str)
            .collect()
    } else {
        plan.meeting
            .attendees
            .iter()
            .map(|a| a.get_ref().as_str())
            .collect()
    };
    people.extend(record.attendance.iter().filter_map(|a| match &a.what {
        Capture::Attendance {
            person,
            present: false,
            ..
        } => Some(person.as_str()),
        _ => None,
    }));
    addressed(plan, people, audience)
}

/// Who among `people` (person ids, once each) receives a document for
/// `audience`: the customer's people, with our own in copy, for the
/// customer; our own only, never the customer, for anyone else.
pub fn addressed<'a>(
    plan: &Plan,
    people: impl IntoIterator<Item = &'a str>,
    audience: Audience,
) -> Recipients {
    let mut found = Recipients::default();
    let mut seen = Vec::new();
    for id in people {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        // A guest named only in the meeting has no address to write.
        let Some(person) = plan.person(id) else {
            continue;
        };
        let list = match (audience, person.side) {
            (Audience::Customer, Side::Customer) => &mut found.to,
            (Audience::Customer, Side::Us) => &mut found.cc,
            (Audience::Internal | Audience::Management, Side::Us) => &mut found.to,
            (Audience::Internal | Audience::Management, Side::Customer) => continue,
        };
        match person.email.as_ref().map(|e| e.get_ref().trim()) {
            Some(email) if !email.is_empty() => list.push(Recipient {
                name: header_text(&person.name),
                email: email.to_owned(),
            }),
            _ => found.without_email.push(person.name.clone()),
        }
    }
    found
}

/// "Minutes: Harbor WMS Rollout — reset-point meeting, 1 Dec 2026".
pub fn subject(record: &Record, audience: Audience, zone: &TimeZone) -> String {
    let m = &record.meeting;
    let meeting = match m.agenda.as_str() {
        agenda @ ("kickoff" | "reset-point" | "status") => format!("{agenda} meeting"),
        _ => "meeting".to_owned(),
    };
    let day = m.started.to_zoned(zone.clone()).strftime("%-d %b %Y");
    let minutes = match audience {
        Audience::Customer => "Minutes",
        Audience::Internal => "Internal minutes",
        Audience::Management => "Minutes for management",
    };
    header_text(&format!("{minutes}: {} — {meeting}, {day}", m.project))
}

/// The draft of the minutes for `audience`, with times in `zone`.
pub fn eml(
    record: &Record,
    plan: Option<&Plan>,
    earlier: &[Earlier],
    audience: Audience,
    zone: &TimeZone,
) -> Draft {
    // The plain part is read as it is, not rendered: no Markdown escapes.
    let text = super::minutes_plain::plain(record, plan, earlier, audience, zone);
    let page = html(record, plan, earlier, audience, zone);
    let recipients = recipients(record, plan, audience);
    draft(
        &subject(record, audience, zone),
        text,
        Some(page),
        recipients,
    )
}

/// A draft of `text` (and `page`, when there is one) to `recipients`, with
/// `X-Unsent: 1` so a mail program opens it to check and send.
pub fn draft(subject: &str, text: String, page: Option<String>, recipients: Recipients) -> Draft {
    let addresses = |list: &[Recipient]| {
        Address::new_list(
            list.iter()
                .map(|r| Address::new_address(Some(r.name.clone()), r.email.clone()))
                .collect(),
        )
    };
    // No From: the PM's mail program fills in their own account when they
    // send, as it does for any draft; resetpoint does not know it.
    let mut message = MessageBuilder::new()
        .subject(header_text(subject))
        .header("X-Unsent", Raw::new("1"))
        .text_body(text);
    if let Some(page) = page {
        message = message.html_body(page);
    }
    if !recipients.to.is_empty() {
        message = message.to(addresses(&recipients.to));
    }
    if !recipients.cc.is_empty() {
        message = message.cc(addresses(&recipients.cc));
    }
    Draft {
        message: message.write_to_vec().unwrap_or_default(),
        without_email: recipients.without_email,
    }
}

/// Text for a mail header: control characters (a line break would start
/// a header of its own) written as visible escapes, as in every export.
fn header_text(text: &str) -> String {
    crate::text::visible(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::Captured;

    /// The demo plan with an email for everyone but Priya.
    fn plan() -> Plan {
        let mut text = include_str!("../../assets/demo.toml").to_owned();
        for id in ["dana", "sam", "ola", "marcus", "lin"] {
            text = text.replace(
                &format!("id = \"{id}\"\n"),
                &format!("id = \"{id}\"\nemail = \"{id}@example.com\"\n"),
            );
        }
        crate::plan::load_bytes("demo.toml", text.as_bytes())
            .plan
            .expect("valid")
    }

    fn record() -> Record {
        toml::from_str(include_str!(
            "../../tests/fixtures/records/2026-11-24-1400-reset-point.toml"
        ))
        .expect("the fixture record reads")
    }

    fn marked(record: &mut Record, person: &str, present: bool) {
        record.attendance.push(Captured {
            id: format!("P-{person}"),
            order: 0,
            section: 0,
            at: record.meeting.started,
            what: Capture::Attendance {
                person: person.to_owned(),
                present,
                guest: false,
            },
        });
        if present {
            record.meeting.attendees.push(person.to_owned());
        }
    }

    fn emails(list: &[Recipient]) -> Vec<&str> {
        list.iter().map(|r| r.email.as_str()).collect()
    }

    #[test]
    fn without_attendance_the_expected_people_are_addressed() {
        let found = recipients(&record(), Some(&plan()), Audience::Customer);
        assert_eq!(emails(&found.to), ["ola@example.com", "marcus@example.com"]);
        assert_eq!(emails(&found.cc), ["sam@example.com"]);
        assert_eq!(found.without_email, ["Priya Raman"]);
    }

    #[test]
    fn who_was_there_and_who_sent_apologies_get_the_minutes_guests_do_not() {
        let mut record = record();
        marked(&mut record, "ola", true);
        marked(&mut record, "dana", true);
        marked(&mut record, "lin", false);
        marked(&mut record, "a-guest", true);
        let found = recipients(&record, Some(&plan()), Audience::Customer);
        assert_eq!(emails(&found.to), ["ola@example.com", "lin@example.com"]);
        assert_eq!(emails(&found.cc), ["dana@example.com"]);
        assert!(found.without_email.is_empty());
    }

    #[test]
    fn internal_minutes_never_go_to_the_customer() {
        let found = recipients(&record(), Some(&plan()), Audience::Internal);
        assert_eq!(emails(&found.to), ["sam@example.com"]);
        assert!(found.cc.is_empty());
    }

    #[test]
    fn the_subject_names_the_meeting_and_its_day() {
        let zone = TimeZone::UTC;
        assert_eq!(
            subject(&record(), Audience::Customer, &zone),
            "Minutes: Shipment Tracking Rebuild — reset-point meeting, 24 Nov 2026"
        );
        let mut own = record();
        own.meeting.agenda = "plan".into();
        assert_eq!(
            subject(&own, Audience::Internal, &zone),
            "Internal minutes: Shipment Tracking Rebuild — meeting, 24 Nov 2026"
        );
    }
}
