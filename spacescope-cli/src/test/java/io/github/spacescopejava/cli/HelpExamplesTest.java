package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every example in a {@code --help} text can be copied and run as printed: no example is broken
 * across lines by the help's wrapping (a long one continues with a shell {@code \}), and each is a
 * command line the parser accepts.
 */
class HelpExamplesTest {
  private static final int WIDTH = 100;

  record Example(String command, String text) {
    @Override
    public String toString() {
      return command + ": " + text;
    }
  }

  static Stream<Example> examples() {
    CommandLine root = commandLine();
    List<CommandLine> commands = new ArrayList<>(List.of(root));
    commands.addAll(root.getSubcommands().values());
    List<Example> examples = new ArrayList<>();
    for (CommandLine command : commands) {
      List<String> lines = command.getUsageMessage().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).startsWith("  spacescope ")) {
          continue;
        }
        StringBuilder text = new StringBuilder();
        int j = i;
        while (true) {
          String line = lines.get(j);
          assertThat(line.length())
              .as("line of an example in %s --help: %s", command.getCommandName(), line)
              .isLessThanOrEqualTo(WIDTH);
          if (!line.endsWith(" \\")) {
            text.append(line.strip());
            break;
          }
          text.append(line.substring(0, line.length() - 1).strip()).append(' ');
          j++;
        }
        // What follows an example is another example or a blank line, never a wrapped tail.
        String next = j + 1 < lines.size() ? lines.get(j + 1) : "";
        assertThat(next.isBlank() || next.startsWith("  spacescope "))
            .as("after the example %s in %s --help comes %s", text, command.getCommandName(), next)
            .isTrue();
        examples.add(new Example(command.getCommandName(), text.toString()));
        i = j;
      }
    }
    // Each command shows at least one example, and the root shows the README's first one.
    assertThat(examples).extracting(Example::command).contains("spacescope", "fetch", "plot");
    return examples.stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void anExampleIsACommandLineTheParserAccepts(Example example) {
    List<String> words = words(example.text());
    assertThat(words.get(0)).isEqualTo("spacescope");
    String[] args = words.subList(1, words.size()).toArray(String[]::new);
    assertThatCode(() -> commandLine().parseArgs(args)).doesNotThrowAnyException();
  }

  /** Splits as a shell would the examples' simple quoting: double quotes group words. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
        any = true;
      }
    }
    assertThat(quoted).as("unbalanced quotes in %s", text).isFalse();
    if (any) {
      words.add(word.toString());
    }
    return words;
  }

  private static CommandLine commandLine() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return Main.commandLine(new Cli(Map.of(Cli.STDERR_TTY_ENV, "0"), sink, sink));
  }
}
