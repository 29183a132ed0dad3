package org.deepslda.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.HadoopFiles;
import org.deepslda.common.Json;
import org.deepslda.eval.Confusion;
import org.deepslda.eval.IncrementalMetrics;

/**
 * Writes a run's result files into its folder, each atomically: the seed's {@code
 * accuracies.json}, {@code parameter_arguments.json}, {@code experimental_meta_data.json},
 * {@code final_predictions.json}, {@code incremental_performance.png}, then {@code
 * metrics.json} (per-class accuracy per batch, forgetting, mean incremental accuracy), {@code
 * confusion_matrices.json} (one per batch) and {@code confusion_matrix.png} (the last).
 */
public final class RunReport {
  private final Function<String, String> fileInFolder;
  private final Configuration conf;

  /** @param fileInFolder maps a file name to its URI inside the run folder */
  public RunReport(Function<String, String> fileInFolder, Configuration conf) {
    this.fileInFolder = fileInFolder;
    this.conf = conf;
  }

  public void writeJson(String name, Object value) {
    HadoopFiles.writeStringAtomically(fileInFolder.apply(name), conf, Json.write(value));
  }

  public void writePng(String name, byte[] png) {
    HadoopFiles.writeAtomically(fileInFolder.apply(name), conf, png);
  }

  /** Writes every result file but the meta data and the final checkpoint. */
  public void writeResults(
      IncrementalMetrics metrics, int[] finalPredictions, Map<String, Object> parameters,
      String title) {
    writeJson("accuracies.json", metrics.accuracies());
    writeJson("parameter_arguments.json", parameters);
    writeJson("final_predictions.json", finalPredictions);
    writePng("incremental_performance.png", Plots.incrementalAccuracy(metrics.accuracies(), title));
    writeJson("metrics.json", metricsJson(metrics));
    List<long[][]> all = new ArrayList<>();
    for (int i = 0; i < metrics.batches(); i++) {
      all.add(metrics.confusion(i).rows());
    }
    writeJson("confusion_matrices.json", all);
    Confusion last = metrics.last();
    writePng("confusion_matrix.png",
        Plots.confusionMatrix(last.rows(), title + ": confusion after the last batch"));
  }

  /** The metrics as JSON-ready values; NaN (a class with no test sample) becomes null. */
  public static Map<String, Object> metricsJson(IncrementalMetrics m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accuracy_per_batch", m.accuracies());
    out.put("final_accuracy", m.last().accuracy());
    out.put("mean_incremental_accuracy", m.meanIncrementalAccuracy());
    List<List<Double>> perClass = new ArrayList<>();
    for (double[] row : m.perClassAccuracies()) {
      perClass.add(nullable(row));
    }
    out.put("per_class_accuracy_per_batch", perClass);
    out.put("final_per_class_accuracy", perClass.get(perClass.size() - 1));
    out.put("forgetting_per_class", nullable(m.forgetting()));
    double meanForgetting = m.meanForgetting();
    out.put("mean_forgetting", Double.isNaN(meanForgetting) ? null : meanForgetting);
    return out;
  }

  private static List<Double> nullable(double[] values) {
    List<Double> out = new ArrayList<>();
    for (double v : values) {
      out.add(Double.isNaN(v) ? null : v);
    }
    return out;
  }
}
