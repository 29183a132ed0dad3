package org.deepslda.report;

/** Sample statistics used by the reports. */
public final class Stats {
  private Stats() {}

  public static double mean(double[] xs) {
    double sum = 0;
    for (double x : xs) {
      sum += x;
    }
    return xs.length == 0 ? Double.NaN : sum / xs.length;
  }

  /** Population standard deviation (0 for a single value), as numpy's default. */
  public static double std(double[] xs) {
    double m = mean(xs);
    double sum = 0;
    for (double x : xs) {
      sum += (x - m) * (x - m);
    }
    return xs.length == 0 ? Double.NaN : Math.sqrt(sum / xs.length);
  }
}
