//! A table (or list) in a panel that never cuts what it shows: columns take
//! the width of their content, the widest text column takes what is left,
//! long cells wrap so rows grow, and when the rows do not all fit the panel
//! says how many more there are and which key brings them into view.

use std::cell::{RefCell, RefMut};

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::wrap::{width_of, wrap_indented};

/// How a column behaves when the panel is narrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Ids, dates, scores, short words: always their full width.
    Keep,
    /// Keep, drawn against the right edge (amounts).
    Right,
    /// Titles and names: wrap onto more lines when space is short.
    Wrap,
}

/// A column's heading and how it fits.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    pub fit: Fit,
}

impl Column {
    pub const fn keep(header: &'static str) -> Self {
        Column {
            header,
            fit: Fit::Keep,
        }
    }
    pub const fn right(header: &'static str) -> Self {
        Column {
            header,
            fit: Fit::Right,
        }
    }
    pub const fn wrap(header: &'static str) -> Self {
        Column {
            header,
            fit: Fit::Wrap,
        }
    }
}

/// Columns are one cell apart.
const GAP: usize = 1;

pub struct FittedTable<'a> {
    columns: Vec<Column>,
    rows: Vec<Vec<Line<'a>>>,
    /// A list item's own indent for its wrapped lines, where it differs.
    row_indents: Vec<Option<usize>>,
    /// Lines after the first of a wrapped cell start this far in, per column.
    indents: Vec<usize>,
    block: Block<'a>,
    header_style: Style,
    selected_style: Style,
    hint_style: Style,
    selected: Option<usize>,
    offset: usize,
    /// The key that shows what is below, for "+3 more, ↓".
    more_key: String,
    empty: Option<Line<'a>>,
    /// Rows not given, before and after those that are ([`FittedTable::beyond`]).
    above: usize,
    below: usize,
    /// The rows as last wrapped ([`Fitted`]).
    fitted: RefCell<Fitted>,
}

/// A row's cells, each wrapped to its column's width.
type Cells = Vec<Vec<Line<'static>>>;

/// A table's rows wrapped at one width, each row the first time it is
/// asked for. A screen asks a table for its height, its least height and
/// the height it uses before drawing it, all at one width, and wrapping is
/// the dearest part of a frame: done once, it is a third of what it was.
struct Fitted {
    /// The width inside the border that these were wrapped at.
    inner: usize,
    widths: Vec<usize>,
    header: Option<Cells>,
    rows: Vec<Option<Cells>>,
}

impl Fitted {
    /// Nothing wrapped yet: no width is this wide.
    fn none() -> Fitted {
        Fitted {
            inner: usize::MAX,
            widths: Vec::new(),
            header: None,
            rows: Vec::new(),
        }
    }

    fn header_height(&self) -> usize {
        self.header.as_deref().map_or(0, tallest)
    }
}

/// How many rows on each side of the highlighted one a long list builds:
/// more than any terminal shows.
pub const REACH: usize = 200;

/// The rows of a list of `len` to build around the highlighted one.
pub fn window(len: usize, selected: usize) -> std::ops::Range<usize> {
    let selected = selected.min(len.saturating_sub(1));
    selected.saturating_sub(REACH)..(selected + REACH + 1).min(len)
}

impl<'a> FittedTable<'a> {
    /// A table with these columns inside `block`.
    pub fn new(columns: Vec<Column>, block: Block<'a>) -> Self {
        let indents = vec![0; columns.len()];
        FittedTable {
            columns,
            rows: Vec::new(),
            row_indents: Vec::new(),
            indents,
            block,
            header_style: Style::default(),
            selected_style: Style::default(),
            hint_style: Style::default(),
            selected: None,
            offset: 0,
            more_key: "↓".to_owned(),
            empty: None,
            above: 0,
            below: 0,
            fitted: RefCell::new(Fitted::none()),
        }
    }

    /// A list without headings: one column that wraps, later lines
    /// indented by `indent` (to sit under the text after a bullet).
    pub fn list(block: Block<'a>, indent: usize) -> Self {
        FittedTable::new(Vec::new(), block).into_list(indent)
    }

