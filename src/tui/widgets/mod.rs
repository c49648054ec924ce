//! Widgets made for resetpoint's screens.

pub mod heat_map;
