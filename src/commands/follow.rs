//! `resetpoint follow [PLAN | --records DIR] [--no-wait]`: the projector's
//! screen for a meeting run on this machine. The plan is named only to
//! find its meeting — by a hash of its canonical path, the way the
//! facilitator names its socket — and is never read; everything drawn
//! comes from the facilitator, customer-safe.

use std::io::IsTerminal as _;
use std::path::Path;
use std::process::ExitCode;

use super::run::settings;
use super::{exit, fail};
use crate::share::place::{self, Wanted};
use crate::text::visible;
use crate::tui::follower::{self, Stopped};
use crate::tui::theme::Theme;

pub struct Options<'a> {
    pub plan: Option<&'a Path>,
    pub records: Option<&'a Path>,
    pub no_wait: bool,
    pub config: Option<&'a Path>,
}

pub fn run(options: &Options) -> ExitCode {
    for (path, what) in [(options.plan, "plan"), (options.records, "records folder")] {
        if let Some(path) = path.filter(|p| !p.exists()) {
            return fail(
                exit::BAD_INPUT,
                format!(
                    "there is no {what} at {}; name the one the meeting was started with",
                    path.display()
                ),
            );
        }
    }
    let wanted = Wanted {
        plan: options.plan.map(place::path_key),
        records: options.records.map(place::path_key),
    };
    let what = match (options.plan, options.records) {
        (Some(plan), _) => format!("the meeting of {}", visible(&plan.display().to_string())),
        (None, Some(dir)) => format!(
            "a meeting recorded in {}",
            visible(&dir.display().to_string())
        ),
        (None, None) => "a meeting".to_owned(),
    };
    let folder = match place::folder() {
        Ok(folder) => folder,
        Err(e) => return fail(exit::IO, format!("the follow folder cannot be used: {e}")),
    };
    if options.no_wait && !follower::running(&folder, &wanted) {
        return fail(
            exit::BAD_INPUT,
            format!(
                "no meeting is running for {} on this machine; start it with `resetpoint run PLAN`, or leave out --no-wait to wait for it",
                what.trim_start_matches("the meeting of ")
                    .trim_start_matches("a meeting recorded in ")
            ),
        );
    }
    if !std::io::stdout().is_terminal() {
        return fail(
            exit::BAD_INPUT,
            "follow draws the meeting full screen: run it in a terminal (the one on the projector)",
        );
    }
    let config = match settings(options.config) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let theme = Theme {
        palette: config.palette,
    };
    match follower::run(folder, wanted, theme, what) {
        Ok(Stopped::Asked) => ExitCode::from(exit::OK),
        Ok(Stopped::Unreadable(said)) => fail(exit::BAD_INPUT, said),
        Err(e) => fail(exit::IO, format!("the terminal failed: {e}")),
    }
}
