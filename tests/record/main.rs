//! The record on disk: store, journal, faults, the folder read once, a session set up from it.
//!
//! One test binary of a few: each file below was once a binary of its own,
//! and linking the crate once per group keeps the cold test build short.

#[path = "../common/mod.rs"]
mod common;

mod history_at_scale;
mod record_faults;
mod record_session;
mod record_store;
mod rehearsal_records;
mod saving_from_entries;
mod syncs;
