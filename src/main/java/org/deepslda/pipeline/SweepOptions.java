package org.deepslda.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.deepslda.common.BadInputException;
import org.deepslda.data.LabelLevel;
import org.deepslda.data.Scenario;

/**
 * Everything one {@code slda sweep} needs; validated on construction, each message naming the
 * flag. The grid is the product scenarios x runs x shrinkages x plastic-cov x mask-unseen, in
 * that nesting order (see {@link #points()}).
 *
 * @param data the dataset root in the CORe50 layout (local path or Hadoop FS URI)
 * @param store the feature store to read; it must already hold every image the grid needs
 * @param out the sweep folder: {@code points/<point>/}, {@code summary.csv}, {@code
 *     summary.json}, {@code curves_<scenario>.png}
 * @param scenarios the scenarios, each at least once
 * @param runs run numbers 0-9
 * @param shrinkages eps values in (0, 1]
 * @param plasticCovs covariance modes (true: plastic, false: fixed)
 * @param maskUnseens whether unseen classes are masked
 * @param level object or category labels, for every point
 * @param imageSize 128 or 32: which image folder the store's paths are relative to
 * @param checkpoints also write each point's per-batch and final {@code .npz} checkpoints
 * @param master the Spark master, or null for spark-submit's (else local[*])
 * @param partitions Spark tasks for the points; 0 means one task per point
 */
public record SweepOptions(
    String data,
    String store,
    String out,
    List<Scenario> scenarios,
    List<Integer> runs,
    List<Double> shrinkages,
    List<Boolean> plasticCovs,
    List<Boolean> maskUnseens,
    LabelLevel level,
    int imageSize,
    boolean checkpoints,
    String master,
    int partitions) {

  public SweepOptions {
    require(data != null && !data.isBlank(), "--data", data, "a dataset root");
    require(store != null && !store.isBlank(), "--store", store, "a feature store path");
    require(out != null && !out.isBlank(), "--out", out, "a sweep folder");
    require(level != null, "--level", null, "object or category");
    require(imageSize == 128 || imageSize == 32, "--image-size", imageSize, "128 or 32");
    require(partitions >= 0, "--partitions", partitions, "0 (one per point) or a positive count");
    scenarios = nonEmpty("--scenarios", scenarios);
    runs = nonEmpty("--runs", runs);
    shrinkages = nonEmpty("--shrinkage", shrinkages);
    plasticCovs = nonEmpty("--plastic-cov", plasticCovs);
    maskUnseens = nonEmpty("--mask-unseen", maskUnseens);
    for (int r : runs) {
      require(r >= 0 && r <= 9, "--runs", r, "run numbers 0-9");
    }
    for (double eps : shrinkages) {
      require(eps > 0 && eps <= 1, "--shrinkage", eps, "values in (0, 1]");
    }
  }

  private static <T> List<T> nonEmpty(String flag, List<T> values) {
    require(values != null && !values.isEmpty(), flag, values, "at least one value");
    return List.copyOf(values);
  }

  private static void require(boolean ok, String flag, Object found, String expected) {
    if (!ok) {
      throw new BadInputException(flag + ": expected " + expected + ", found " + found);
    }
  }

  /** Every grid point, scenario outermost, then run, shrinkage, covariance mode, masking. */
  public List<SweepPoint> points() {
    List<SweepPoint> points = new ArrayList<>();
    for (Scenario s : scenarios) {
      for (int r : runs) {
        for (double eps : shrinkages) {
          for (boolean plastic : plasticCovs) {
            for (boolean mask : maskUnseens) {
              points.add(new SweepPoint(s, r, level, eps, plastic, mask));
            }
          }
        }
      }
    }
    return points;
  }
}
