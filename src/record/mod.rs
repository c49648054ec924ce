//! The meeting record on disk: the TOML file (format), the journal of every
//! edit beside it, the store, the one thread that writes them, the one
//! door (fs) through which every file is opened, written and renamed, the
//! records folder read once (folder), and a meeting's set-up and resume
//! from it (session), with its earlier meetings read once it is on screen
//! (earlier).

pub mod earlier;
pub mod folder;
pub mod format;
pub mod fs;
pub mod journal;
pub mod open;
pub mod resume;
pub mod session;
pub mod store;