    /// This table made a list: one column without a heading.
    pub fn into_list(mut self, indent: usize) -> Self {
        self.columns = vec![Column::wrap("")];
        self.indents = vec![indent];
        *self.fitted.get_mut() = Fitted::none();
        self
    }

    /// A row's cells; in a list, the lines of one item.
    pub fn row(mut self, cells: Vec<Line<'a>>) -> Self {
        self.rows.push(cells);
        self.row_indents.push(None);
        *self.fitted.get_mut() = Fitted::none();
        self
    }

    /// A list item whose wrapped lines start `indent` cells in, unlike the rest.
    pub fn row_indented(mut self, cells: Vec<Line<'a>>, indent: usize) -> Self {
        self.rows.push(cells);
        self.row_indents.push(Some(indent));
        *self.fitted.get_mut() = Fitted::none();
        self
    }

    pub fn rows(mut self, rows: impl IntoIterator<Item = Vec<Line<'a>>>) -> Self {
        for row in rows {
            self = self.row(row);
        }
        self
    }

    pub fn styles(mut self, header: Style, selected: Style, hint: Style) -> Self {
        self.header_style = header;
        self.selected_style = selected;
        self.hint_style = hint;
        self
    }

    /// The highlighted row, kept in view.
    pub fn selected(mut self, row: Option<usize>) -> Self {
        self.selected = row;
        self
    }

    /// How many rows the reader has scrolled past, and the key that scrolls.
    pub fn scrolled(mut self, offset: usize, key: &str) -> Self {
        self.offset = offset;
        self.more_key = key.to_owned();
        self
    }

    /// Rows left out, `above` and `below` those given, still counted in the
    /// panel's hints: a screen with thousands of rows builds only those
    /// near the highlighted one ([`window`]), so a frame costs the same
    /// however long the list. `selected` is then counted among those given.
    pub fn beyond(mut self, above: usize, below: usize) -> Self {
        self.above = above;
        self.below = below;
        self
    }

    /// What the panel says when there are no rows.
    pub fn empty(mut self, line: Line<'a>) -> Self {
        self.empty = Some(line);
        self
    }

    fn has_header(&self) -> bool {
        self.columns.iter().any(|c| !c.header.is_empty())
    }

    /// Each column's width inside `width` cells.
    fn widths(&self, width: usize) -> Vec<usize> {
        let n = self.columns.len();
        let natural: Vec<usize> = (0..n)
            .map(|i| {
                let header = if self.has_header() {
                    self.columns[i].header.chars().count()
                } else {
                    0
                };
                self.rows
                    .iter()
                    .flat_map(|r| {
                        if n == 1 {
                            &r[..]
                        } else {
                            r.get(i..=i).unwrap_or(&[])
                        }
                    })
                    .map(width_of)
                    .max()
                    .unwrap_or(0)
                    .max(header)
                    .max(1)
            })
            .collect();
        let room = width.saturating_sub(GAP * n.saturating_sub(1));
        let wraps = |i: usize| self.columns[i].fit == Fit::Wrap;
        let kept: usize = (0..n).filter(|&i| !wraps(i)).map(|i| natural[i]).sum();
        let wanted: usize = natural.iter().sum();
        let mut widths = natural.clone();
        if wanted <= room {
            // Everything fits: the first wrapping column (the title) takes the rest.
            let spare = room - wanted;
            let to = (0..n).find(|&i| wraps(i)).unwrap_or(n - 1);
            widths[to] += spare;
            return widths;
        }
        // Keep ids and dates whole unless the wrapping columns would be left
        // with less than a short word each; then everything shares the room.
        let wrapping: Vec<usize> = (0..n).filter(|&i| wraps(i)).collect();
        let min_share = 8 * wrapping.len();
        let (sharing, left): (Vec<usize>, usize) =
            if !wrapping.is_empty() && kept + min_share <= room {
                (wrapping, room - kept)
            } else {
                ((0..n).collect(), room)
            };
        // Narrow columns get their natural width; the wide ones split what is left.
        let mut order = sharing.clone();
        order.sort_by_key(|&i| natural[i]);
        let mut left = left;
        let mut count = order.len();
        for &i in &order {
            let share = (left / count.max(1)).max(1);
            widths[i] = natural[i].min(share);
            left = left.saturating_sub(widths[i]);
            count -= 1;
        }
        if let Some(&widest) = order.last() {
            widths[widest] += left;
        }
        // The title (the first wrapping column) should not be squeezed to a
        // sliver by short columns: they wrap between their words first.
        let shared: usize = sharing.iter().map(|&i| widths[i]).sum();
        if let Some(&title) = sharing.iter().find(|&&i| wraps(i)) {
            let target = natural[title].min(shared / 2);
            for &i in order.iter().rev() {
                if widths[title] >= target {
                    break;
                }
                if i == title || !wraps(i) {
                    continue;
                }
                let floor = self.longest_word(i);
                let give = widths[i].saturating_sub(floor).min(target - widths[title]);
                widths[i] -= give;
                widths[title] += give;
            }
        }
        widths
    }

