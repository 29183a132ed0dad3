package org.deepslda.lda;

import org.deepslda.common.BadInputException;

/**
 * Settings of one streaming LDA model. Immutable; the compact constructor validates, and the
 * messages name the CLI flag ({@code --shrinkage}, {@code --plastic-cov}, {@code --mask-unseen}) or
 * the model dimension at fault.
 *
 * @param dim feature dimension d (512 for ResNet-18), 1..{@value #MAX_DIM}
 * @param numClasses number of classes C the stream may contain; labels are 0..C-1
 * @param shrinkage eps in {@code Lambda = [(1 - eps) Sigma + eps I]^-1}, in (0, 1]; default {@value
 *     #DEFAULT_SHRINKAGE}
 * @param plasticCov whether each sample updates the shared covariance (default true); when false
 *     Sigma keeps its initial or base-initialised value
 * @param maskUnseen whether classes with no training sample are excluded from predictions (default
 *     false: the reference scores them as 0)
 */
public record SldaOptions(
    int dim, int numClasses, double shrinkage, boolean plasticCov, boolean maskUnseen) {
  public static final double DEFAULT_SHRINKAGE = 1e-4;

  /** Largest d whose d x d covariance fits one Java array. */
  public static final int MAX_DIM = 46_340;

  public SldaOptions {
    if (dim < 1 || dim > MAX_DIM) {
      throw new BadInputException(
          "feature dimension: expected a value in 1.." + MAX_DIM + ", found " + dim);
    }
    if (numClasses < 1 || (long) numClasses * dim > Integer.MAX_VALUE) {
      throw new BadInputException(
          "number of classes: expected a value in 1.."
              + Integer.MAX_VALUE / dim
              + " for dimension "
              + dim
              + ", found "
              + numClasses);
    }
    if (!(shrinkage > 0 && shrinkage <= 1)) {
      throw new BadInputException(
          "--shrinkage: expected a value in (0, 1], found " + formatShrinkage(shrinkage));
    }
  }

  /** Options with the defaults: shrinkage 1e-4, plastic covariance, unseen classes scored. */
  public static SldaOptions defaults(int dim, int numClasses) {
    return new SldaOptions(dim, numClasses, DEFAULT_SHRINKAGE, true, false);
  }

  /** The same options with another shrinkage (validated). */
  public SldaOptions withShrinkage(double value) {
    return new SldaOptions(dim, numClasses, value, plasticCov, maskUnseen);
  }

  /** The same options with another setting for plastic covariance. */
  public SldaOptions withPlasticCov(boolean value) {
    return new SldaOptions(dim, numClasses, shrinkage, value, maskUnseen);
  }

  /** The same options with another setting for masking unseen classes. */
  public SldaOptions withMaskUnseen(boolean value) {
    return new SldaOptions(dim, numClasses, shrinkage, plasticCov, value);
  }

  private static String formatShrinkage(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value)
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
