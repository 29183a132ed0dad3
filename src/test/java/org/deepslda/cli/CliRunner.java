package org.deepslda.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.deepslda.common.BadInputException;
import picocli.CommandLine;

/** Runs {@code slda args...} in-process as {@code main} would, capturing stdout and stderr. */
final class CliRunner {
  final int exitCode;
  final String out;
  final String err;

  private CliRunner(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static CliRunner run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Slda.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code;
    try {
      ConfigDefaults.install(cl, args);
      code = cl.execute(args);
    } catch (BadInputException e) {
      err.write("slda: error: " + e.getMessage() + "\n");
      code = Slda.EXIT_BAD_INPUT;
    }
    return new CliRunner(code, out.toString(), err.toString());
  }
}
