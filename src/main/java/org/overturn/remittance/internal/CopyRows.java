package org.overturn.remittance.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows of one table in PostgreSQL's COPY text format (UTF-8, tab between columns, {@code \N} for null, backslash
 * escapes), gathered in memory and then sent with {@code COPY ... FROM STDIN} on the caller's connection, so they
 * commit or roll back with its transaction. Values are Java's own: whole numbers, {@link BigDecimal},
 * {@link LocalDate}, {@link Boolean} and {@link String}.
 */
final class CopyRows {

    /** Bytes per CopyData message sent to the server. */
    private static final int CHUNK = 1 << 20;

    private final String table;
    private final String columns;
    private final int width;
    private final Buffer text;
    private int column;
    private long rows;

    /** Rows for {@code table(columns)}; {@code columns} as written in SQL, comma-separated. */
    CopyRows(String table, String columns, int expectedRows) {
        this.table = table;
        this.columns = columns;
        this.width = columns.split(",").length;
        this.text = new Buffer(Math.max(256, expectedRows * 12 * width));
    }

    /** Adds one row; the values in the order of the columns. */
    CopyRows row(Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + width + " columns");
        }
        for (Object value : values) {
            value(value);
        }
        return this;
    }

    private void value(Object value) {
        if (column > 0) {
            text.write('\t');
        }
        if (value == null) {
            text.write('\\');
            text.write('N');
        } else if (value instanceof String s) {
            escaped(s);
        } else if (value instanceof Long || value instanceof Integer) {
            ascii(value.toString());
        } else if (value instanceof BigDecimal d) {
            ascii(d.toPlainString());
        } else if (value instanceof LocalDate d) {
            ascii(d.toString()); // ISO 8601, which PostgreSQL reads whatever its DateStyle
        } else if (value instanceof Boolean b) {
            text.write(b ? 't' : 'f');
        } else {
            throw new IllegalArgumentException("unexpected column type " + value.getClass());
        }
        if (++column == width) {
            text.write('\n');
            column = 0;
            rows++;
        }
    }

    /** A string with the characters COPY's text format gives a meaning to escaped; anything else as UTF-8. */
    private void escaped(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                text.writeBytes(s.substring(i).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                        .replace("\r", "\\r").getBytes(StandardCharsets.UTF_8));
                return;
            }
            switch (c) {
                case '\\' -> { text.write('\\'); text.write('\\'); }
                case '\t' -> { text.write('\\'); text.write('t'); }
                case '\n' -> { text.write('\\'); text.write('n'); }
                case '\r' -> { text.write('\\'); text.write('r'); }
                default -> text.write(c);
            }
        }
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            text.write(s.charAt(i));
        }
    }

    long rows() {
        return rows;
    }

    /** The rows as COPY will read them, for tests. */
    String text() {
        return text.toString(StandardCharsets.UTF_8);
    }

    /**
     * Sends the rows and answers how many the server took. A failure leaves the copy cancelled, so the connection
     * stays usable for the rollback; the caller's transaction is then marked failed by PostgreSQL either way.
     */
    long copy(CopyManager copyManager) throws SQLException {
        if (column != 0) {
            throw new IllegalStateException(table + ": the last row is not complete");
        }
        if (rows == 0) {
            return 0;
        }
        CopyIn copy = copyManager.copyIn("copy " + table + " (" + columns + ") from stdin");
        try {
            text.sendTo(copy);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** A growable byte buffer (unsynchronised, unlike ByteArrayOutputStream) sent to the server as it is. */
    private static final class Buffer {

        private byte[] buf;
        private int count;

        Buffer(int size) {
            buf = new byte[size];
        }

        void write(int b) {
            if (count == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[count++] = (byte) b;
        }

        void writeBytes(byte[] bytes) {
            if (count + bytes.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + bytes.length));
            }
            System.arraycopy(bytes, 0, buf, count, bytes.length);
            count += bytes.length;
        }

        String toString(java.nio.charset.Charset charset) {
            return new String(buf, 0, count, charset);
        }

        void sendTo(CopyIn copy) throws SQLException {
            for (int from = 0; from < count; from += CHUNK) {
                copy.writeToCopy(buf, from, Math.min(CHUNK, count - from));
            }
        }
    }
}
