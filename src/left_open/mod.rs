//! What earlier meetings left open: the actions and customer tasks still
//! to follow up, the risks and issues raised, the relationship's history.
//! It stands between the record (what was said) and the documents and the
//! next meeting's screens (which show it), so the follow-ups on screen and
//! the open actions in the documents are one computation and never disagree.

pub mod actions;
pub mod earlier;
pub mod history;
pub mod tasks;
