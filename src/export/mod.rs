//! Documents made from meeting records: the minutes.

pub mod actions;
pub mod carry_over;
pub mod history;
pub mod html;
pub mod markdown;
pub mod minutes;
pub mod portfolio;
pub mod report;
