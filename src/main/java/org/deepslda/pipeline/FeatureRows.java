package org.deepslda.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepslda.data.ImageRecord;
import org.deepslda.data.ImageStream;

/**
 * The union of the images a set of sweep points needs, each given one row of the shared feature
 * matrix (first-seen order over the points' training batches, then test sets), and the points'
 * streams rewritten as row numbers.
 */
final class FeatureRows {
  private final Map<String, Integer> rowOf;
  private final List<ImageRecord> records;

  private FeatureRows(Map<String, Integer> rowOf, List<ImageRecord> records) {
    this.rowOf = rowOf;
    this.records = records;
  }

  /** Rows for every image of the streams of {@code points} ({@code streams} by point key). */
  static FeatureRows of(List<SweepPoint> points, Map<String, ImageStream> streams) {
    Map<String, Integer> rowOf = new LinkedHashMap<>();
    List<ImageRecord> records = new ArrayList<>();
    for (SweepPoint p : points) {
      ImageStream s = streams.get(SweepJob.key(p));
      List<ImageRecord> all = new ArrayList<>(s.allTraining());
      all.addAll(s.test());
      for (ImageRecord r : all) {
        if (rowOf.putIfAbsent(r.path(), records.size()) == null) {
          records.add(new ImageRecord(r.path(), 0));
        }
      }
    }
    return new FeatureRows(rowOf, records);
  }

  /** One record per matrix row, in row order (labels are not used). */
  List<ImageRecord> records() {
    return records;
  }

  PointTask task(SweepPoint p, ImageStream s, boolean checkpoints) {
    int batches = s.numBatches();
    int[][] rows = new int[batches][];
    int[][] labels = new int[batches][];
    for (int i = 0; i < batches; i++) {
      rows[i] = rows(s.trainBatches().get(i));
      labels[i] = labels(s.trainBatches().get(i));
    }
    return new PointTask(p, s.numClasses(), rows, labels, rows(s.test()), labels(s.test()),
        checkpoints);
  }

  private int[] rows(List<ImageRecord> list) {
    return list.stream().mapToInt(r -> rowOf.get(r.path())).toArray();
  }

  private static int[] labels(List<ImageRecord> list) {
    return list.stream().mapToInt(ImageRecord::label).toArray();
  }
}
