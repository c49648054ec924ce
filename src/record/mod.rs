//! The meeting record on disk: the TOML file (format), the journal of every
//! edit beside it, the store, the one thread that writes them, the one
//! door (fs) through which every file is opened, written and renamed, the
//! records folder read once (folder), and what a journal brings back
//! (resume). A meeting's set-up from the folder is `session`, a floor up.

pub mod folder;
pub mod format;
pub mod fs;
pub mod journal;
pub mod open;
pub mod resume;
pub mod store;
