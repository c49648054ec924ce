//! Documents made from meeting records: the minutes.

pub mod markdown;
pub mod minutes;
