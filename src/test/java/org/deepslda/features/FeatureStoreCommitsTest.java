package org.deepslda.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An extraction is committed in pieces, so an interrupted one keeps what it finished. */
class FeatureStoreCommitsTest {
  private static final BackboneSpec R18 = BackboneSpec.randomResNet18(0);

  @TempDir Path dir;

  private final SparkSession spark = TestSpark.session();

  @AfterEach
  void restore() {
    FeatureStore.imagesPerCommit = FeatureStore.IMAGES_PER_COMMIT;
  }

  @Test
  void ensure_commitsInPiecesAndARerunComputesOnlyTheUnfinishedPiece() throws IOException {
    FeatureStore.imagesPerCommit = 2;
    List<String> paths = Core50Fixture.write(dir, 5);
    FeatureStore s = FeatureStore.open(spark, dir.resolve("store").toString());
    ExtractReport first = s.ensure(spark, Core50Fixture.folder(dir), paths, R18,
        ExtractOptions.defaults());
    assertEquals(5, first.computed());
    List<String> commits =
        StoreLayout.completeCommits(s.uri(), spark.sparkContext().hadoopConfiguration());
    assertEquals(3, commits.size(), "5 images in pieces of 2: " + commits);

    // as if the process had been killed while one piece was written (names within one second
    // do not sort by time, so count the rows of the piece chosen)
    String piece = commits.get(commits.size() - 1);
    int lost = (int) spark.read().parquet(piece).count();
    assertTrue(lost == 1 || lost == 2, "a piece holds 1 or 2 images: " + lost);
    Files.delete(Path.of(piece.replaceFirst("^file:", "")).resolve("_SUCCESS"));
    FeatureStore reopened = FeatureStore.open(spark, s.uri());
    assertEquals(lost, reopened.missing(spark, paths).size());
    ExtractReport rerun = reopened.ensure(spark, Core50Fixture.folder(dir), paths, R18,
        ExtractOptions.defaults());
    assertEquals(lost, rerun.computed());
    assertEquals(5 - lost, rerun.alreadyPresent());
    assertEquals(5, reopened.rows(spark).count());
    assertTrue(reopened.missing(spark, paths).isEmpty());
  }
}
