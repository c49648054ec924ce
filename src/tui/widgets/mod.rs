//! Widgets made for resetpoint's screens.

pub mod heat_map;
pub mod index_gauge;
pub mod spend_chart;