    /// The widest single word in a column, its heading included: the
    /// narrowest it can wrap to without breaking a word.
    fn longest_word(&self, column: usize) -> usize {
        let words = |text: &str| {
            text.split_whitespace()
                .map(|w| width_of(&Line::raw(w.to_owned())))
                .max()
                .unwrap_or(0)
        };
        self.rows
            .iter()
            .filter_map(|r| r.get(column))
            .map(|l| words(&l.to_string()))
            .max()
            .unwrap_or(0)
            .max(words(self.columns[column].header))
            .max(1)
    }

    /// Each row's cells wrapped to their column. In a list, every line of
    /// a row goes in the one column, so an item can take several lines.
    fn wrapped(
        &self,
        cells: &[Line<'a>],
        widths: &[usize],
        indent: Option<usize>,
    ) -> Vec<Vec<Line<'static>>> {
        if self.columns.len() == 1 {
            let indent = indent.unwrap_or(self.indents[0]);
            return vec![
                cells
                    .iter()
                    .flat_map(|c| wrap_indented(c, widths[0], indent))
                    .collect(),
            ];
        }
        widths
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                cells
                    .get(i)
                    .map_or_else(Vec::new, |c| wrap_indented(c, w, self.indents[i]))
            })
            .collect()
    }

    fn header_cells(&self) -> Vec<Line<'static>> {
        self.columns
            .iter()
            .map(|c| Line::raw(c.header.to_owned()))
            .collect()
    }

    /// The rows as wrapped `inner` cells wide, wrapped again only when
    /// the width differs from the last one asked for.
    fn fitted(&self, inner: usize) -> RefMut<'_, Fitted> {
        let mut fitted = self.fitted.borrow_mut();
        if fitted.inner != inner {
            *fitted = self.fit(inner);
        }
        fitted
    }

    fn fit(&self, inner: usize) -> Fitted {
        let widths = self.widths(inner);
        let header = self
            .has_header()
            .then(|| self.wrapped(&self.header_cells(), &widths, None));
        Fitted {
            inner,
            widths,
            header,
            rows: vec![None; self.rows.len()],
        }
    }

    /// Row `n`'s cells, wrapped the first time they are asked for.
    fn cells<'f>(&self, fitted: &'f mut Fitted, n: usize) -> &'f Cells {
        let Fitted { widths, rows, .. } = fitted;
        rows[n].get_or_insert_with(|| self.wrapped(&self.rows[n], widths, self.row_indents[n]))
    }

    fn row_height(&self, fitted: &mut Fitted, n: usize) -> usize {
        tallest(self.cells(fitted, n))
    }

    /// The height that shows every row at `width` (border included), so a
    /// screen can give a panel what it needs and no more.
    pub fn height(&self, width: u16) -> u16 {
        let mut fitted = self.fitted(usize::from(width.saturating_sub(2)));
        let rows: usize = if self.rows.is_empty() {
            1
        } else {
            (0..self.rows.len())
                .map(|n| self.row_height(&mut fitted, n))
                .sum()
        };
        u16::try_from(fitted.header_height() + rows + 2).unwrap_or(u16::MAX)
    }

    /// The height the panel draws on when given `height`: its whole rows
    /// from where it is scrolled to, never more than `height`.
    pub fn used_height(&self, width: u16, height: u16) -> u16 {
        let room = usize::from(height.saturating_sub(2));
        if self.rows.is_empty() || room == 0 {
            return height.min(self.height(width));
        }
        let mut fitted = self.fitted(usize::from(width.saturating_sub(2)));
        let header = fitted.header_height();
        let room = room.saturating_sub(header);
        let count = self.rows.len();
        let start = first_row(
            count,
            &mut |n| self.row_height(&mut fitted, n),
            room,
            self.offset,
            self.selected,
        );
        let mut used = 0;
        for n in start..count {
            let h = self.row_height(&mut fitted, n);
            if used + h > room && n > start {
                break;
            }
            used += h;
        }
        u16::try_from(used.min(room) + header + 2)
            .unwrap_or(height)
            .min(height)
    }

    /// The height that shows the headings and the highlighted row whole
    /// (the first, when none is): measured on that row alone.
    pub fn selected_height(&self, width: u16) -> u16 {
        let mut fitted = self.fitted(usize::from(width.saturating_sub(2)));
        let n = self.selected.unwrap_or(0);
        let row = if n < self.rows.len() {
            self.row_height(&mut fitted, n)
        } else {
            1
        };
        u16::try_from(fitted.header_height() + row + 2).unwrap_or(u16::MAX)
    }

    /// The height that shows the headings and the tallest row whole: the
    /// least a panel can be given without cutting a row.
    pub fn least_height(&self, width: u16) -> u16 {
        let mut fitted = self.fitted(usize::from(width.saturating_sub(2)));
        let row = (0..self.rows.len())
            .map(|n| self.row_height(&mut fitted, n))
            .max()
            .unwrap_or(1);
        u16::try_from(fitted.header_height() + row + 2).unwrap_or(u16::MAX)
    }
}

