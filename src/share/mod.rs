//! Sharing the customer-safe screen with `follow`: where the meeting's
//! socket lives and who may open it (`place`), what travels over it
//! (`protocol`), and the facilitator's side that sends it (`publisher`).
//! Only `Shared::presenting` is ever written to a socket.

pub mod place;
pub mod protocol;
pub mod publisher;
