package net.linuxha.cli.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * A left-aligned text table as clstat prints it: each column as wide as its widest cell, two spaces between
 * columns, no trailing spaces, so {@code clstat | egrep "App|apache"} shows the header and the row (17.2).
 */
public final class TextTable {

    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        rows.add(List.of(header));
    }

    public TextTable row(String... cells) {
        if (cells.length != rows.get(0).size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of "
                    + rows.get(0).size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    public List<String> lines() {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                line.append(row.get(c));
                if (c < columns - 1) {
                    line.append(" ".repeat(width[c] - row.get(c).length()));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
