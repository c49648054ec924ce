//! The documents made from records: minutes, actions, report, history, portfolio, invitation, workbook.
//!
//! One test binary of a few: each file below was once a binary of its own,
//! and linking the crate once per group keeps the cold test build short.

#[path = "../common/mod.rs"]
mod common;
#[path = "../sheets/meetings.rs"]
mod meetings;

mod actions;
mod actions_whose;
mod financials_private;
mod history_same_day;
mod html_minutes;
mod invitation;
mod minutes;
mod minutes_pick;
mod output_safety;
mod portfolio;
mod rehearsal_pacing;
mod report;
mod task_help;
mod workbook;
