//! The meeting record on disk: the TOML file (format), the journal of every
//! edit beside it, the store, the one thread that writes them, and the one
//! door (fs) through which every file is opened, written and renamed.

pub mod folder;
pub mod format;
pub mod fs;
pub mod journal;
pub mod open;
pub mod resume;
pub mod store;
