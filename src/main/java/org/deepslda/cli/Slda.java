package org.deepslda.cli;

import java.io.PrintWriter;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;
import org.deepslda.pipeline.RunStoppedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code slda} program. Every subcommand has {@code --help}; those that take a YAML config
 * ({@code --config FILE}) read their option defaults from it, and flags on the command line
 * override it. Exit codes: 0 success, 1 unexpected failure, 2 bad input or usage, 3 an
 * environment failure (native library, unreadable store, unwritable folder), 4 a run stopped on
 * purpose before its end ({@code --stop-after-batch}; continue it with {@code --resume}).
 */
@Command(
    name = "slda",
    mixinStandardHelpOptions = true,
    versionProvider = Slda.Version.class,
    description = "Deep Streaming LDA: online continual learning on image streams, on Spark.",
    footer = {
      "",
      "Exit codes: 0 success, 1 unexpected failure, 2 bad input or usage, 3 environment"
          + " failure, 4 run stopped on purpose (--stop-after-batch)."
    },
    subcommandsRepeatable = false)
public final class Slda implements Runnable {
  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_ENVIRONMENT = 3;
  public static final int EXIT_STOPPED = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand");
  }

  /** Builds the command line with every subcommand registered. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Slda());
    for (Object sub : Subcommands.all()) {
      cl.addSubcommand(sub);
    }
    cl.setExecutionExceptionHandler(Slda::handleFailure);
    cl.setParameterExceptionHandler(Slda::handleParameterError);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /** Runs {@code slda args...} and returns the exit code (no {@code System.exit}). */
  public static int execute(String... args) {
    return execute(
        new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /**
   * Runs {@code slda args...} as {@link #main} does, printing to {@code out} and {@code err}
   * instead of the process's streams (tests and embedding programs call this).
   *
   * @return the exit code; on any failure {@code err} holds one line starting {@code slda:}
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    try {
      ConfigDefaults.install(cl, args);
      return cl.execute(args);
    } catch (BadInputException e) {
      err.println("slda: error: " + e.getMessage());
      return EXIT_BAD_INPUT;
    }
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * A flag picocli cannot bind (unknown, missing a value, not a number) is bad input: one line
   * naming the flag and the value, and where to read the usage, instead of the whole usage text.
   */
  private static int handleParameterError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    String name = cl.getCommandSpec().qualifiedName();
    cl.getErr().println("slda: error: " + e.getMessage().replace('\n', ' ').strip()
        + "; see '" + name + " --help'");
    return EXIT_BAD_INPUT;
  }

  private static int handleFailure(
      Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof RunStoppedException) {
      err.println("slda: " + e.getMessage());
      return EXIT_STOPPED;
    }
    if (e instanceof BadInputException) {
      err.println("slda: error: " + e.getMessage());
      return EXIT_BAD_INPUT;
    }
    if (e instanceof EnvironmentException) {
      err.println("slda: environment error: " + e.getMessage());
      return EXIT_ENVIRONMENT;
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root instanceof BadInputException) {
        err.println("slda: error: " + root.getMessage());
        return EXIT_BAD_INPUT;
      }
      if (root instanceof EnvironmentException) {
        err.println("slda: environment error: " + root.getMessage());
        return EXIT_ENVIRONMENT;
      }
    }
    err.println("slda: failed: " + e);
    e.printStackTrace(err);
    return 1;
  }

  /** Reports the build's version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Slda.class.getPackage().getImplementationVersion();
      return new String[] {"slda " + (v == null ? "(development build)" : v)};
    }
  }
}
