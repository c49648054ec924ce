//! resetpoint: run a customer meeting from the project's plan.

pub mod agenda;
pub mod cli;
pub mod commands;
pub mod format;
pub mod plan;
pub mod text;
