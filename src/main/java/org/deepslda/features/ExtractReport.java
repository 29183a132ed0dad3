package org.deepslda.features;

import java.util.List;

/**
 * What one {@link FeatureStore#ensure} call did.
 *
 * @param requested distinct images asked for
 * @param alreadyPresent of those, images the store already held (not computed again)
 * @param computed images whose features were computed and saved by this call
 * @param badImages images skipped because they could not be read (sorted by path); empty unless
 *     {@link ExtractOptions#skipBadImages()}
 * @param seconds wall time of the call, including the Spark job
 * @param commit the name of the commit folder written under {@code parts/}, or null if nothing had
 *     to be computed
 */
public record ExtractReport(
    int requested,
    int alreadyPresent,
    int computed,
    List<BadImage> badImages,
    double seconds,
    String commit) {
  public ExtractReport {
    badImages = List.copyOf(badImages);
  }

  /** Images computed per second of wall time (0 if nothing was computed). */
  public double imagesPerSecond() {
    return computed == 0 || seconds <= 0 ? 0 : computed / seconds;
  }

  /** One line for the log and the CLI. */
  public String summary() {
    return String.format(
        "%d images requested: %d already in the store, %d computed (%.1f img/s), %d skipped as"
            + " unreadable, %.1f s",
        requested, alreadyPresent, computed, imagesPerSecond(), badImages.size(), seconds);
  }
}
