//! Excel workbooks (xlsx) for the spreadsheets a PM hands the actions and
//! the history to: one sheet a table, typed cells (text is always text, a
//! date is a date), the header row frozen with filters on it, and columns
//! wide enough to read.

pub mod actions;
pub mod history;

use jiff::civil::{Date, DateTime};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet};
use unicode_width::UnicodeWidthStr;

use crate::text::visible_lines;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Typed or plan text: a text cell whatever it holds, never a formula.
    Text(String),
    Date(Date),
    /// A moment, in the PM's own time zone.
    Moment(DateTime),
    /// A figure shown with one decimal (a mean score).
    Decimal(f64),
    Count(u64),
    Empty,
}

/// A table to write as one sheet.
pub struct Table<'a> {
    /// The sheet's tab: at most 31 characters, none of `[ ] : * ? / \`.
    pub sheet: &'a str,
    /// The workbook's title in its properties ("Open actions: Harbor WMS").
    pub title: String,
    pub headers: &'a [&'a str],
    pub rows: Vec<Vec<Cell>>,
}

/// The workbook could not be put together (never for anything typed: it
/// is made safe first).
#[derive(Debug, thiserror::Error)]
#[error("the workbook could not be written: {0}")]
pub struct WorkbookError(#[from] rust_xlsxwriter::XlsxError);

/// The longest text a cell holds in Excel, in characters.
const LONGEST_TEXT: usize = 32_767;
/// Column widths, in characters: never narrower than a date, never so wide
/// that one long title pushes everything else off the screen.
const NARROWEST: usize = 8;
const WIDEST: usize = 60;
/// Room for the filter button in a header cell.
const FILTER_BUTTON: usize = 3;

/// The height of one line of text in a row, in points (11-point type).
const LINE_POINTS: f64 = 15.0;
const DATE_FORMAT: &str = "yyyy-mm-dd";
const MOMENT_FORMAT: &str = "yyyy-mm-dd hh:mm";

/// The table as the bytes of an xlsx file.
pub fn workbook(table: &Table) -> Result<Vec<u8>, WorkbookError> {
    let mut book = Workbook::new();
    let properties = rust_xlsxwriter::DocProperties::new()
        .set_title(visible_lines(&table.title))
        .set_author("resetpoint");
    book.set_properties(&properties);
    let sheet = book.add_worksheet();
    sheet.set_name(table.sheet)?;
    write_table(sheet, table)?;
    Ok(book.save_to_buffer()?)
}

fn write_table(sheet: &mut Worksheet, table: &Table) -> Result<(), WorkbookError> {
    let top = Format::new().set_align(FormatAlign::Top);
    let header = top.clone().set_bold().set_border_bottom(FormatBorder::Thin);
    let text = top.clone().set_text_wrap();
    let date = top.clone().set_num_format(DATE_FORMAT);
    let moment = top.clone().set_num_format(MOMENT_FORMAT);
    let decimal = top.clone().set_num_format("0.0");
    let count = top.set_num_format("0");

    let mut widths: Vec<usize> = table
        .headers
        .iter()
        .map(|h| h.width() + FILTER_BUTTON)
        .collect();
    for (col, name) in (0u16..).zip(table.headers) {
        sheet.write_string_with_format(0, col, *name, &header)?;
    }
    for (row, cells) in (1u32..).zip(&table.rows) {
        for ((col, cell), width) in (0u16..).zip(cells).zip(widths.iter_mut()) {
            let shown = match cell {
                Cell::Text(value) => {
                    let value = cell_text(value);
                    sheet.write_string_with_format(row, col, &value, &text)?;
                    value.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
                }
                Cell::Date(day) => match excel_date(*day) {
                    Some(day) => {
                        sheet.write_datetime_with_format(row, col, &day, &date)?;
                        DATE_FORMAT.len()
                    }
                    // A date Excel cannot hold (before 1900) is shown as written.
                    None => write_text(sheet, row, col, &day.to_string(), &text)?,
                },
                Cell::Moment(at) => match excel_moment(*at) {
                    Some(at) => {
                        sheet.write_datetime_with_format(row, col, &at, &moment)?;
                        MOMENT_FORMAT.len()
                    }
                    None => write_text(sheet, row, col, &at.to_string(), &text)?,
                },
                Cell::Decimal(value) => {
                    sheet.write_number_with_format(row, col, *value, &decimal)?;
                    format!("{value:.1}").len()
                }
                Cell::Count(value) => {
                    // Counts are small; f64 holds every one exactly below 2^53.
                    sheet.write_number_with_format(row, col, *value as f64, &count)?;
                    value.to_string().len()
                }
                Cell::Empty => 0,
            };
            *width = (*width).max(shown);
        }
    }
    for width in &mut widths {
        *width = (*width + 1).clamp(NARROWEST, WIDEST);
    }
    for (col, width) in (0u16..).zip(&widths) {
        sheet.set_column_width(col, *width as f64)?;
    }
    // A row as tall as its most wrapped cell: a spreadsheet that does not
    // measure it (LibreOffice) would keep one line and print a long title
    // over the next row.
    for (row, cells) in (1u32..).zip(&table.rows) {
        let lines = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| match cell {
                Cell::Text(value) => wrapped_lines(&cell_text(value), *width),
                _ => 1,
            })
            .max()
            .unwrap_or(1);
        if lines > 1 {
            sheet.set_row_height(row, LINE_POINTS * lines as f64)?;
        }
    }
    // Printed landscape, one page wide however long, the header on each page.
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    let last_col = u16::try_from(table.headers.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
    // The header stays in view while scrolling, and carries the filters.
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    Ok(())
}

/// How many lines `text` takes in a column `width` characters wide.
fn wrapped_lines(text: &str, width: usize) -> usize {
    let room = width.saturating_sub(1).max(1);
    text.lines()
        .map(|line| line.width().div_ceil(room).max(1))
        .sum::<usize>()
        .max(1)
}

fn write_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    format: &Format,
) -> Result<usize, WorkbookError> {
    sheet.write_string_with_format(row, col, value, format)?;
    Ok(value.width())
}

