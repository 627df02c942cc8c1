//! A calendar widget: a month set out as a grid of day numbers (a
//! booking calendar, a blog's archive calendar), seven columns of 1 to 28
//! or more under the weekdays' short names. It says nothing as text (a
//! reader gets "Mo Di Mi Do Fr Sa So 01 02 03 …" a dozen times over); a
//! table of a schedule or of results, whose cells hold more than the
//! running day numbers, is no such grid.

use super::*;

/// Fewest rows of day numbers in a month's grid.
const WEEKS_MIN: usize = 4;

/// Fewest days in a month's grid (the last day of February).
const DAYS_MIN: u32 = 28;

/// Longest text of a cell in a row of weekday names, a title row or a
/// row of links to the months before and after ("« Jan", "Feb »").
const LABEL_CELL_MAX: usize = 14;

/// Rule on a table that is a month's grid: its rows are day numbers in
/// seven columns, running 1, 2, 3 … to at least [`DAYS_MIN`] over at
/// least [`WEEKS_MIN`] rows, with empty cells before the first and after
/// the last; any other row is short labels (the month's name, the
/// weekdays, the links to the months around it).
pub(super) fn calendar(dom: &Dom, table: NodeId) -> Option<Verdict> {
    let mut weeks = 0;
    let mut next_day = 1;
    for row in dom.descendants(table).filter(|&r| dom.tag(r) == "tr") {
        // A table nested in a cell is not this table's.
        if dom.ancestors(row).find(|&a| dom.tag(a) == "table") != Some(table) {
            continue;
        }
        let cells: Vec<String> = dom
            .element_children(row)
            .filter(|&c| matches!(dom.tag(c), "td" | "th"))
            .map(|c| inner_text(dom, c).trim().to_string())
            .collect();
        if is_week(&cells) {
            // Its cells are days or empty: the days must run on.
            for day in cells.iter().filter_map(|c| day_number(c)) {
                if day != next_day {
                    return None;
                }
                next_day += 1;
            }
            weeks += 1;
        } else if !cells.iter().all(|c| c.chars().count() <= LABEL_CELL_MAX) {
            return None;
        }
    }
    (weeks >= WEEKS_MIN && next_day > DAYS_MIN)
        .then(|| Verdict::new(ClutterKind::Sidebar, &["calendar"]))
}

/// Whether `cells` is a week of a month's grid: seven cells, each a day's
/// number or empty, and at least one a number.
fn is_week(cells: &[String]) -> bool {
    cells.len() == 7
        && cells
            .iter()
            .all(|c| c.is_empty() || day_number(c).is_some())
        && cells.iter().any(|c| !c.is_empty())
}

/// The day of the month that `cell` is ("7", "07"), if it is one.
fn day_number(cell: &str) -> Option<u32> {
    if cell.is_empty() || cell.len() > 2 || !cell.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    cell.parse().ok().filter(|d| (1..=31).contains(d))
}
