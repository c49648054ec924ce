//! The real binary in a real terminal (tmux): what a PM sees and types in the room, end to end.
//!
//! One test binary of a few: each file below was once a binary of its own,
//! and linking the crate once per group keeps the cold test build short.

#[path = "../common/mod.rs"]
mod common;
#[path = "../sheets/meetings.rs"]
mod meetings;
#[path = "../e2e/tmux.rs"]
mod tmux;

mod agenda_ahead;
mod e2e_capture;
mod e2e_did_you_mean;
mod e2e_earlier_read;
mod e2e_ending;
mod e2e_follow;
mod e2e_keys_first;
mod e2e_late_answer;
mod e2e_leaving;
mod e2e_minutes;
mod e2e_no_crash;
mod e2e_notes;
mod e2e_output;
mod e2e_park_and_skip;
mod e2e_presenting;
mod e2e_rehearse;
mod e2e_resume;
mod e2e_runner;
mod e2e_signals;
mod e2e_speaker_notes;
mod e2e_task_help;
mod e2e_workbook;
mod first_frame_once;
mod hostile_plan_path;
mod lost_terminal;
mod minutes_eml;
mod other_meetings;
mod pty;
mod update_between;
