package org.overturn.denial.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void readsQuotedFieldsWithCommasLineBreaksAndDoubledQuotes() {
        CsvTable table = CsvTable.read(new StringReader(
                "code,description\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,\n"));

        assertThat(table.rows()).containsExactly(
                List.of("1", "a, b"), List.of("2", "say \"hi\""), List.of("3", "two\nlines"), List.of("4", ""));
    }

    @Test
    void findsColumnsByLooseHeaderNames() {
        CsvTable table = CsvTable.read(new StringReader("\uFEFFCode,Start Date,stop_date\r\nA,B,C"));

        assertThat(table.column("code")).isZero();
        assertThat(table.column("start_date")).isEqualTo(1);
        assertThat(table.column("Stop Date")).isEqualTo(2);
        assertThat(table.column("last modified")).isEqualTo(-1);
        assertThat(CsvTable.field(table.rows().get(0), 2)).isEqualTo("C");
        assertThat(CsvTable.field(table.rows().get(0), 7)).isNull();
    }

    @Test
    void readsAnEmptyInputAsAnEmptyTable() {
        assertThat(CsvTable.read(new StringReader("")).rows()).isEmpty();
    }
}
