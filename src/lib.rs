//! resetpoint: run a customer meeting from the project's plan.

pub mod agenda;
pub mod cli;
pub mod commands;
pub mod contrast;
pub mod export;
pub mod figures;
pub mod left_open;
pub mod meeting;
pub mod plan;
pub mod record;
pub mod rehearsal;
pub mod session;
pub mod share;
pub mod text;
pub mod tui;
