//! What travels from the facilitator to a follower: newline-delimited
//! JSON, one message a line, the version first — `{"v":1,"shared":{…}}`
//! for the screen as it stands, `{"v":1,"ended":true}` when the meeting
//! is over. A follower that speaks another version says so and stops.

use serde::{Deserialize, Serialize};

use crate::meeting::Shared;

/// The version of the messages this resetpoint sends and reads.
pub const VERSION: u32 = 1;

/// One message, as written (the version field first).
#[derive(Serialize)]
struct Outgoing<'a> {
    v: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    shared: Option<&'a Shared>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    ended: bool,
}

/// The line that carries a customer-safe screen. Give it only
/// `Shared::presenting`: whatever it holds reaches the projector.
pub fn screen_line(shared: &Shared) -> Result<String, serde_json::Error> {
    let mut line = serde_json::to_string(&Outgoing {
        v: VERSION,
        shared: Some(shared),
        ended: false,
    })?;
    line.push('\n');
    Ok(line)
}

/// The line that says the facilitator ended the meeting (not a crash).
pub fn ended_line() -> String {
    format!("{{\"v\":{VERSION},\"ended\":true}}\n")
}

/// A message as a follower reads it.
#[derive(Debug)]
pub enum Incoming {
    Screen(Box<Shared>),
    Ended,
}

/// Why a line could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(
        "the meeting speaks version {0} of the follow messages and this resetpoint speaks version {VERSION}: run the same resetpoint for both"
    )]
    OtherVersion(u64),
    #[error("the meeting sent a message this resetpoint cannot read: {0}")]
    Garbled(String),
}

/// The first line of why, so the message stays one line.
fn garbled(e: serde_json::Error) -> ReadError {
    let why = e.to_string();
    ReadError::Garbled(why.lines().next().unwrap_or_default().to_owned())
}

#[derive(Deserialize)]
struct VersionOnly {
    v: u64,
}

#[derive(Deserialize)]
struct Body {
    shared: Option<Box<Shared>>,
    #[serde(default)]
    ended: bool,
}

/// Read one line: the version is checked before anything else is.
pub fn read_line(line: &str) -> Result<Incoming, ReadError> {
    let version: VersionOnly = serde_json::from_str(line).map_err(garbled)?;
    if version.v != u64::from(VERSION) {
        return Err(ReadError::OtherVersion(version.v));
    }
    let body: Body = serde_json::from_str(line).map_err(garbled)?;
    match (body.shared, body.ended) {
        (_, true) => Ok(Incoming::Ended),
        (Some(shared), false) => Ok(Incoming::Screen(shared)),
        (None, false) => Err(ReadError::Garbled("neither a screen nor an end".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_comes_first() {
        assert!(ended_line().starts_with("{\"v\":1,"));
        assert!(ended_line().ends_with('\n'));
        assert!(matches!(read_line(&ended_line()), Ok(Incoming::Ended)));
    }

    #[test]
    fn another_version_is_named_in_one_line() {
        let err = read_line("{\"v\":2,\"shared\":{\"whatever\":1}}").unwrap_err();
        assert!(matches!(err, ReadError::OtherVersion(2)));
        let said = err.to_string();
        assert!(said.contains("version 2") && said.contains("version 1"));
        assert!(!said.contains('\n'));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(matches!(read_line("not json"), Err(ReadError::Garbled(_))));
        assert!(matches!(read_line("{\"v\":1}"), Err(ReadError::Garbled(_))));
    }
}
