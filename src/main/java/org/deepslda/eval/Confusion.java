package org.deepslda.eval;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A confusion matrix over C classes: {@code count(truth, predicted)}. Mergeable, so that each
 * Spark partition counts its own and the driver adds them up; the sum does not depend on how
 * the test set is partitioned.
 */
public final class Confusion implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int numClasses;
  private final long[] counts;

  public Confusion(int numClasses) {
    if (numClasses <= 0) {
      throw new IllegalArgumentException("numClasses must be positive, found " + numClasses);
    }
    this.numClasses = numClasses;
    this.counts = new long[numClasses * numClasses];
  }

  /** A confusion matrix from its rows ({@code rows[truth][predicted]}). */
  public static Confusion of(long[][] rows) {
    Confusion c = new Confusion(rows.length);
    for (int t = 0; t < rows.length; t++) {
      if (rows[t].length != rows.length) {
        throw new IllegalArgumentException("confusion matrix must be square");
      }
      System.arraycopy(rows[t], 0, c.counts, t * rows.length, rows.length);
    }
    return c;
  }

  public int numClasses() {
    return numClasses;
  }

  public void add(int truth, int predicted) {
    counts[truth * numClasses + predicted]++;
  }

  /** Adds {@code other}'s counts into this one and returns this. */
  public Confusion merge(Confusion other) {
    if (other.numClasses != numClasses) {
      throw new IllegalArgumentException(
          "cannot merge " + other.numClasses + " classes into " + numClasses);
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    return this;
  }

  public long count(int truth, int predicted) {
    return counts[truth * numClasses + predicted];
  }

  public long total() {
    return Arrays.stream(counts).sum();
  }

  public long correct() {
    long sum = 0;
    for (int k = 0; k < numClasses; k++) {
      sum += count(k, k);
    }
    return sum;
  }

  /** Samples whose true class is {@code k}. */
  public long support(int k) {
    long sum = 0;
    for (int p = 0; p < numClasses; p++) {
      sum += count(k, p);
    }
    return sum;
  }

  /** Correct / total; 0 for an empty matrix. */
  public double accuracy() {
    long total = total();
    return total == 0 ? 0.0 : (double) correct() / total;
  }

  /** Per-class accuracy (recall); {@code NaN} for a class with no test sample. */
  public double[] perClassAccuracy() {
    double[] acc = new double[numClasses];
    for (int k = 0; k < numClasses; k++) {
      long support = support(k);
      acc[k] = support == 0 ? Double.NaN : (double) count(k, k) / support;
    }
    return acc;
  }

  /** The rows, {@code [truth][predicted]}, as a fresh array. */
  public long[][] rows() {
    long[][] rows = new long[numClasses][];
    for (int t = 0; t < numClasses; t++) {
      rows[t] = Arrays.copyOfRange(counts, t * numClasses, (t + 1) * numClasses);
    }
    return rows;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Confusion c && c.numClasses == numClasses
        && Arrays.equals(c.counts, counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }
}
