package org.deepslda.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The same inputs give the same bytes: accuracies, predictions, metrics, confusion matrices, the
 * final model and every batch checkpoint, across runs and across partition counts (of the test
 * set here; 1 vs 7 in {@code RunLifecycleTest.partitions_oneAndSevenGiveIdenticalFiles}), and the
 * same features whatever the extraction is split into.
 */
@DisplayName("determinism")
class DeterminismTest {
  static Path dir;

  @BeforeAll
  static void setUp() {
    Shared.ensure();
    dir = Shared.scratch("determinism");
  }

  @Test
  @DisplayName("two runs give byte-identical results and checkpoints")
  void twoRuns_giveIdenticalFiles() {
    Path out = dir.resolve("again");
    UserCli.run(UserCli.runArgs(Shared.DATA.toString(), Shared.STORE.toString(),
        out.toString())).assertSucceeded();
    Outputs.assertSameResults(Shared.REFERENCE, out);
  }

  @Test
  @DisplayName("3 test partitions give the results of the default 8")
  void testPartitions_giveIdenticalFiles() {
    Path out = dir.resolve("partitions-3");
    UserCli.run(UserCli.runArgs(Shared.DATA.toString(), Shared.STORE.toString(),
        out.toString(), "--test-partitions", "3")).assertSucceeded();
    Outputs.assertSameResults(Shared.REFERENCE, out);
  }

  @Test
  @DisplayName("extraction split into 5 partitions gives the same features")
  void extractPartitions_giveIdenticalFeatures() throws IOException {
    String list = Shared.DATA.resolve(Shared.NC_RUN0).resolve("test_filelist.txt").toString();
    Path store = dir.resolve("store-5");
    UserCli.run("extract", "--data", Shared.DATA.toString(), "--backbone", "random-resnet18:0",
        "--store", store.toString(), "--filelist", list, "--partitions", "5")
        .assertSucceeded();
    assertArrayEquals(export(Shared.STORE, list, "shared"), export(store, list, "five"));
  }

  private static byte[] export(Path store, String list, String name) throws IOException {
    Path prefix = dir.resolve("export-" + name + "/x");
    UserCli.run("export", "--store", store.toString(), "--data", Shared.DATA.toString(),
        "--filelist", list, "--out", prefix.toString()).assertSucceeded();
    return Files.readAllBytes(Path.of(prefix + "_features.npy"));
  }
}
