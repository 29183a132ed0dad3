package org.deepslda.lda;

import java.util.Objects;
import org.deepslda.common.BadInputException;

/** Validation of a block of samples before any of it touches the model. */
final class BlockCheck {
  private BlockCheck() {}

  /**
   * Checks that x holds n x d finite features and y holds n labels in 0..C-1.
   *
   * @throws BadInputException naming the first bad sample (its index in the block), the column, the
   *     value found and what was expected
   */
  static void check(float[] x, int[] y, int n, int dim, int numClasses) {
    checkFeatures(x, n, dim);
    Objects.requireNonNull(y, "labels");
    if (y.length != n) {
      throw new BadInputException(
          "labels: expected " + n + " values (one per sample), found " + y.length);
    }
    for (int i = 0; i < n; i++) {
      if (y[i] < 0 || y[i] >= numClasses) {
        throw new BadInputException(
            "label of sample "
                + i
                + ": expected a class in 0.."
                + (numClasses - 1)
                + ", found "
                + y[i]);
      }
    }
  }

  /** Checks that x holds n x d finite features. */
  static void checkFeatures(float[] x, int n, int dim) {
    Objects.requireNonNull(x, "features");
    if (n < 0) {
      throw new BadInputException("block size: expected n >= 0, found " + n);
    }
    long expected = (long) n * dim;
    if (x.length != expected) {
      throw new BadInputException(
          "features: expected n x d = "
              + n
              + " x "
              + dim
              + " = "
              + expected
              + " values, found "
              + x.length);
    }
    for (int i = 0; i < x.length; i++) {
      if (!Float.isFinite(x[i])) {
        throw new BadInputException(
            "features of sample "
                + i / dim
                + ", column "
                + i % dim
                + ": expected a finite value, found "
                + x[i]);
      }
    }
  }
}
