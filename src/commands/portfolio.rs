//! `resetpoint portfolio DIR...`: every plan under the folders, one row per
//! account, worst first.

use std::path::{Path, PathBuf};

use super::actions::deliver;
use super::{Outcome, exit, fail};
use crate::cli::PortfolioFormat;
use crate::export::portfolio::{portfolio, write};

pub fn run(dirs: &[PathBuf], format: PortfolioFormat, output: Option<&Path>) -> Outcome {
    if let Some(missing) = dirs.iter().find(|d| !d.exists()) {
        return Err(fail(
            exit::BAD_INPUT,
            format!("there is no folder at {}", missing.display()),
        ));
    }
    let zone = crate::meeting::clock::local_zone();
    let today = jiff::Timestamp::now().to_zoned(zone.clone()).date();
    // Reading and parsing files is the work: one worker a core.
    let workers = std::thread::available_parallelism().map_or(2, usize::from);
    let found = portfolio(dirs, today, &zone, workers);
    let document = match format {
        PortfolioFormat::Human => write::human(&found),
        PortfolioFormat::Json => write::json(&found) + "\n",
        PortfolioFormat::Html => write::html(&found),
    };
    deliver(&document, output)
}
