package org.deepslda.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.deepslda.common.HadoopFiles;
import org.deepslda.common.Json;
import org.deepslda.report.Plots;

/**
 * The sweep's summary, rebuilt from every complete point folder (not only this invocation's):
 * {@code summary.json} and {@code summary.csv}, one row per point sorted by folder name, and per
 * scenario {@code curves_<scenario>.png}, the mean accuracy over runs after each batch with a
 * +/- one standard deviation band, one line per hyper-parameter setting.
 */
final class SweepSummary {
  static final List<String> COLUMNS =
      List.of("point", "scenario", "run", "level", "shrinkage", "plastic_cov", "mask_unseen",
          "accuracy_per_batch", "final_accuracy", "mean_incremental_accuracy", "seconds");

  private final SweepFolder sweep;
  private final Configuration conf;

  SweepSummary(SweepFolder sweep, Configuration conf) {
    this.sweep = sweep;
    this.conf = conf;
  }

  /** Writes the summary files; returns the rows written. */
  List<Map<String, Object>> write() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RunFolder f : sweep.completePoints()) {
      rows.add(row(f));
    }
    HadoopFiles.writeStringAtomically(sweep.file("summary.json"), conf, Json.write(rows));
    HadoopFiles.writeStringAtomically(sweep.file("summary.csv"), conf, csv(rows));
    writeCurves(rows);
    return rows;
  }

  private Map<String, Object> row(RunFolder f) {
    JsonNode params = read(f, "parameter_arguments.json");
    JsonNode metrics = read(f, "metrics.json");
    JsonNode meta = read(f, "experimental_meta_data.json");
    List<Double> acc = new ArrayList<>();
    metrics.get("accuracy_per_batch").forEach(v -> acc.add(v.asDouble()));
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("point", new org.apache.hadoop.fs.Path(f.uri()).getName());
    row.put("scenario", params.get("scenario").asText());
    row.put("run", params.get("run").asInt());
    row.put("level", params.get("label_level").asText());
    row.put("shrinkage", params.get("shrinkage").asDouble());
    row.put("plastic_cov", params.get("plastic_cov").asBoolean());
    row.put("mask_unseen", params.get("mask_unseen").asBoolean());
    row.put("accuracy_per_batch", acc);
    row.put("final_accuracy", metrics.get("final_accuracy").asDouble());
    row.put("mean_incremental_accuracy", metrics.get("mean_incremental_accuracy").asDouble());
    row.put("seconds", meta.path("point_seconds").asDouble(meta.path("time_minutes")
        .asDouble() * 60));
    return row;
  }

  private JsonNode read(RunFolder f, String name) {
    String uri = f.file(name);
    try {
      return Json.mapper().readTree(HadoopFiles.readAllBytes(uri, conf));
    } catch (IOException e) {
      throw new BadInputException(uri + ": not valid JSON (" + e.getMessage() + "); delete "
          + "the point's _SUCCESS to have the next sweep recompute it", e);
    }
  }

  static String csv(List<Map<String, Object>> rows) {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : COLUMNS) {
        Object v = row.get(c);
        cells.add(v instanceof List<?> l
            ? l.stream().map(String::valueOf).collect(Collectors.joining(";"))
            : String.valueOf(v));
      }
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }

  private void writeCurves(List<Map<String, Object>> rows) {
    Map<String, List<Map<String, Object>>> byScenario = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      byScenario.computeIfAbsent((String) row.get("scenario"), s -> new ArrayList<>()).add(row);
    }
    for (Map.Entry<String, List<Map<String, Object>>> e : byScenario.entrySet()) {
      byte[] png = Plots.meanStdCurves(curves(e.getValue()),
          "SLDA sweep, " + e.getKey() + ": test accuracy over runs");
      HadoopFiles.writeAtomically(sweep.file("curves_" + e.getKey() + ".png"), conf, png);
    }
  }

  /** Setting label to {@code [batch][run]} accuracies, cut to the shortest run's batches. */
  static Map<String, double[][]> curves(List<Map<String, Object>> rows) {
    Map<String, List<List<Double>>> bySetting = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      @SuppressWarnings("unchecked")
      List<Double> acc = (List<Double>) row.get("accuracy_per_batch");
      bySetting.computeIfAbsent(settingLabel(row), s -> new ArrayList<>()).add(acc);
    }
    Map<String, double[][]> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<List<Double>>> e : bySetting.entrySet()) {
      List<List<Double>> runs = e.getValue();
      int batches = runs.stream().mapToInt(List::size).min().orElse(0);
      double[][] values = new double[batches][runs.size()];
      for (int b = 0; b < batches; b++) {
        for (int r = 0; r < runs.size(); r++) {
          values[b][r] = runs.get(r).get(b);
        }
      }
      out.put(e.getKey(), values);
    }
    return out;
  }

  private static String settingLabel(Map<String, Object> row) {
    return "shr=" + SweepPoint.shortNumber((Double) row.get("shrinkage"))
        + " cov=" + ((Boolean) row.get("plastic_cov") ? "plastic" : "fixed")
        + " mask=" + ((Boolean) row.get("mask_unseen") ? "on" : "off");
  }
}
