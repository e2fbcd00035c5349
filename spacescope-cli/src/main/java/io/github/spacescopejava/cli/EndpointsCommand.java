package io.github.spacescopejava.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spacescope endpoints [NAME] [--json]}: the operations of the spec, or one in detail. */
@Command(
    name = "endpoints",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Lists every operation of the spec: its name (give it to fetch, plot), shape, window limit"
          + " per request, whether it takes --provider, and whether it is deprecated. With a"
          + " NAME, lists that operation's fields."
    })
final class EndpointsCommand implements Callable<Integer> {
  private final Cli cli;

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME",
      description = "An endpoint, to list its fields with their types.")
  @Nullable String name;

  @Option(names = "--json", description = "Write JSON for machines.")
  boolean json;

  EndpointsCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws IOException {
    List<Operation> operations =
        name == null ? cli.catalog().operations() : List.of(cli.names().resolve(name));
    Writer out = new OutputStreamWriter(cli.out, StandardCharsets.UTF_8);
    if (json) {
      writeJson(out, operations, name != null);
    } else if (name != null) {
      describe(out, operations.get(0));
    } else {
      list(out, operations);
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private static void list(Writer out, List<Operation> operations) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("NAME", "SHAPE", "WINDOW", "PROVIDER", "DEPRECATED", "CLIENT METHOD"));
    for (Operation o : operations) {
      rows.add(
          List.of(
              o.name(),
              o.shape().wire(),
              o.windowLimit(),
              o.perStorageProvider() ? "yes" : "-",
              o.deprecated() ? "deprecated" : "-",
              o.clientName()));
    }
    table(out, rows);
    out.write(operations.size() + " operations\n");
  }

  private static void describe(Writer out, Operation o) throws IOException {
    out.write(o.name() + ": " + o.summary() + "\n");
    out.write("  path          " + o.path() + "\n");
    out.write("  operationId   " + o.operationId() + " (client: " + o.clientName() + ")\n");
    out.write("  shape         " + o.shape().wire() + "\n");
    out.write("  window        " + o.windowLimit() + " per request\n");
    out.write("  provider      " + (o.perStorageProvider() ? "--provider f0..." : "-") + "\n");
    out.write("  deprecated    " + (o.deprecated() ? "yes" : "no") + "\n");
    out.write("  fields:\n");
    List<List<String>> rows = new ArrayList<>();
    for (Field f : o.fields()) {
      rows.add(List.of("    " + f.name(), type(f)));
    }
    table(out, rows);
  }

  static String type(Field f) {
    String t = f.integerString() ? "integer as string" : f.type();
    if (f.format() != null) {
      t += " (" + f.format() + ")";
    }
    return f.nullable() ? t + ", nullable" : t;
  }

  private static void table(Writer out, List<List<String>> rows) throws IOException {
    int n = rows.get(0).size();
    int[] width = new int[n];
    for (List<String> r : rows) {
      for (int i = 0; i < n; i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    for (List<String> r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.append(r.get(i)).append(" ".repeat(width[i] - r.get(i).length() + 2));
      }
      out.write(sb.toString().stripTrailing() + "\n");
    }
  }

  private static void writeJson(Writer out, List<Operation> operations, boolean one)
      throws IOException {
    try (JsonGenerator g = Rows.generator(out)) {
      g.useDefaultPrettyPrinter();
      if (!one) {
        g.writeStartArray();
      }
      for (Operation o : operations) {
        g.writeStartObject();
        g.writeStringField("name", o.name());
        g.writeStringField("path", o.path());
        g.writeStringField("operationId", o.operationId());
        g.writeStringField("clientMethod", o.clientName());
        g.writeStringField("summary", o.summary());
        g.writeStringField("shape", o.shape().wire());
        if (o.maxWindowDays() > 0) {
          g.writeNumberField("maxWindowDays", o.maxWindowDays());
        } else {
          g.writeNullField("maxWindowDays");
        }
        g.writeBooleanField("perStorageProvider", o.perStorageProvider());
        g.writeStringField("rowDateField", o.rowDateField());
        g.writeBooleanField("deprecated", o.deprecated());
        g.writeArrayFieldStart("fields");
        for (Field f : o.fields()) {
          g.writeStartObject();
          g.writeStringField("name", f.name());
          g.writeStringField("type", f.type());
          g.writeStringField("format", f.format());
          g.writeBooleanField("integerString", f.integerString());
          g.writeBooleanField("nullable", f.nullable());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      if (!one) {
        g.writeEndArray();
      }
    }
    out.write("\n");
  }
}