fn tallest(cells: &[Vec<Line>]) -> usize {
    cells.iter().map(Vec::len).max().unwrap_or(0).max(1)
}

/// The first row to draw: the scroll offset, moved so the highlighted row
/// is in view, and never so far that the panel shows empty space at the
/// end. Only the rows near the end and near the highlighted one are
/// measured: a panel's worth, however many rows there are.
fn first_row(
    rows: usize,
    height: &mut impl FnMut(usize) -> usize,
    room: usize,
    offset: usize,
    selected: Option<usize>,
) -> usize {
    // The first of the rows that fit at the end, counted back from the end.
    let mut last_start = rows;
    let mut tail = 0;
    while last_start > 0 && tail + height(last_start - 1) <= room {
        last_start -= 1;
        tail += height(last_start);
    }
    let last_start = last_start.min(rows.saturating_sub(1));
    let mut start = offset.min(last_start);
    if let Some(sel) = selected.filter(|&s| s < rows) {
        if sel < start {
            start = sel;
        }
        // As far back from the highlighted row as fits, but not before `start`.
        let mut from = sel;
        let mut span = height(sel);
        while from > start && span + height(from - 1) <= room {
            from -= 1;
            span += height(from);
        }
        start = from;
    }
    start
}

impl Widget for FittedTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner = self.block.inner(area);
        if inner.width == 0 || inner.height == 0 {
            self.block.render(area, buf);
            return;
        }
        let width = usize::from(inner.width);
        if self.rows.is_empty() {
            self.block.render(area, buf);
            if let Some(empty) = &self.empty {
                for (n, line) in wrap_indented(empty, width, 0)
                    .iter()
                    .take(usize::from(inner.height))
                    .enumerate()
                {
                    buf.set_line(inner.x, inner.y + n as u16, line, inner.width);
                }
            }
            return;
        }
        let mut fitted = self.fitted(width);
        let header_height = fitted.header_height();
        let count = self.rows.len();
        let room = usize::from(inner.height).saturating_sub(header_height);
        let start = first_row(
            count,
            &mut |n| self.row_height(&mut fitted, n),
            room,
            self.offset,
            self.selected,
        );
        // Whole rows only, so nothing is half shown; a row taller than the
        // panel is still drawn as far as it goes.
        let mut end = start;
        let mut used = 0;
        while end < count && (used + self.row_height(&mut fitted, end) <= room || end == start) {
            used += self.row_height(&mut fitted, end);
            end += 1;
        }
        // A row taller than the whole panel is cut: it counts as more.
        let cut = used > room;
        let below = count - end + usize::from(cut) + self.below;
        let start_shown = start + self.above;
        drop(fitted);
        let fitted = self.fitted.into_inner();
        let widths = &fitted.widths;
        let selected = self.selected;
        let selected_style = self.selected_style;
        let mut block = self.block;
        if start_shown > 0 || below > 0 {
            let mut hint = String::from(" ");
            if start_shown > 0 {
                hint.push_str(&format!("{start_shown} above · "));
            }
            if below > 0 && self.more_key.is_empty() {
                // A screen that takes no keys (the projector) names none.
                hint.push_str(&format!("+{below} more "));
            } else if below > 0 {
                hint.push_str(&format!("+{below} more, {} ", self.more_key));
            } else {
                hint.push_str("end ");
            }
            block =
                block.title_bottom(Line::styled(hint, self.hint_style).alignment(Alignment::Right));
        }
        block.render(area, buf);
        let mut y = inner.y;
        let bottom = inner.y + inner.height;
        let draw = |cells: &[Vec<Line>], style: Option<Style>, y: &mut u16, buf: &mut Buffer| {
            let height = tallest(cells);
            let mut x = inner.x;
            for (i, lines) in cells.iter().enumerate() {
                let w = widths[i];
                for (n, line) in lines.iter().enumerate() {
                    let row_y = *y + n as u16;
                    if row_y >= bottom {
                        break;
                    }
                    let pad = if self.columns[i].fit == Fit::Right {
                        w.saturating_sub(width_of(line))
                    } else {
                        0
                    };
                    buf.set_line(x + pad as u16, row_y, line, w as u16);
                }
                x += (w + GAP) as u16;
            }
            if let Some(style) = style {
                let h = (height as u16).min(bottom.saturating_sub(*y));
                buf.set_style(Rect::new(inner.x, *y, inner.width, h), style);
            }
            *y += height as u16;
        };
        if let Some(header) = &fitted.header {
            draw(header, Some(self.header_style), &mut y, buf);
        }
        for (n, cells) in fitted.rows.iter().enumerate().take(end).skip(start) {
            let style = (selected == Some(n)).then_some(selected_style);
            draw(cells.as_deref().unwrap_or_default(), style, &mut y, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::widgets::Borders;

    fn screen(table: FittedTable, width: u16, height: u16) -> Vec<String> {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        table.render(area, &mut buf);
        (0..height)
            .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    fn issues() -> FittedTable<'static> {
        FittedTable::new(
            vec![
                Column::keep("Id"),
                Column::wrap("Issue"),
                Column::keep("Due"),
            ],
            Block::default().borders(Borders::ALL),
        )
        .row(vec![
            Line::raw("I-1"),
            Line::raw("Scanner vendor's test feed is down most mornings"),
            Line::raw("2026-11-27"),
        ])
        .row(vec![
            Line::raw("I-2"),
            Line::raw("Depot codes differ"),
            Line::raw("2026-12-04"),
        ])
    }

    #[test]
    fn ids_and_dates_stay_whole_and_the_title_wraps() {
        let lines = screen(issues(), 30, 9);
        let text = lines.join("\n");
        assert!(
            text.contains("2026-11-27") && text.contains("2026-12-04"),
            "{text}"
        );
        for word in ["Scanner", "vendor's", "test", "feed", "mornings", "Depot"] {
            assert!(text.contains(word), "{word} in\n{text}");
        }
        assert_eq!(issues().height(30), 2 + 1 + 4 + 2, "{text}");
        assert!(!text.contains("more"), "{text}");
    }

    #[test]
    fn rows_that_do_not_fit_are_counted_and_scroll_into_view() {
        let text = screen(issues(), 30, 7).join("\n");
        assert!(text.contains("+1 more, ↓"), "{text}");
        assert!(!text.contains("I-2"), "{text}");
        let text = screen(issues().scrolled(1, "]"), 30, 7).join("\n");
        assert!(text.contains("I-2") && text.contains("1 above"), "{text}");
    }

    /// A list of `n` one-line rows, built only in the window around `selected`.
    fn long_list(n: usize, selected: usize) -> FittedTable<'static> {
        let near = window(n, selected);
        FittedTable::list(Block::default().borders(Borders::ALL), 0)
            .rows(near.clone().map(|i| vec![Line::raw(format!("row {i}"))]))
            .selected(Some(selected - near.start))
            .beyond(near.start, n - near.end)
    }

    #[test]
    fn a_long_list_built_near_its_highlight_draws_and_counts_as_the_whole() {
        // 100,000 rows, highlighted in the middle: drawn around it, with
        // the rows before and after counted as if all were given.
        let text = screen(long_list(100_000, 50_000), 50, 7).join("\n");
        assert!(text.contains("row 50000"), "{text}");
        let above: usize = text
            .split(" above")
            .next()
            .and_then(|t| t.rsplit(' ').next())
            .and_then(|n| n.parse().ok())
            .expect("an above count");
        let shown = text.matches("row ").count();
        let more: usize = text
            .split("+")
            .nth(1)
            .and_then(|t| t.split(' ').next())
            .and_then(|n| n.parse().ok())
            .expect("a more count");
        assert_eq!(above + shown + more, 100_000, "{text}");
        // At either end, the window stops there.
        assert!(
            screen(long_list(100_000, 0), 50, 7)
                .join("\n")
                .contains("row 0")
        );
        let last = screen(long_list(100_000, 99_999), 50, 7).join("\n");
        assert!(last.contains("row 99999") && last.contains("end"), "{last}");
        assert_eq!(window(0, 0), 0..0);
        assert_eq!(window(10, 3), 0..10);
        assert_eq!(window(1_000, 600), 400..801);
    }

    #[test]
    fn the_first_row_is_found_from_the_end_and_the_highlight_alone() {
        let heights = [1, 3, 1, 1, 2, 1];
        let mut height = |n: usize| heights[n];
        // Room for 4 lines: the last rows that fit are 4 and 5 (2 + 1)... and 3.
        assert_eq!(first_row(6, &mut height, 4, 99, None), 3);
        // The highlight pulls the start back to it, and forward to fit it.
        assert_eq!(first_row(6, &mut height, 4, 3, Some(1)), 1);
        assert_eq!(first_row(6, &mut height, 4, 0, Some(4)), 2);
        assert_eq!(first_row(0, &mut height, 4, 0, None), 0);
    }

    #[test]
    fn a_row_taller_than_the_panel_is_not_passed_off_as_all_there_is() {
        let text = screen(issues(), 14, 6).join("\n");
        assert!(text.contains("more"), "{text}");
    }

    #[test]
    fn the_highlighted_row_is_always_in_view() {
        let text = screen(issues().selected(Some(1)), 30, 6).join("\n");
        assert!(text.contains("I-2"), "{text}");
    }

    #[test]
    fn when_everything_fits_the_title_column_takes_the_spare_width() {
        let widths = issues().widths(100);
        assert_eq!(widths[0], 3);
        assert_eq!(widths[2], 10);
        assert_eq!(widths.iter().sum::<usize>() + 2, 100);
    }

    #[test]
    fn a_table_measured_at_other_widths_draws_as_a_fresh_one() {
        // Measured at the width it is drawn at, at another, and before a row
        // is added: what it draws and says it needs is what a fresh table does.
        let measured = issues();
        assert_eq!(measured.height(14), issues().height(14));
        assert_eq!(measured.least_height(40), issues().least_height(40));
        assert_eq!(screen(measured, 30, 7), screen(issues(), 30, 7));
        let grown = issues().row(vec![Line::raw("I-3"), Line::raw("Late"), Line::raw("")]);
        let measured = issues();
        measured.height(30);
        let measured = measured.row(vec![Line::raw("I-3"), Line::raw("Late"), Line::raw("")]);
        assert_eq!(measured.height(30), grown.height(30));
        assert_eq!(screen(measured, 30, 12), screen(grown, 30, 12));
    }
}
