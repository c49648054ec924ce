//! Every screen drawn with ratatui's TestBackend: what the laptop and the projector show, at 80×24 and larger.
//!
//! One test binary of a few: each file below was once a binary of its own,
//! and linking the crate once per group keeps the cold test build short.

#[path = "../common/mod.rs"]
mod common;

mod bad_news_first;
mod capture_screens;
mod contrast;
mod derived_words;
mod follow_screen;
mod footer_notices;
mod header_bidi;
mod header_clock;
mod large_plans;
mod notes_screen;
mod privacy;
mod rehearsal_screens;
mod screens;
mod screens_fit;
mod solid_ink;
mod speaker_notes;
mod timer_words;
