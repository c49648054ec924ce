//! Panels stacked top to bottom, each given the lines it needs: earlier
//! panels first when the screen is short.

use ratatui::layout::{Constraint, Rect};

use super::fitted_table::FittedTable;
use super::split::rows;

/// Split `area` top to bottom among panels that each say how many rows
/// they need to show everything and the fewest they can do with. When
/// there is not room for all, panels earlier in the list are served first;
/// the others show what fits and say how much more there is.
pub fn stack<const N: usize>(area: Rect, panels: [(u16, u16); N]) -> [Rect; N] {
    rows(area, share(area.height, panels).map(Constraint::Length))
}

/// The heights `stack` gives.
fn share<const N: usize>(height: u16, panels: [(u16, u16); N]) -> [u16; N] {
    let mut heights: [u16; N] = panels.map(|(need, least)| need.min(least));
    let mut left = height.saturating_sub(heights.iter().sum());
    for (n, (need, _)) in panels.iter().enumerate() {
        let more = need.saturating_sub(heights[n]).min(left);
        heights[n] += more;
        left -= more;
    }
    if let Some(last) = heights.last_mut() {
        *last += left;
    }
    heights
}

/// `stack` for tables the full width of `area`. A table shows whole rows
/// only, so it may leave lines empty at its foot; those go to the panels
/// that still have more to show, earlier ones first.
pub fn stack_tables<const N: usize>(area: Rect, tables: [&FittedTable; N]) -> [Rect; N] {
    let w = area.width;
    let panels = tables.map(|t| (t.height(w), t.least_height(w)));
    let mut heights = share(area.height, panels);
    let mut spare = 0;
    for (n, table) in tables.iter().enumerate() {
        let used = table.used_height(w, heights[n]);
        spare += heights[n] - used;
        heights[n] = used;
    }
    // Offer the spare lines in turn; a panel takes only what its next
    // whole rows need.
    for (n, table) in tables.iter().enumerate() {
        if spare == 0 {
            break;
        }
        let used = table.used_height(w, heights[n] + spare);
        if used > heights[n] {
            spare -= used - heights[n];
            heights[n] = used;
        }
    }
    if let Some(last) = heights.last_mut() {
        *last += spare;
    }
    rows(area, heights.map(Constraint::Length))
}
