//! Which record `minutes` is asked for: a record as given, or, given a
//! plan or a records folder, its latest finished meeting, or the one
//! `--meeting` picks (its number as `history` counts them, oldest first,
//! or its day). A folder or a plan is never taken for a broken record.

use std::path::{Path, PathBuf};

use crate::record::format::{Header, Mode};
use crate::record::open::{read_header, records_dir};

/// Where to find the meeting: the record itself, or the finished
/// meetings in a folder (of one project, when a plan was given).
pub fn record_for(path: &Path, pick: Option<&str>) -> Result<PathBuf, String> {
    let (folder, project, named) = if path.is_dir() {
        (path.to_path_buf(), None, path.display().to_string())
    } else if is_plan(path) {
        let checked = crate::plan::load_file(path).map_err(|e| e.to_string())?;
        let Some(plan) = checked.plan else {
            return Err(format!(
                "{} has errors; `resetpoint check {}` names them",
                path.display(),
                path.display()
            ));
        };
        let folder = records_dir(path, None);
        let named = format!(
            "{} (the meetings of {})",
            folder.display(),
            plan.project.name
        );
        (folder, Some(plan.project.slug()), named)
    } else {
        if pick.is_some() {
            return Err("--meeting picks a meeting of a plan or a records folder; give one of those instead of a record".into());
        }
        return Ok(path.to_path_buf());
    };
    let meetings = finished(&folder, project.as_deref());
    if meetings.is_empty() {
        return Err(format!(
            "{named} holds no finished meeting yet; a meeting is finished with q on its last section, and `resetpoint history PLAN` lists them"
        ));
    }
    let zone = crate::meeting::clock::local_zone();
    let chosen = match pick {
        None => meetings.last(),
        Some(n) if n.chars().all(|c| c.is_ascii_digit()) => {
            let n: usize = n.parse().unwrap_or(0);
            (1..=meetings.len()).contains(&n).then(|| &meetings[n - 1]).ok_or_else(|| {
                format!(
                    "--meeting {n}: there are {} finished meetings, numbered 1 (the first) to {}",
                    meetings.len(),
                    meetings.len()
                )
            }).map(Some)?
        }
        Some(day) => {
            let date: jiff::civil::Date = day.parse().map_err(|_| {
                format!("--meeting {day}: give the meeting's number (1 is the first) or its day, 2026-12-04")
            })?;
            let on: Vec<(usize, &(PathBuf, Header))> = meetings
                .iter()
                .enumerate()
                .filter(|(_, (_, h))| h.started.to_zoned(zone.clone()).date() == date)
                .collect();
            match on.as_slice() {
                [] => {
                    return Err(format!(
                        "no finished meeting on {date}; `resetpoint history PLAN` lists them"
                    ));
                }
                [(_, one)] => Some(*one),
                several => {
                    let which: Vec<String> = several
                        .iter()
                        .map(|(n, (_, h))| {
                            format!(
                                "--meeting {} ({})",
                                n + 1,
                                h.started.to_zoned(zone.clone()).strftime("%H:%M")
                            )
                        })
                        .collect();
                    return Err(format!(
                        "{} meetings on {date}; pick one: {}",
                        several.len(),
                        which.join(", ")
                    ));
                }
            }
        }
    };
    Ok(chosen.map(|(path, _)| path.clone()).unwrap_or_default())
}

/// Whether `path` is a plan rather than a meeting record: a plan has a
/// `[project]` table, a record never has one.
fn is_plan(path: &Path) -> bool {
    let Ok(text) = crate::record::fs::read_plain_text(path) else {
        return false;
    };
    text.lines().any(|line| {
        line.split('#')
            .next()
            .is_some_and(|t| t.trim() == "[project]")
    })
}

/// The finished live meetings in `folder` (of `project`, when given),
/// oldest first, told by their headers alone.
fn finished(folder: &Path, project: Option<&str>) -> Vec<(PathBuf, Header)> {
    let Ok(listing) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, Header)> = listing
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .filter_map(|p| read_header(&p).map(|h| (p, h)))
        .filter(|(_, h)| {
            h.ended.is_some()
                && h.mode == Mode::Live
                && !h.is_update()
                && project.is_none_or(|id| h.project_id == id)
        })
        .collect();
    found.sort_by_key(|(_, h)| h.started);
    found
}
