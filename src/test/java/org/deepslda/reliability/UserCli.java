package org.deepslda.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.deepslda.cli.Slda;

/**
 * One {@code slda} call made in-process as a user makes it from a shell: the exit code, and what
 * the program printed on stdout and stderr (picocli's writers; the log goes elsewhere).
 */
record UserCli(int exitCode, String out, String err) {

  static UserCli run(List<String> args) {
    return run(args.toArray(new String[0]));
  }

  static UserCli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Slda.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new UserCli(code, out.toString(), err.toString());
  }

  /**
   * Arguments of {@code slda run} on NC run 0 with local[2] Spark, plus {@code extra}; a flag in
   * {@code extra} that takes a value replaces the default one ({@code --run 12}), and {@code
   * --config FILE} drops the defaults of scenario and run so that the file's values count.
   */
  static List<String> runArgs(String data, String store, String out, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", "--data", data, "--store", store,
        "--out", out, "--master", "local[2]"));
    List<String> more = List.of(extra);
    if (!more.contains("--config")) {
      for (String flag : List.of("--scenario", "--run")) {
        if (!more.contains(flag)) {
          args.addAll(List.of(flag, flag.equals("--run") ? "0" : "nc"));
        }
      }
    }
    args.addAll(more);
    return args;
  }

  /**
   * Asserts the call failed with {@code code} and one line on stderr that holds every one of
   * {@code parts} (the file, line, flag or value it must name).
   */
  UserCli assertFailed(int code, String... parts) {
    assertEquals(code, exitCode, "exit code; stderr: " + err);
    assertEquals(1, err.strip().lines().count(), "a one-line error, found: " + err);
    assertTrue(err.startsWith("slda: "), err);
    for (String p : parts) {
      assertTrue(err.contains(p), "the error should name '" + p + "': " + err);
    }
    return this;
  }

  UserCli assertSucceeded() {
    assertEquals(0, exitCode, "stderr: " + err);
    return this;
  }
}
