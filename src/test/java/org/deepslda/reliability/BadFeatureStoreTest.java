package org.deepslda.reliability;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.deepslda.cli.Slda;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Feature stores that are damaged, incomplete or of another backbone. The bad rows are forged
 * with Spark into copies of the shared store's layout; {@code slda run} and {@code slda export}
 * must refuse them with exit code 2 and one line naming the store, the images and what was
 * expected, and write nothing into the output folder.
 */
@DisplayName("feature store")
class BadFeatureStoreTest {
  static Path dir;
  static List<String> images;

  @BeforeAll
  static void setUp() throws IOException {
    Shared.ensure();
    dir = Shared.scratch("store");
    images = Images.trainingImages(Shared.DATA, 3);
  }

  @Test
  @DisplayName("a row with NaN")
  void rowWithNaN() {
    Path store = StoreForge.copy(dir.resolve("nan-store"), rows -> rows.withColumn("features",
        when(isFirstImage(), expr("transform(features, (x, i) -> IF(i = 7, float('NaN'), x))"))
            .otherwise(col("features"))));
    runFails("nan", store, "is damaged: 1 rows have NaN values", images.get(0),
        "(length 512", "delete the commit folders");
  }

  @Test
  @DisplayName("a vector of the wrong length")
  void vectorOfWrongLength() {
    Path store = StoreForge.copy(dir.resolve("short-store"), rows -> rows.withColumn("features",
        when(isFirstImage(), expr("slice(features, 1, 500)")).otherwise(col("features"))));
    runFails("short", store, "is damaged: 1 rows", "length other than d=512",
        images.get(0) + " (length 500");
  }

  @Test
  @DisplayName("a store made by another backbone (random-resnet18:1 vs :0)")
  void storeOfAnotherBackbone() {
    Map<String, byte[]> store = Outputs.snapshot(Shared.STORE);
    Path out = dir.resolve("other-backbone/out");
    Map<String, byte[]> before = Outputs.userFolder(out);
    UserCli.run(UserCli.runArgs(Shared.DATA.toString(), Shared.STORE.toString(),
        out.toString(), "--backbone", "random-resnet18:1"))
        .assertFailed(Slda.EXIT_BAD_INPUT, Shared.STORE.toString(), "random-resnet18:0",
            "but backbone random-resnet18:1", "never used with another backbone");
    Outputs.assertUnchanged(before, out);
    Outputs.assertUnchanged(store, Shared.STORE);
  }

  @Test
  @DisplayName("a store missing rows for the requested images: count and examples")
  void storeMissingRows() throws IOException {
    Path store = StoreForge.copyWithout(dir.resolve("missing-store"),
        images.toArray(new String[0]));
    Path list = dir.resolve("missing-list.txt");
    Files.write(list, Files.readAllLines(
        Shared.DATA.resolve(Shared.NC_RUN0).resolve("train_batch_00_filelist.txt")));
    Files.write(list, images.stream().map(p -> p + " 1").toList(),
        StandardOpenOption.APPEND);
    Path prefix = dir.resolve("missing-export/x");
    UserCli.run("export", "--store", store.toString(), "--data", Shared.DATA.toString(),
            "--filelist", list.toString(), "--out", prefix.toString())
        .assertFailed(Slda.EXIT_BAD_INPUT, store.toString(), "lacks the features of 3 of",
            images.get(0), images.get(2), "slda extract");
    Outputs.assertNoResults(prefix.getParent());
    Outputs.assertUnchanged(Map.of(), prefix.getParent());
  }

  private static Column isFirstImage() {
    return col("path").equalTo(lit(images.get(0)));
  }

  private static void runFails(String kind, Path store, String... parts) {
    Path out = dir.resolve(kind + "/out");
    Map<String, byte[]> before = Outputs.userFolder(out);
    UserCli.run(UserCli.runArgs(Shared.DATA.toString(), store.toString(), out.toString()))
        .assertFailed(Slda.EXIT_BAD_INPUT, parts);
    Outputs.assertUnchanged(before, out);
  }
}
