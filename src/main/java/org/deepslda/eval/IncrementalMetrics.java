package org.deepslda.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The metrics of a stream of evaluations, one confusion matrix per training batch (in stream
 * order, all on the same test set).
 *
 * <ul>
 *   <li>accuracy after batch i: correct / total;
 *   <li>mean incremental accuracy: the mean of those accuracies over all batches;
 *   <li>forgetting of class k: the best accuracy on k after any batch before the last, minus
 *       its accuracy after the last batch (NaN if k has no test sample or only one batch ran).
 * </ul>
 */
public final class IncrementalMetrics {
  private final List<Confusion> perBatch;

  public IncrementalMetrics(List<Confusion> perBatch) {
    if (perBatch.isEmpty()) {
      throw new IllegalArgumentException("no batch was evaluated");
    }
    this.perBatch = Collections.unmodifiableList(new ArrayList<>(perBatch));
  }

  public int batches() {
    return perBatch.size();
  }

  public Confusion confusion(int batch) {
    return perBatch.get(batch);
  }

  public Confusion last() {
    return perBatch.get(perBatch.size() - 1);
  }

  public List<Double> accuracies() {
    List<Double> acc = new ArrayList<>();
    for (Confusion c : perBatch) {
      acc.add(c.accuracy());
    }
    return acc;
  }

  public double meanIncrementalAccuracy() {
    return accuracies().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** Per-class accuracy after each batch: {@code [batch][class]}, NaN where no support. */
  public double[][] perClassAccuracies() {
    double[][] acc = new double[perBatch.size()][];
    for (int i = 0; i < acc.length; i++) {
      acc[i] = perBatch.get(i).perClassAccuracy();
    }
    return acc;
  }

  /** Forgetting per class, as defined above. */
  public double[] forgetting() {
    int c = last().numClasses();
    double[] out = new double[c];
    double[][] acc = perClassAccuracies();
    double[] fin = acc[acc.length - 1];
    for (int k = 0; k < c; k++) {
      double best = Double.NaN;
      for (int i = 0; i < acc.length - 1; i++) {
        if (!Double.isNaN(acc[i][k]) && (Double.isNaN(best) || acc[i][k] > best)) {
          best = acc[i][k];
        }
      }
      out[k] = Double.isNaN(best) || Double.isNaN(fin[k]) ? Double.NaN : best - fin[k];
    }
    return out;
  }

  /** The mean of the defined per-class forgetting values, NaN if none is defined. */
  public double meanForgetting() {
    double sum = 0;
    int n = 0;
    for (double f : forgetting()) {
      if (!Double.isNaN(f)) {
        sum += f;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
