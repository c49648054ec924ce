//! The meeting record on disk: the TOML file (format), the journal of every
//! edit beside it, and the store, the one thread that writes them.

pub mod format;
pub mod journal;
pub mod open;
pub mod store;
