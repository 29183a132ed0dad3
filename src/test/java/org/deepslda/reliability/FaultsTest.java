package org.deepslda.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.deepslda.cli.Slda;
import org.deepslda.features.TestingHooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Faults of the machine, not of the input: a Spark task that fails once, a disk that fills up, an
 * output folder that cannot be created. A failure exits with code 3 and one line naming the file
 * and the system's reason, and leaves no file that looks like a result; once the fault is gone,
 * {@code --resume} finishes with the uninterrupted run's files. The driver stopped mid-run is
 * {@code RunLifecycleTest.resume_afterStopGivesTheUninterruptedRunsFiles} (and {@link
 * CheckpointsTest} resumes after a stop too).
 */
@DisplayName("faults")
class FaultsTest {
  static Path dir;

  @BeforeAll
  static void setUp() {
    Shared.ensure();
    dir = Shared.scratch("faults");
  }

  @AfterEach
  void noFaultLeft() {
    System.clearProperty(TestingHooks.FAIL_FIRST_ATTEMPT);
    FullFileSystem.makeRoom();
  }

  @Test
  @DisplayName("an executor task that fails once is retried; the features are unchanged")
  void extractionTaskFailingOnce_isRetriedWithTheSameFeatures() throws IOException {
    Path store = dir.resolve("retried-store");
    String list = Shared.DATA.resolve(Shared.NC_RUN0).resolve("test_filelist.txt").toString();
    int before = TestingHooks.injectedFailures();
    stopSpark();
    System.setProperty(TestingHooks.FAIL_FIRST_ATTEMPT, TestingHooks.EXTRACT);
    try {
      UserCli.run("extract", "--data", Shared.DATA.toString(), "--backbone", "random-resnet18:0",
          "--store", store.toString(), "--filelist", list, "--partitions", "2",
          "--master", "local[2,2]").assertSucceeded();
    } finally {
      System.clearProperty(TestingHooks.FAIL_FIRST_ATTEMPT);
      stopSpark();
    }
    assertEquals(before + 1, TestingHooks.injectedFailures(), "the first attempt failed once");
    assertArrayEquals(export(Shared.STORE, list, "shared"), export(store, list, "retried"));
  }

  @Test
  @DisplayName("disk full while writing a checkpoint: exit 3, no half-written file, resumable")
  void diskFullDuringCheckpoint() throws IOException {
    Path out = dir.resolve("full-checkpoint");
    FullFileSystem.fillWhenWriting("slda_model_batch_2", 100_000);
    run(out).assertFailed(Slda.EXIT_ENVIRONMENT, "cannot write", "slda_model_batch_2.npz",
        "No space left on device");
    assertFalse(Files.exists(out.resolve("slda_model_batch_2.npz")));
    assertNoHiddenFiles(out);
    Outputs.assertNoResults(out);
    resumeGivesTheReferenceFiles(out);
  }

  @Test
  @DisplayName("disk full while writing the results: exit 3, no result file left, resumable")
  void diskFullDuringResults() throws IOException {
    Path out = dir.resolve("full-results");
    FullFileSystem.fillWhenWriting("metrics.json", 10);
    run(out).assertFailed(Slda.EXIT_ENVIRONMENT, "cannot write", "metrics.json",
        "No space left on device");
    assertNoHiddenFiles(out);
    Outputs.assertNoResults(out);
    assertTrue(Files.exists(out.resolve("slda_model_batch_8.npz")), "checkpoints are kept");
    resumeGivesTheReferenceFiles(out);
  }

  @Test
  @DisplayName("--out under a regular file: exit 3 naming the folder, the file untouched")
  void outUnderARegularFile() throws IOException {
    Path file = dir.resolve("a-file.txt");
    Files.writeString(file, "the user's file\n");
    Path out = file.resolve("run");
    UserCli.run(UserCli.runArgs(Shared.DATA.toString(), Shared.STORE.toString(),
        out.toString())).assertFailed(Slda.EXIT_ENVIRONMENT, "cannot create the output folder",
        out.toString());
    assertEquals("the user's file\n", Files.readString(file));
  }

  private static UserCli run(Path out, String... extra) {
    return UserCli.run(UserCli.runArgs(Shared.DATA.toString(), Shared.STORE.toString(),
        "fullfs://" + out.toAbsolutePath(), extra));
  }

  private static void resumeGivesTheReferenceFiles(Path out) {
    FullFileSystem.makeRoom();
    run(out, "--resume").assertSucceeded();
    Outputs.assertSameResults(Shared.REFERENCE, out);
  }

  /** No temporary sibling of an atomic write was left behind. */
  private static void assertNoHiddenFiles(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      List<String> hidden = files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".")).toList();
      assertEquals(List.of(), hidden, "temporary files left in " + out);
    }
  }

  private static byte[] export(Path store, String list, String name) throws IOException {
    Path prefix = dir.resolve("export-" + name + "/x");
    UserCli.run("export", "--store", store.toString(), "--data", Shared.DATA.toString(),
        "--filelist", list, "--out", prefix.toString()).assertSucceeded();
    return Files.readAllBytes(Path.of(prefix + "_features.npy"));
  }

  /** Stops this JVM's Spark session, so that the next command starts one with its master. */
  static void stopSpark() {
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }
}
