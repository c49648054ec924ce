//! Who a document or a quick look is for: the customer, who never sees
//! private notes or internal items, or the team, who see them marked.
//! On its own so that the plan's quick look and the minutes can share it
//! without needing each other.

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Audience {
    Customer,
    Internal,
}
