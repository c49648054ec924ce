//! An area cut into parts whose sizes are known in cells. ratatui's
//! `Layout` solves its constraints anew for every area it has not seen
//! (it keeps the answers after), so on a meeting's first frame every
//! layout is a constraint solve: about a tenth of that frame's drawing.
//! Sizes given in cells need no solving when they fit; when they do not,
//! `Layout` decides, as before.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

/// Top to bottom: see [`split`].
pub fn rows<const N: usize>(area: Rect, constraints: [Constraint; N]) -> [Rect; N] {
    split(area, Direction::Vertical, constraints)
}

/// Left to right: see [`split`].
pub fn columns<const N: usize>(area: Rect, constraints: [Constraint; N]) -> [Rect; N] {
    split(area, Direction::Horizontal, constraints)
}

/// `area` cut along `direction` as `Layout::new(direction, constraints)`
/// cuts it. Lengths, and at most one `Min` that takes the rest, are laid
/// out directly when they fit; anything else goes to `Layout`.
pub fn split<const N: usize>(
    area: Rect,
    direction: Direction,
    constraints: [Constraint; N],
) -> [Rect; N] {
    let total = match direction {
        Direction::Vertical => area.height,
        Direction::Horizontal => area.width,
    };
    let Some(sizes) = sizes(total, &constraints) else {
        return Layout::new(direction, constraints).areas(area);
    };
    let mut start = 0;
    sizes.map(|size| {
        let part = match direction {
            Direction::Vertical => Rect::new(area.x, area.y + start, area.width, size),
            Direction::Horizontal => Rect::new(area.x + start, area.y, size, area.height),
        };
        start += size;
        part
    })
}

/// The sizes when they are not in question: the lengths, with the one
/// `Min` taking what is left (at least its least), adding up to `total`.
fn sizes<const N: usize>(total: u16, constraints: &[Constraint; N]) -> Option<[u16; N]> {
    let mut sizes = [0; N];
    let mut rest = None;
    let mut fixed = 0u32;
    for (n, constraint) in constraints.iter().enumerate() {
        match *constraint {
            Constraint::Length(length) => {
                sizes[n] = length;
                fixed += u32::from(length);
            }
            Constraint::Min(least) if rest.is_none() => rest = Some((n, least)),
            _ => return None,
        }
    }
    let total = u32::from(total);
    match rest {
        Some((n, least)) if fixed + u32::from(least) <= total => {
            sizes[n] = u16::try_from(total - fixed).ok()?;
            Some(sizes)
        }
        None if fixed == total => Some(sizes),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn area() -> impl Strategy<Value = Rect> {
        (0u16..50, 0u16..50, 0u16..300, 0u16..120).prop_map(|(x, y, w, h)| Rect::new(x, y, w, h))
    }

    fn constraint() -> impl Strategy<Value = Constraint> {
        prop_oneof![
            (0u16..80).prop_map(Constraint::Length),
            (0u16..80).prop_map(Constraint::Min),
            (0u16..100).prop_map(Constraint::Percentage),
        ]
    }

    proptest! {
        /// Whatever the constraints and the area, the parts are those
        /// ratatui's `Layout` gives: the shapes the screens use, two or
        /// three parts of lengths and a `Min`, in both directions.
        #[test]
        fn the_parts_are_those_layout_gives(
            area in area(),
            two in [constraint(), constraint()],
            three in [constraint(), constraint(), constraint()],
        ) {
            for direction in [Direction::Vertical, Direction::Horizontal] {
                prop_assert_eq!(split(area, direction, two), Layout::new(direction, two).areas(area));
                prop_assert_eq!(split(area, direction, three), Layout::new(direction, three).areas(area));
            }
        }

        /// Lengths that add up to the area, as `stack` gives them.
        #[test]
        fn lengths_that_fill_the_area_are_those_layout_gives(
            area in area(),
            cuts in prop::collection::vec(0u16..=100, 3),
        ) {
            let total = area.height;
            let mut at: Vec<u16> = cuts.iter().map(|c| (u32::from(*c) * u32::from(total) / 100) as u16).collect();
            at.sort_unstable();
            let lengths = [at[0], at[1] - at[0], at[2] - at[1], total - at[2]].map(Constraint::Length);
            prop_assert_eq!(rows(area, lengths), Layout::vertical(lengths).areas(area));
        }
    }

    #[test]
    fn lengths_and_one_min_are_laid_out_without_the_solver() {
        let area = Rect::new(0, 0, 120, 40);
        let shape = [
            Constraint::Length(2),
            Constraint::Min(1),
            Constraint::Length(1),
        ];
        assert_eq!(sizes(40, &shape), Some([2, 37, 1]));
        assert_eq!(
            rows(area, shape),
            [
                Rect::new(0, 0, 120, 2),
                Rect::new(0, 2, 120, 37),
                Rect::new(0, 39, 120, 1)
            ]
        );
        assert_eq!(sizes(3, &shape), None, "too little room: Layout decides");
    }
}
