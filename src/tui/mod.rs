//! The full-screen meeting runner: the loop, the frame and the screens.

pub mod app;
pub mod background;
pub mod capture_pane;
pub mod config;
pub mod events;
pub mod follower;
pub mod keymap;
pub mod late_answer;
pub mod later;
pub mod lost;
pub mod rehearsal;
pub mod screens;
pub mod sharing;
pub mod speaker_notes;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod widgets;
