package org.deepslda.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.deepslda.common.Sparks;

/**
 * Makes feature stores in the on-disk layout of {@code FeatureStore} (the descriptor {@code
 * _backbone.json}, then {@code parts/<commit>/} Parquet folders that count once they hold Spark's
 * {@code _SUCCESS}) from the shared store's rows, edited: rows left out, values made NaN, vectors
 * cut short. The edited rows are written by Spark as one commit, as the extraction job would.
 */
final class StoreForge {
  private StoreForge() {}

  /** The local[2] session the CLI calls in this JVM share. */
  static SparkSession spark() {
    return SparkSession.getActiveSession().getOrElse(
        () -> Sparks.getOrCreate("local[2]", "reliability tests"));
  }

  /** Every row of the shared store (path, session, object, category, frame, features). */
  static Dataset<Row> sharedRows() {
    try (Stream<Path> commits = Files.list(Shared.STORE.resolve("parts"))) {
      String[] dirs = commits.map(Path::toString).sorted().toArray(String[]::new);
      return spark().read().parquet(dirs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A copy of the shared store at {@code dest} whose rows are {@code edit} applied to the shared
   * rows, with the shared store's descriptor.
   */
  static Path copy(Path dest, UnaryOperator<Dataset<Row>> edit) {
    try {
      Files.createDirectories(dest);
      Files.copy(Shared.STORE.resolve("_backbone.json"), dest.resolve("_backbone.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    edit.apply(sharedRows()).coalesce(1).write()
        .parquet(dest.resolve("parts/c20000101T000000Z-forged00").toString());
    return dest;
  }

  /** A copy of the shared store without the rows of {@code paths}. */
  static Path copyWithout(Path dest, String... paths) {
    return copy(dest, rows -> rows.filter(functions.not(rows.col("path").isin((Object[]) paths))));
  }
}
