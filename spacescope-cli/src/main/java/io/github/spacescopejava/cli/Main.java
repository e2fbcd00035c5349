package io.github.spacescopejava.cli;

import io.github.spacescopejava.client.SpaceScopeException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code spacescope}: SpaceScope data from a shell. Every failure is one line on stderr and an exit
 * code of its own ({@link ExitCode}); a stack trace only with {@code --verbose}.
 */
@Command(
    name = "spacescope",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    versionProvider = Main.Version.class,
    description = {
      "Lists, fetches, plots and checks SpaceScope data (daily Filecoin network statistics)"
          + " through the spacescope-java client: long periods split into the windows the API"
          + " accepts, retries, typed errors, exact values.",
      "",
      "  spacescope --fake fetch power/network_storage_capacity \\",
      "      --from 2024-01-01 --to 2024-12-31 --format csv",
      ""
    },
    footerHeading = "%nToken: set SPACESCOPE_API_TOKEN (or pass --token), or use --fake.%n")
public final class Main implements Callable<Integer> {
  @Mixin private GlobalOptions globalMixin;

  @Spec private CommandSpec spec;

  private final Cli cli;

  private Main(Cli cli) {
    this.cli = cli;
    this.globalMixin = cli.global; // the subcommands read the options from the shared Cli
  }

  /** The entry point of {@code java -jar spacescope-cli.jar}. */
  public static void main(String[] args) {
    configureLogging(List.of(args).contains("--verbose") || List.of(args).contains("-v"));
    System.setProperty("java.awt.headless", "true");
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, System.getenv(), out, err);
    out.flush();
    System.exit(code);
  }

  /**
   * Runs the command line and returns its exit code; writes only to {@code out} and {@code err}.
   */
  static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    Cli cli = new Cli(environment, out, err);
    CommandLine line = commandLine(cli);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    line.setParameterExceptionHandler(
        (e, arguments) -> {
          String command = e.getCommandLine().getCommandSpec().qualifiedName();
          err.println(
              "spacescope: "
                  + Failures.oneLine(e.getMessage())
                  + " (see '"
                  + command
                  + " --help')");
          return ExitCode.USAGE.code();
        });
    line.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(cli, e));
    try {
      return line.execute(args);
    } catch (RuntimeException | LinkageError e) {
      // picocli hands Errors on; a broken classpath still gets one line, not a trace.
      return report(cli, e);
    }
  }

  static CommandLine commandLine(Cli cli) {
    Main main = new Main(cli);
    CommandLine line = new CommandLine(main);
    line.addSubcommand(new EndpointsCommand(cli));
    line.addSubcommand(new FetchCommand(cli));
    line.addSubcommand(new PlotCommand(cli));
    line.addSubcommand(new CheckCommand(cli));
    line.addSubcommand(new SyncCommand(cli));
    line.addSubcommand(new ExportCommand(cli));
    line.addSubcommand(new SqlCommand(cli));
    Map<String, String> codes = new LinkedHashMap<>();
    for (ExitCode c : ExitCode.values()) {
      codes.put(String.format("%3d", c.code()), c.meaning());
    }
    for (CommandLine c : List.of(line)) {
      c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    }
    for (CommandLine sub : line.getSubcommands().values()) {
      sub.getCommandSpec()
          .usageMessage()
          .exitCodeListHeading("%nExit codes:%n")
          .exitCodeList(codes);
    }
    line.setCaseInsensitiveEnumValuesAllowed(true);
    return line;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(cli.err);
    return ExitCode.USAGE.code();
  }

  private static int report(Cli cli, Throwable e) {
    CliException failure;
    if (e instanceof CliException c) {
      failure = c;
    } else if (e instanceof SpaceScopeException s) {
      failure = Failures.of(s);
    } else {
      failure =
          new CliException(
              ExitCode.INTERNAL,
              "unexpected failure: "
                  + Failures.oneLine(String.valueOf(e))
                  + (cli.global.verbose ? "" : " (rerun with --verbose for the stack trace)"),
              e);
    }
    cli.err.println("spacescope: " + Failures.oneLine(String.valueOf(failure.getMessage())));
    if (cli.global.verbose) {
      e.printStackTrace(cli.err);
    }
    return failure.exitCode().code();
  }

  /**
   * Logging before the first logger exists: slf4j-simple reads simplelogger.properties (warnings
   * only); {@code --verbose} adds the client's requests and retries at DEBUG.
   */
  private static void configureLogging(boolean verbose) {
    // Hibernate Validator logs its version at INFO through JBoss Logging: route it to SLF4J.
    System.setProperty("org.jboss.logging.provider", "slf4j");
    if (verbose) {
      System.setProperty("org.slf4j.simpleLogger.log.spacescope", "debug");
    }
  }

  /** The version from the jar's manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"spacescope " + (v != null ? v : "(development build)")};
    }
  }
}