/// Text as a cell should hold it: control characters and bidi overrides
/// as visible escapes (as in every other export), cut to the longest text
/// a cell can hold, with `…` to say so. (A typed `_x0041_`, which Excel
/// would read as its escape for `A`, is escaped by rust_xlsxwriter.)
pub fn cell_text(text: &str) -> String {
    let text = visible_lines(text);
    if text.chars().count() <= LONGEST_TEXT {
        return text;
    }
    let mut cut: String = text.chars().take(LONGEST_TEXT - 1).collect();
    cut.push('…');
    cut
}

/// The date as Excel holds it, when it can (1900 to 9999).
fn excel_date(day: Date) -> Option<ExcelDateTime> {
    let year = u16::try_from(day.year()).ok().filter(|y| *y >= 1900)?;
    let month = u8::try_from(day.month()).ok()?;
    let d = u8::try_from(day.day()).ok()?;
    ExcelDateTime::from_ymd(year, month, d).ok()
}

fn excel_moment(at: DateTime) -> Option<ExcelDateTime> {
    let hour = u16::try_from(at.hour()).ok()?;
    let minute = u8::try_from(at.minute()).ok()?;
    let second = u8::try_from(at.second()).ok()?;
    excel_date(at.date())?.and_hms(hour, minute, second).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_too_long_for_a_cell_is_cut_and_says_so() {
        let text = cell_text(&"a".repeat(40_000));
        assert_eq!(text.chars().count(), LONGEST_TEXT);
        assert!(text.ends_with('…'));
    }

    #[test]
    fn dates_excel_cannot_hold_are_none() {
        assert!(excel_date(jiff::civil::date(1899, 12, 31)).is_none());
        assert!(excel_date(jiff::civil::date(-5, 1, 1)).is_none());
        assert!(excel_date(jiff::civil::date(2026, 12, 1)).is_some());
    }
}
