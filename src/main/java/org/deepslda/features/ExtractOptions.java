package org.deepslda.features;

import java.io.Serializable;
import org.deepslda.common.BadInputException;

/**
 * How {@link FeatureStore#ensure} runs.
 *
 * @param batchSize images per forward pass on an executor (default {@value #DEFAULT_BATCH_SIZE});
 *     larger batches use more memory ({@code batchSize * 600 KB} of input at 224 px) and, on a GPU,
 *     run faster
 * @param partitions Spark partitions (tasks) for the images to compute; 0 means Spark's default
 *     parallelism, raised so that no task gets more than 4,096 images. Never changes the features,
 *     only how the work is split.
 * @param skipBadImages if true, unreadable images are left out and listed in the report; if false,
 *     {@code ensure} saves the good images' features and then fails naming the bad ones
 */
public record ExtractOptions(int batchSize, int partitions, boolean skipBadImages)
    implements Serializable {
  public static final int DEFAULT_BATCH_SIZE = 32;

  public ExtractOptions {
    if (batchSize < 1 || batchSize > 4096) {
      throw new BadInputException("--batch-size: expected 1 to 4096, found " + batchSize);
    }
    if (partitions < 0) {
      throw new BadInputException(
          "--partitions: expected 0 (Spark's default) or more, found " + partitions);
    }
  }

  /** Batches of 32, Spark's default parallelism, bad images are an error. */
  public static ExtractOptions defaults() {
    return new ExtractOptions(DEFAULT_BATCH_SIZE, 0, false);
  }

  public ExtractOptions withBatchSize(int n) {
    return new ExtractOptions(n, partitions, skipBadImages);
  }

  public ExtractOptions withPartitions(int n) {
    return new ExtractOptions(batchSize, n, skipBadImages);
  }

  public ExtractOptions withSkipBadImages(boolean skip) {
    return new ExtractOptions(batchSize, partitions, skip);
  }
}
