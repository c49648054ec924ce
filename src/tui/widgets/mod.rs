//! Widgets made for resetpoint's screens.

pub mod fitted_table;
pub mod heat_map;
pub mod index_gauge;
pub mod panel;
pub mod spend_chart;
pub mod split;
pub mod stack;
pub mod wrap;
