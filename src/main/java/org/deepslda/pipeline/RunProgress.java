package org.deepslda.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.deepslda.common.HadoopFiles;
import org.deepslda.common.Json;
import org.deepslda.eval.Confusion;

/**
 * What a run has finished so far, one entry per completed batch, saved after each batch's
 * checkpoint ({@code progress.json}) so that {@code --resume} restarts after the last batch
 * whose checkpoint and entry both exist, and ends with the same files as an uninterrupted run.
 */
final class RunProgress {
  /**
   * One completed batch.
   *
   * @param batch 0-based index in the stream
   * @param images training images in the batch
   * @param confusion the test confusion matrix after the batch, {@code [truth][predicted]}
   * @param fitSeconds time to pull the batch's features and fit it
   * @param scoreSeconds time to score the test set
   * @param predictions test predictions in test-list order, or null if not kept
   */
  record Batch(
      int batch,
      int images,
      long[][] confusion,
      double fitSeconds,
      double scoreSeconds,
      int[] predictions) {}

  private final List<Batch> batches;

  private RunProgress(List<Batch> batches) {
    this.batches = batches;
  }

  static RunProgress empty() {
    return new RunProgress(new ArrayList<>());
  }

  /** Reads {@code progress.json}, keeping only entries up to {@code lastBatch} inclusive. */
  static RunProgress load(String uri, Configuration conf, int lastBatch) {
    if (!HadoopFiles.exists(uri, conf)) {
      return empty();
    }
    String text = new String(HadoopFiles.readAllBytes(uri, conf), StandardCharsets.UTF_8);
    List<Batch> all;
    try {
      all = Json.mapper().readValue(text, new TypeReference<List<Batch>>() {});
    } catch (IOException e) {
      throw new BadInputException(uri + ": damaged progress file (" + e.getMessage() + ")", e);
    }
    List<Batch> kept = new ArrayList<>();
    for (Batch b : all) {
      if (b.batch() != kept.size()) {
        throw new BadInputException(
            uri + ": expected batch " + kept.size() + " next, found " + b.batch());
      }
      if (b.batch() <= lastBatch) {
        kept.add(b);
      }
    }
    return new RunProgress(kept);
  }

  void add(Batch b) {
    if (b.batch() != batches.size()) {
      throw new IllegalStateException("batch " + b.batch() + " after " + batches.size());
    }
    batches.add(b);
  }

  void save(String uri, Configuration conf) {
    HadoopFiles.writeStringAtomically(uri, conf, Json.write(batches));
  }

  int completed() {
    return batches.size();
  }

  List<Batch> batches() {
    return List.copyOf(batches);
  }

  List<Confusion> confusions() {
    List<Confusion> out = new ArrayList<>();
    for (Batch b : batches) {
      out.add(Confusion.of(b.confusion()));
    }
    return out;
  }
}
