//! The meeting without a terminal: keys, update, capture, presenting, rehearsal cards, follow-ups carried over.
//!
//! One test binary of a few: each file below was once a binary of its own,
//! and linking the crate once per group keeps the cold test build short.

#[path = "../common/mod.rs"]
mod common;

mod carry_over;
mod carry_over_agenda;
mod earlier_read;
mod follow_privacy;
mod follow_publisher;
mod ids_for_the_room;
mod keymap;
mod latest_word;
mod leaving_asks;
mod leaving_hint;
mod meeting_update;
mod notes;
mod one_story;
mod park_and_skip;
mod presenting;
mod rehearsal_cards;
mod resume_frame;
mod sensitive_answers;
mod typed_whole;
mod update_props;
