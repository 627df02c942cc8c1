//! A calendar widget inside a story's page, on a page of our own prose: a
//! month set out as a grid of day numbers under the weekdays' names (a
//! booking calendar, a blog's archive calendar) goes; tables whose cells
//! say more than the running day numbers stay: a week's timetable, a
//! league table, a diary of dates with what happened on each.

mod common;

const STORY: [&str; 4] = [
    "The holiday flats above the old boatyard in Marlow Quay open to guests again this spring, after the owners spent the winter replacing the rotten balconies.",
    "Each of the four flats sleeps two, and the largest looks straight down the estuary towards the lighthouse, which the harbour trust lights again on summer weekends.",
    "Bookings open in March, and the owners say the first fortnight of August is already half full with families who stayed in the flats before the repairs.",
    "Dogs are welcome in the two ground-floor flats, which have their own gate onto the towpath and a tap for rinsing sandy paws after a walk on the beach.",
];

const PAGE: common::Story = common::Story {
    paragraphs: &STORY,
    at: 2,
    site: "Marlow Quay Flats",
    title: "The flats reopen",
    heading: "The boatyard flats reopen this spring",
    url: "https://flats.example/news/reopening",
};

/// A month's grid: its title row, the weekdays, then the days from
/// `first` (0 = Monday) to `days`, `pad` as an empty cell.
fn month(title: &str, weekdays: [&str; 7], first: usize, days: u32, pad: &str) -> String {
    let mut cells: Vec<String> = vec![pad.to_string(); first];
    cells.extend((1..=days).map(|d| format!("{d:02}")));
    while cells.len() % 7 != 0 {
        cells.push(pad.to_string());
    }
    let head: String = weekdays.iter().map(|d| format!("<th>{d}</th>")).collect();
    let weeks: String = cells
        .chunks(7)
        .map(|w| {
            let row: String = w.iter().map(|c| format!("<td>{c}</td>")).collect();
            format!("<tr>{row}</tr>")
        })
        .collect();
    format!("<table><tr><th colspan=7>{title}</th></tr><tr>{head}</tr>{weeks}</table>")
}

#[test]
fn a_month_set_out_as_a_grid_of_days_goes() {
    let de = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];
    let en = ["M", "T", "W", "T", "F", "S", "S"];
    for grid in [
        month("Oktober 2026", de, 3, 31, "&nbsp;"),
        month("February 2027", en, 0, 28, ""),
        format!(
            "<div>{}{}</div>",
            month("Mai 2026", de, 4, 31, " "),
            month("Juni 2026", de, 0, 30, " ")
        ),
        // A blog's archive calendar, with links to the days and months.
        month("April 2026", en, 2, 30, "").replace(
            "</table>",
            "<tr><td colspan=3><a href=/2026/03>« Mar</a></td><td></td><td colspan=3></td></tr></table>",
        ),
    ] {
        let text = PAGE.text_with(&grid);
        assert!(!text.contains("21"), "{grid} kept: {text}");
        assert!(!text.contains("Mo Di"), "{grid} kept: {text}");
    }
}

#[test]
fn tables_that_say_more_than_the_days_stay() {
    let timetable = "<table><tr><th>Mo</th><th>Tu</th><th>We</th><th>Th</th><th>Fr</th><th>Sa</th><th>Su</th></tr>\
        <tr><td>Yoga</td><td>Rowing</td><td>Yoga</td><td>Rowing</td><td>Market</td><td>Regatta</td><td>Closed</td></tr>\
        <tr><td>9</td><td>10</td><td>9</td><td>10</td><td>8</td><td>11</td><td></td></tr></table>";
    let league = "<table><tr><th>Club</th><th>P</th><th>W</th><th>D</th><th>L</th><th>F</th><th>Pts</th></tr>\
        <tr><td>Marlow</td><td>12</td><td>8</td><td>2</td><td>2</td><td>25</td><td>26</td></tr>\
        <tr><td>Hythe</td><td>12</td><td>7</td><td>3</td><td>2</td><td>21</td><td>24</td></tr>\
        <tr><td>Rye</td><td>12</td><td>5</td><td>3</td><td>4</td><td>17</td><td>18</td></tr>\
        <tr><td>Deal</td><td>12</td><td>2</td><td>1</td><td>9</td><td>9</td><td>7</td></tr></table>";
    let numbers: String = (0..5)
        .map(|r| {
            let row: String = (1..=7).map(|c| format!("<td>{}</td>", r * 3 + c)).collect();
            format!("<tr>{row}</tr>")
        })
        .collect();
    let overlapping = format!("<table>{numbers}</table>");
    let diary: String = (1..=30)
        .map(|d| format!("<tr><td>{d}</td><td>Balcony {d} sanded and oiled</td></tr>"))
        .collect();
    for (table, kept) in [
        (timetable.to_string(), "Regatta"),
        (league.to_string(), "Hythe"),
        (overlapping, "19"),
        (format!("<table>{diary}</table>"), "Balcony 21 sanded"),
    ] {
        let text = PAGE.text_with(&table);
        assert!(text.contains(kept), "{table} lost: {text}");
    }
}
