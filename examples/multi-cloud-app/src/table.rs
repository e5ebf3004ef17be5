//! Plain text tables, for `list` and `status`: no borders, columns two spaces apart, indented
//! by two, no trailing spaces, and never wrapped, so that they read the same in a terminal, a
//! pipe and a test.

use comfy_table::{presets, Table};

/// An empty table with this header; add rows, then [`render`] it.
#[must_use]
pub fn plain<const N: usize>(header: [&str; N]) -> Table {
    let mut table = Table::new();
    table.load_preset(presets::NOTHING).set_header(header);
    for (index, column) in table.column_iter_mut().enumerate() {
        column.set_padding((if index == 0 { 2 } else { 0 }, 2));
    }
    table
}

/// The table's lines, each ending in a newline.
#[must_use]
pub fn render(table: &Table) -> String {
    table
        .lines()
        .map(|line| line.trim_end().to_owned() + "\n")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_aligned_two_spaces_apart_and_indented_by_two() {
        let mut table = plain(["NAME", "KIND", "DESCRIPTION"]);
        table.add_row(["a-long-name", "x", "last column, not padded"]);
        table.add_row(["b", "longer kind", "short"]);
        assert_eq!(
            render(&table),
            "  NAME         KIND         DESCRIPTION\n\
             \x20 a-long-name  x            last column, not padded\n\
             \x20 b            longer kind  short\n"
        );
    }
}
