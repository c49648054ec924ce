//! What the PM reads on leaving a meeting: an unfinished one, the command
//! that resumes it; a finished one, its record and the command for its
//! minutes. Commands are written to be pasted into a shell as they stand.
//! Whether the meeting ended is what the store last wrote to the record, so
//! leaving never reads the record back; of an unfinished one, only its
//! header is read, to see whether a later meeting is unfinished too.

use std::path::Path;

use crate::record::open::records_dir;

/// The lines printed after the screen is given back. `plan` is the plan
/// path as typed, or None for the bundled demo (which `run` cannot resume).
pub fn what_comes_next(record: &Path, ended: bool, plan: Option<&Path>) -> String {
    let minutes = format!(
        "resetpoint minutes {}",
        shell_word(&record.display().to_string())
    );
    let (said, then) = match (ended, plan) {
        (true, _) => (
            format!(
                "The meeting is finished; its record is {}.",
                record.display()
            ),
            format!("For the minutes: {minutes}"),
        ),
        (false, Some(plan)) => (
            format!(
                "The meeting is not finished; it is saved in {}.",
                record.display()
            ),
            format!("To resume it: {}", resume_command(plan, record)),
        ),
        (false, None) => (
            format!(
                "The demo meeting is not finished; it is saved in {}.",
                record.display()
            ),
            format!("The minutes so far: {minutes}"),
        ),
    };
    let mut lines = vec![said, then];
    if ended {
        lines.extend(written_beside(record));
    }
    if !ended && plan.is_some() {
        lines.extend(later_unfinished(record));
    }
    // Each line on its own, so the newline between them stays a newline.
    lines
        .iter()
        .map(|line| crate::text::visible(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The documents the end of the meeting wrote beside its record, one a
/// line, and the next meeting agreed with its invitation.
pub fn written_beside(record: &Path) -> Vec<String> {
    let Some(stem) = record.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    use crate::export::minutes::{Audience, file_name};
    let documents = [
        (
            "The customer's minutes",
            file_name(&stem, Audience::Customer, "md"),
        ),
        (
            "The customer's minutes",
            file_name(&stem, Audience::Customer, "html"),
        ),
        (
            "The internal minutes",
            file_name(&stem, Audience::Internal, "md"),
        ),
        (
            "The internal minutes",
            file_name(&stem, Audience::Internal, "html"),
        ),
        (
            "The invitation to the next meeting",
            crate::export::invitation::file_name(&stem),
        ),
    ];
    let mut lines: Vec<String> = documents
        .iter()
        .map(|(what, name)| (what, record.with_file_name(name)))
        .filter(|(_, path)| path.is_file())
        .map(|(what, path)| format!("{what}: {}", shell_word(&path.display().to_string())))
        .collect();
    let next = crate::record::open::read_header(record).and_then(|h| h.next);
    if let Some(next) = next {
        lines.push(format!("Next meeting: {next}."));
    } else if !lines.is_empty() {
        lines.push("No date was agreed for the next meeting.".to_owned());
    }
    lines
}

/// When a later meeting of the same project in the same folder is
/// unfinished too, `--resume` goes back to that one: say so, naming it.
fn later_unfinished(record: &Path) -> Option<String> {
    use crate::record::folder::Folder;
    // Its header only: a long meeting's items are not read again.
    let header = crate::record::open::read_header(record)?;
    let later = Folder::read_unfinished(record.parent()?, &header.project_id)
        .meetings
        .into_iter()
        .rev()
        .find(|m| {
            m.record.meeting.mode == header.mode && m.record.meeting.started > header.started
        })?;
    Some(format!(
        "A later meeting, {}, is not finished either, and --resume goes back to the latest: end that one first, then the command above comes back to this one.",
        later.stem
    ))
}

/// `resetpoint run PLAN --resume`, with `--records DIR` when the record is
/// not in the folder `run` looks in by default.
fn resume_command(plan: &Path, record: &Path) -> String {
    let mut command = format!(
        "resetpoint run {} --resume",
        shell_word(&plan.display().to_string())
    );
    let dir = record.parent().unwrap_or(Path::new("."));
    if dir != records_dir(plan, None) {
        command.push_str(" --records ");
        command.push_str(&shell_word(&dir.display().to_string()));
    }
    command
}

/// `word` as a shell reads it back: as it is when every character is
/// plain, else in single quotes (a quote inside written as `'\''`).
pub fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+=:,@%".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_only_when_the_shell_would_misread_them() {
        assert_eq!(
            shell_word("meetings/2026-12-01-0900-status.toml"),
            "meetings/2026-12-01-0900-status.toml"
        );
        assert_eq!(shell_word("my plan.toml"), "'my plan.toml'");
        assert_eq!(shell_word("Sam's plan.toml"), "'Sam'\\''s plan.toml'");
        assert_eq!(shell_word("$HOME;rm"), "'$HOME;rm'");
        assert_eq!(shell_word(""), "''");
    }

    #[test]
    fn an_unfinished_meeting_says_how_to_resume_it() {
        let text = what_comes_next(
            Path::new("plans/meetings/2026-12-01-0900-status.toml"),
            false,
            Some(Path::new("plans/acme plan.toml")),
        );
        assert_eq!(
            text,
            "The meeting is not finished; it is saved in plans/meetings/2026-12-01-0900-status.toml.\nTo resume it: resetpoint run 'plans/acme plan.toml' --resume"
        );
    }

    #[test]
    fn records_kept_elsewhere_are_named_in_the_resume_command() {
        let text = what_comes_next(
            Path::new("/tmp/records/2026-12-01-0900-status.toml"),
            false,
            Some(Path::new("plan.toml")),
        );
        assert!(
            text.ends_with("resetpoint run plan.toml --resume --records /tmp/records"),
            "{text}"
        );
    }

    #[test]
    fn a_finished_meeting_names_its_record_and_the_minutes_command() {
        let text = what_comes_next(
            Path::new("my meetings/2026-12-01-0900-reset-point.toml"),
            true,
            Some(Path::new("plan.toml")),
        );
        assert_eq!(
            text,
            "The meeting is finished; its record is my meetings/2026-12-01-0900-reset-point.toml.\nFor the minutes: resetpoint minutes 'my meetings/2026-12-01-0900-reset-point.toml'"
        );
    }

    #[test]
    fn no_raw_control_character_reaches_the_terminal() {
        let text = what_comes_next(Path::new("a\u{1b}[2Jb.toml"), true, None);
        assert!(
            !text.chars().any(|c| c != '\n' && crate::text::is_unsafe(c)),
            "{text:?}"
        );
        assert!(
            text.contains("a\\u{1b}[2Jb.toml"),
            "shown as an escape: {text}"
        );
    }
}
