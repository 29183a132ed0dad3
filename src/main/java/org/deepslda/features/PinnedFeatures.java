package org.deepslda.features;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.deepslda.data.ImageRecord;

/**
 * The features of a fixed list of records (a whole training stream, a test set), looked up and
 * validated once, then kept in executor memory (spilling to disk) so that reading a slice of
 * the list, such as one training batch, is one small job over cached rows instead of a scan of
 * the store. Rows: {@code (idx, path, label, features)}, idx = position in the list. Close it to
 * release the cache.
 */
public final class PinnedFeatures implements AutoCloseable {
  private final Dataset<Row> rows;
  private final int size;
  private final int dim;

  PinnedFeatures(Dataset<Row> selected, int size, int dim) {
    this.rows = selected.persist(StorageLevel.MEMORY_AND_DISK());
    this.size = size;
    this.dim = dim;
  }

  /** The pinned rows {@code (idx, path, label, features)}, in no particular order. */
  public Dataset<Row> rows() {
    return rows;
  }

  public int size() {
    return size;
  }

  /**
   * The features of records {@code from} (inclusive) to {@code to} (exclusive) of the pinned
   * list, on the driver, {@code (to - from) x d} row-major in list order.
   */
  public float[] collectRange(int from, int to) {
    if (from < 0 || to > size || from > to) {
      throw new IndexOutOfBoundsException(
          "range [" + from + ", " + to + ") of a list of " + size);
    }
    Dataset<Row> slice =
        rows.filter(col("idx").geq(from).and(col("idx").lt(to)))
            .selectExpr("idx - " + from + " AS idx", "features");
    return StoreReader.collectOrdered(slice, to - from, dim);
  }

  /** Offsets of consecutive batches in a list made by concatenating {@code batches}. */
  public static int[] offsets(List<List<ImageRecord>> batches) {
    int[] offsets = new int[batches.size() + 1];
    for (int i = 0; i < batches.size(); i++) {
      offsets[i + 1] = offsets[i] + batches.get(i).size();
    }
    return offsets;
  }

  @Override
  public void close() {
    rows.unpersist(false);
  }
}
