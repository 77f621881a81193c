package org.overturn.dashboard;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One sheet of an Excel export: its name, typed columns, and where its rows come from. Rows are pushed one at a
 * time, so a sheet can stream from the database without holding its rows in memory.
 */
public record ExcelSheet<T>(String name, List<Column<T>> columns, RowSource<T> rows) {

    /** How a column's cells are typed and formatted: numbers and dates stay numbers and dates in Excel. */
    public enum Kind { TEXT, INTEGER, MONEY, PERCENT, DECIMAL, DATE, DATE_TIME }

    /** A column: its header, cell kind, width in characters, and how to read its value from a row. */
    public record Column<T>(String header, Kind kind, int width, Function<? super T, ?> value) {
    }

    /** Pushes every row to the sink, in order. */
    @FunctionalInterface
    public interface RowSource<T> {
        void forEach(Consumer<? super T> sink);
    }

    public static <T> Column<T> text(String header, int width, Function<? super T, ?> value) {
        return new Column<>(header, Kind.TEXT, width, value);
    }

    public static <T> Column<T> integer(String header, Function<? super T, ?> value) {
        return new Column<>(header, Kind.INTEGER, 12, value);
    }

    public static <T> Column<T> money(String header, Function<? super T, ?> value) {
        return new Column<>(header, Kind.MONEY, 15, value);
    }

    public static <T> Column<T> percent(String header, Function<? super T, ?> value) {
        return new Column<>(header, Kind.PERCENT, 12, value);
    }

    public static <T> Column<T> decimal(String header, Function<? super T, ?> value) {
        return new Column<>(header, Kind.DECIMAL, 12, value);
    }

    public static <T> Column<T> date(String header, Function<? super T, ?> value) {
        return new Column<>(header, Kind.DATE, 12, value);
    }

    public static <T> Column<T> dateTime(String header, Function<? super T, ?> value) {
        return new Column<>(header, Kind.DATE_TIME, 17, value);
    }

    /** A sheet over rows already in memory (the dashboard's small tables). */
    public static <T> ExcelSheet<T> of(String name, List<T> rows, List<Column<T>> columns) {
        return new ExcelSheet<>(name, columns, sink -> rows.forEach(sink::accept));
    }
}
