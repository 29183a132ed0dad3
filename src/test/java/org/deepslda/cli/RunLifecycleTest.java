package org.deepslda.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run's life: stopped after a batch and resumed, run with other partition counts, run twice,
 * refused over an existing run, overwritten. Every outcome is compared byte for byte with one
 * uninterrupted reference run (the timing file excepted, and the parameters' own output path).
 */
class RunLifecycleTest {
  static final Path BASE = Path.of("target/e2e-lifecycle");
  static final Path DATA = BASE.resolve("data");
  static final Path STORE = BASE.resolve("store");
  static final Path REFERENCE = BASE.resolve("reference");

  /** Files whose bytes must not depend on how the run went. */
  static final List<String> RESULTS = List.of("accuracies.json", "final_predictions.json",
      "metrics.json", "confusion_matrices.json", "final_slda_model.npz");

  @BeforeAll
  static void referenceRun() throws IOException {
    E2eFixture.deleteTree(BASE);
    E2eFixture.synth(DATA, "--categories", "10", "--objects-per-category", "1", "--frames", "1");
    CliRunner r = CliRunner.run(E2eFixture.runArgs(DATA, STORE, REFERENCE));
    assertEquals(0, r.exitCode, r.err);
  }

  @Test
  void resume_afterStopGivesTheUninterruptedRunsFiles() throws IOException {
    Path out = BASE.resolve("resumed");
    CliRunner stopped =
        CliRunner.run(E2eFixture.runArgs(DATA, STORE, out, "--stop-after-batch", "3"));
    assertEquals(Slda.EXIT_STOPPED, stopped.exitCode, stopped.err);
    assertTrue(stopped.err.contains("--resume"), stopped.err);
    assertFalse(Files.exists(out.resolve("accuracies.json")), "no results before the end");
    assertFalse(Files.exists(out.resolve("_SUCCESS")));
    assertTrue(Files.exists(out.resolve("slda_model_batch_3.npz")));
    assertFalse(Files.exists(out.resolve("slda_model_batch_4.npz")));

    CliRunner resumed = CliRunner.run(E2eFixture.runArgs(DATA, STORE, out, "--resume"));
    assertEquals(0, resumed.exitCode, resumed.err);
    assertSameResults(REFERENCE, out);
  }

  @Test
  void partitions_oneAndSevenGiveIdenticalFiles() throws IOException {
    for (String n : List.of("1", "7")) {
      Path out = BASE.resolve("partitions-" + n);
      CliRunner r = CliRunner.run(E2eFixture.runArgs(DATA, STORE, out, "--test-partitions", n));
      assertEquals(0, r.exitCode, r.err);
      assertSameResults(REFERENCE, out);
    }
  }

  @Test
  void existingCompleteRun_isRefusedAndLeftAlone() throws IOException {
    byte[] before = Files.readAllBytes(REFERENCE.resolve("accuracies.json"));
    long modified = Files.getLastModifiedTime(REFERENCE.resolve("accuracies.json")).toMillis();
    CliRunner r = CliRunner.run(E2eFixture.runArgs(DATA, STORE, REFERENCE));
    assertEquals(Slda.EXIT_BAD_INPUT, r.exitCode);
    assertTrue(r.err.contains("already holds a complete run"), r.err);
    assertTrue(r.err.contains("--overwrite"), r.err);
    assertEquals(1, r.err.strip().lines().count(), "one-line error: " + r.err);
    assertArrayEquals(before, Files.readAllBytes(REFERENCE.resolve("accuracies.json")));
    assertEquals(modified,
        Files.getLastModifiedTime(REFERENCE.resolve("accuracies.json")).toMillis());
  }

  @Test
  void overwrite_replacesOnlyRunFilesAndGivesTheSameResults() throws IOException {
    Path out = BASE.resolve("overwritten");
    assertEquals(0, CliRunner.run(E2eFixture.runArgs(DATA, STORE, out)).exitCode);
    Path userFile = out.resolve("my-notes.txt");
    Files.writeString(userFile, "mine");
    CliRunner r = CliRunner.run(E2eFixture.runArgs(DATA, STORE, out, "--overwrite"));
    assertEquals(0, r.exitCode, r.err);
    assertEquals("mine", Files.readString(userFile));
    assertSameResults(REFERENCE, out);
  }

  @Test
  void incompleteRun_isRefusedWithoutResume() {
    Path out = BASE.resolve("incomplete");
    CliRunner stopped =
        CliRunner.run(E2eFixture.runArgs(DATA, STORE, out, "--stop-after-batch", "0"));
    assertEquals(Slda.EXIT_STOPPED, stopped.exitCode, stopped.err);
    CliRunner again = CliRunner.run(E2eFixture.runArgs(DATA, STORE, out));
    assertEquals(Slda.EXIT_BAD_INPUT, again.exitCode);
    assertTrue(again.err.contains("incomplete run"), again.err);
    assertTrue(again.err.contains("--resume"), again.err);
  }

  private static void assertSameResults(Path expected, Path actual) throws IOException {
    List<String> names = new ArrayList<>(RESULTS);
    for (int i = 0; i < 9; i++) {
      names.add("slda_model_batch_" + i + ".npz");
    }
    for (String name : names) {
      assertArrayEquals(Files.readAllBytes(expected.resolve(name)),
          Files.readAllBytes(actual.resolve(name)), name + " differs from the reference run");
    }
    assertTrue(Files.exists(actual.resolve("_SUCCESS")));
    assertTrue(Files.exists(actual.resolve("incremental_performance.png")));
  }
}
