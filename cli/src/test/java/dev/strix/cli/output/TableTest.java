package dev.strix.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void alignsColumnsAndPrintsTotalsUnderARule() {
        StringWriter s = new StringWriter();
        new Table().left("NAME").right("COUNT").row("conv", "1,234").row("fc", "5").totals("total", "1,239")
                .print(new PrintWriter(s));
        assertThat(s.toString().lines()).containsExactly(
                "NAME   COUNT",
                "conv   1,234",
                "fc         5",
                "------------",
                "total  1,239");
    }

    @Test
    void unitsReadAsPeopleWriteThem() {
        assertThat(Units.count(11689512)).isEqualTo("11,689,512");
        assertThat(Units.bytes(1023)).isEqualTo("1023 B");
        assertThat(Units.bytes(3 * 1024 * 1024 / 2)).isEqualTo("1.50 MiB");
        assertThat(Units.si(1_814_073_344)).isEqualTo("1.81 G");
        assertThat(Units.si(999)).isEqualTo("999");
    }
}
