package org.deepslda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Shared set-up of the end-to-end tests: a generated dataset and the run flags. */
final class E2eFixture {
  private E2eFixture() {}

  static void synth(Path root, String... extra) {
    List<String> args = new ArrayList<>(List.of("synth", "--out", root.toString(), "--runs", "2"));
    args.addAll(List.of(extra));
    CliRunner r = CliRunner.run(args.toArray(new String[0]));
    assertEquals(0, r.exitCode, r.err);
  }

  /** {@code slda run} on NC run 0 with local[2] Spark, plus {@code extra} flags. */
  static String[] runArgs(Path data, Path store, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", "--data", data.toString(),
        "--scenario", "nc", "--run", "0", "--store", store.toString(), "--out", out.toString(),
        "--master", "local[2]"));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
