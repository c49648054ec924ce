//! `resetpoint follow [PLAN | --records DIR] [--no-wait]`: the projector's
//! screen for a meeting run on this machine. The plan is named only to
//! find its meeting — by a hash of its canonical path, the way the
//! facilitator names its socket — and is never read; everything drawn
//! comes from the facilitator, customer-safe.

use std::io::IsTerminal as _;
use std::path::Path;
use std::process::ExitCode;

use super::run::settings;
use super::{Outcome, exit, fail};
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

pub fn run(options: &Options) -> Outcome {
    for (path, what) in [(options.plan, "plan"), (options.records, "records folder")] {
        if let Some(path) = path.filter(|p| !p.exists()) {
            return Err(fail(
                exit::BAD_INPUT,
                format!(
                    "there is no {what} at {}; name the one the meeting was started with",
                    path.display()
                ),
            ));
        }
    }
    let mut wanted = Wanted {
        plan: options.plan.map(place::path_key),
        records: options.records.map(place::path_key),
    };
    let folder = match place::folder() {
        Ok(folder) => folder,
        Err(e) => {
            return Err(fail(
                exit::IO,
                format!("the follow folder cannot be used: {e}"),
            ));
        }
    };
    // Nothing named and several meetings running: which one is asked, never
    // guessed (the projector must not show the wrong customer's meeting).
    let mut chosen = None;
    if options.plan.is_none() && options.records.is_none() {
        let running = place::running(&folder);
        let pick = match running.len() {
            0 => None,
            1 => Some(0),
            _ if std::io::stdin().is_terminal() => match ask_which(&running) {
                Some(n) => Some(n),
                None => return Ok(ExitCode::from(exit::BAD_INPUT)),
            },
            _ => return Err(fail(exit::BAD_INPUT, several_running(&running))),
        };
        if let Some((name, about)) = pick.and_then(|n| running.get(n)) {
            wanted = Wanted {
                plan: Some(name.plan.clone()),
                records: Some(name.records.clone()),
            };
            chosen = Some(format!("the meeting of {}", visible(&about.project)));
        }
    }
    let what = chosen.unwrap_or_else(|| match (options.plan, options.records) {
        (Some(plan), _) => format!("the meeting of {}", visible(&plan.display().to_string())),
        (None, Some(dir)) => format!(
            "a meeting recorded in {}",
            visible(&dir.display().to_string())
        ),
        (None, None) => "a meeting".to_owned(),
    });
    if options.no_wait && !follower::running(&folder, &wanted) {
        return Err(fail(
            exit::BAD_INPUT,
            format!(
                "no meeting is running for {} on this machine; start it with `resetpoint run PLAN`, or leave out --no-wait to wait for it",
                what.trim_start_matches("the meeting of ")
                    .trim_start_matches("a meeting recorded in ")
            ),
        ));
    }
    if !std::io::stdout().is_terminal() {
        return Err(fail(
            exit::BAD_INPUT,
            "follow draws the meeting full screen: run it in a terminal (the one on the projector)",
        ));
    }
    let config = settings(options.config)?;
    let theme = Theme {
        palette: config.palette,
    };
    match follower::run(folder, wanted, theme, what) {
        Ok(Stopped::Asked) => Ok(ExitCode::from(exit::OK)),
        Ok(Stopped::Unreadable(said)) => Err(fail(exit::BAD_INPUT, said)),
        Err(e) => Err(fail(exit::IO, format!("the terminal failed: {e}"))),
    }
}

/// One line for a running meeting: its project, agenda, when it started
/// and its plan.
fn one_line(about: &place::About) -> String {
    let zone = crate::meeting::clock::local_zone();
    visible(&format!(
        "{} — {}, started {} ({})",
        about.project,
        about.agenda,
        about.started.to_zoned(zone).strftime("%a %-d %b %H:%M"),
        about.plan
    ))
}

/// Several meetings run and none was named: each, with the command that
/// follows it, for a caller with no terminal to answer on.
fn several_running(running: &[(place::MeetingName, place::About)]) -> String {
    let mut lines = vec![format!(
        "{} meetings are running on this machine; name the one to follow:",
        running.len()
    )];
    for (_, about) in running {
        lines.push(format!(
            "  resetpoint follow {}    # {}",
            super::leaving::shell_word(&about.plan),
            one_line(about)
        ));
    }
    lines.join("\n")
}

/// Ask which of the running meetings to follow: its number, then Enter.
/// None when the question is not answered (end of input).
fn ask_which(running: &[(place::MeetingName, place::About)]) -> Option<usize> {
    use std::io::{BufRead as _, Write as _};
    let mut out = std::io::stdout();
    let _ = writeln!(
        out,
        "Several meetings are running on this machine. Which one should this screen follow?"
    );
    for (n, (_, about)) in running.iter().enumerate() {
        let _ = writeln!(out, "  {}  {}", n + 1, one_line(about));
    }
    let stdin = std::io::stdin();
    loop {
        let _ = write!(out, "Its number, then Enter: ");
        let _ = out.flush();
        let mut answer = String::new();
        if stdin.lock().read_line(&mut answer).ok()? == 0 {
            return None;
        }
        match answer.trim().parse::<usize>() {
            Ok(n) if (1..=running.len()).contains(&n) => return Some(n - 1),
            _ => {
                let _ = writeln!(out, "Type a number from 1 to {}.", running.len());
            }
        }
    }
}
