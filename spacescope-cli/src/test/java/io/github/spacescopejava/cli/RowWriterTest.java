package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowWriterTest {
  private static final List<String> DECLARED = List.of("stat_date", "power", "name");

  private static ObjectNode row(String json) throws IOException {
    return (ObjectNode) Rows.MAPPER.readTree(json);
  }

  private static String write(OutputFormat format, boolean selected, String... rows)
      throws IOException {
    StringWriter out = new StringWriter();
    RowWriter writer = RowWriter.of(format, out, DECLARED, selected, "stat_date");
    for (String r : rows) {
      writer.write(row(r));
    }
    writer.finish();
    return out.toString();
  }

  @Test
  void csvKeepsEveryDigitAndScaleWithoutExponent() throws IOException {
    String csv =
        write(
            OutputFormat.csv,
            false,
            "{\"stat_date\":\"2024-01-01T00:00:00Z\",\"power\":2.0431876696867700000E19,\"name\":\"a\"}",
            "{\"stat_date\":\"2024-01-02T00:00:00Z\",\"power\":0.120694674016666670,\"name\":null}",
            "{\"stat_date\":\"2024-01-03T00:00:00Z\",\"power\":1E-7}");
    assertThat(csv)
        .isEqualTo(
            "stat_date,power,name\r\n"
                + "2024-01-01T00:00:00Z,20431876696867700000,a\r\n"
                + "2024-01-02T00:00:00Z,0.120694674016666670,\r\n"
                + "2024-01-03T00:00:00Z,0.0000001,\r\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"a,b | \"a,b\"", "say \"hi\" | \"say \"\"hi\"\"\"", "plain | plain"})
  void csvQuotesWhatRfc4180Requires(String name, String cell) throws IOException {
    String json =
        Rows.MAPPER.writeValueAsString(
            java.util.Map.of("stat_date", "d", "power", 1, "name", name));
    assertThat(write(OutputFormat.csv, false, json)).endsWith(",1," + cell + "\r\n");
  }

  @Test
  void fieldsTheSpecLacksBecomeColumnsAfterTheDeclaredOnes() throws IOException {
    String csv =
        write(
            OutputFormat.csv,
            false,
            "{\"stat_date\":\"d\",\"power\":1,\"name\":\"a\",\"zeta\":2,\"alpha\":true}");
    assertThat(csv).isEqualTo("stat_date,power,name,alpha,zeta\r\nd,1,a,true,2\r\n");
  }

  @Test
  void aCsvRefusesAFieldThatAppearsLaterRatherThanDropIt() {
    assertThatThrownBy(
            () ->
                write(
                    OutputFormat.csv,
                    false,
                    "{\"stat_date\":\"2024-01-01\",\"power\":1}",
                    "{\"stat_date\":\"2024-01-02\",\"power\":2,\"late\":3}"))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_RESPONSE))
        .hasMessageContaining("the row of 2024-01-02 has the field(s) late")
        .hasMessageContaining("use --format ndjson");
  }

  @Test
  void ndjsonKeepsAFieldThatAppearsLater() throws IOException {
    String ndjson =
        write(
            OutputFormat.ndjson,
            false,
            "{\"stat_date\":\"d1\",\"power\":1.50}",
            "{\"stat_date\":\"d2\",\"power\":2,\"late\":12345678901234567890123}");
    assertThat(ndjson)
        .isEqualTo(
            "{\"stat_date\":\"d1\",\"power\":1.50,\"name\":null}\n"
                + "{\"stat_date\":\"d2\",\"power\":2,\"name\":null,\"late\":12345678901234567890123}\n");
  }

  @Test
  void jsonIsOneArray() throws IOException {
    assertThat(write(OutputFormat.json, false)).isEqualTo("[]\n");
    assertThat(
            write(OutputFormat.json, false, "{\"stat_date\":\"d\",\"power\":1e2,\"name\":\"x\"}"))
        .isEqualTo("[\n  {\"stat_date\":\"d\",\"power\":100,\"name\":\"x\"}\n]\n");
  }

  @Test
  void aSelectionWritesOnlyItsColumns() throws IOException {
    assertThat(
            write(
                OutputFormat.csv,
                true,
                "{\"stat_date\":\"d\",\"power\":1,\"name\":\"a\",\"extra\":1}"))
        .isEqualTo("stat_date,power,name\r\nd,1,a\r\n");
  }

  @Test
  void aTableAlignsNumbersRight() throws IOException {
    assertThat(
            write(
                OutputFormat.table,
                false,
                "{\"stat_date\":\"d1\",\"power\":1,\"name\":\"long name\"}",
                "{\"stat_date\":\"d2\",\"power\":12345,\"name\":\"b\"}"))
        .isEqualTo(
            "stat_date  power  name\n" + "d1             1  long name\n" + "d2         12345  b\n");
  }

  @Test
  void noRowsStillGiveAHeader() throws IOException {
    assertThat(write(OutputFormat.csv, false)).isEqualTo("stat_date,power,name\r\n");
  }
}
