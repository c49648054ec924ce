//! Documents made from meeting records: the minutes (Markdown and HTML),
//! the open actions (Markdown, CSV, iCalendar, a workbook), the meetings'
//! history (also a workbook), the report, the portfolio, the invitation.

pub mod actions;
pub mod agenda_ahead;
pub mod audience;
pub mod eml;
pub mod history;
pub mod html;
pub mod ical;
pub mod invitation;
pub mod markdown;
pub mod minutes;
pub mod minutes_model;
pub mod minutes_plain;
pub mod minutes_sections;
pub mod portfolio;
pub mod quick_look;
pub mod rehearsal;
pub mod report;
pub mod section_text;
pub mod whose;
pub mod workbook;
