package dev.strix.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table: a header, rows and an optional totals row under a rule, columns two spaces apart. Columns
 * whose header is added with {@link #right} are right-aligned, as numbers read best.
 */
public final class Table {
    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private String[] totals;

    /** Adds a left-aligned column. */
    public Table left(String header) {
        headers.add(header);
        rightAligned.add(false);
        return this;
    }

    /** Adds a right-aligned column. */
    public Table right(String header) {
        headers.add(header);
        rightAligned.add(true);
        return this;
    }

    /** Adds a row of one cell per column. */
    public Table row(Object... cells) {
        rows.add(cells(cells));
        return this;
    }

    /** Sets the totals row, printed last under a rule. */
    public Table totals(Object... cells) {
        totals = cells(cells);
        return this;
    }

    public void print(PrintWriter out) {
        int[] width = new int[headers.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = headers.get(c).length();
        }
        List<String[]> all = new ArrayList<>(rows);
        if (totals != null) {
            all.add(totals);
        }
        for (String[] r : all) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        line(out, headers.toArray(String[]::new), width);
        for (String[] r : rows) {
            line(out, r, width);
        }
        if (totals != null) {
            int total = Arrays.stream(width).sum() + 2 * (width.length - 1);
            out.println("-".repeat(total));
            line(out, totals, width);
        }
        out.flush();
    }

    private void line(PrintWriter out, String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                b.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            b.append(rightAligned.get(c) ? pad + cells[c] : cells[c] + pad);
        }
        out.println(b.toString().stripTrailing());
    }

    private String[] cells(Object[] cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row needs " + headers.size() + " cells, got " + cells.length);
        }
        return Arrays.stream(cells).map(c -> c == null ? "" : c.toString()).toArray(String[]::new);
    }
}
