//! Widgets made for resetpoint's screens.

pub mod fitted_table;
pub mod heat_map;
pub mod stack;
pub mod wrap;
