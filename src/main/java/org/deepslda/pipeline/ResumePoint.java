package org.deepslda.pipeline;

import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.deepslda.lda.SldaCheckpoint;
import org.deepslda.lda.SldaOptions;
import org.deepslda.lda.StreamingLda;

/**
 * Where a run starts: from nothing, or ({@code --resume}) after the last batch whose checkpoint
 * and {@code progress.json} entry both exist. Read before Spark starts, so that a damaged
 * checkpoint costs the user no wait.
 *
 * <p>A checkpoint that cannot be loaded (truncated, edited, another format version) or that was
 * made with other settings (feature length, class count, shrinkage, plastic covariance, masking)
 * is refused, never skipped silently: the message names the file and the two ways on. Deleting
 * the named checkpoint makes {@code --resume} start after the batch before it (its own checkpoint
 * and progress entry are still there); {@code --overwrite} starts the run again.
 *
 * @param progress the completed batches
 * @param checkpoint the model after the last completed batch, or null to start from scratch
 * @param file the checkpoint's URI, for messages, or null
 */
record ResumePoint(RunProgress progress, StreamingLda checkpoint, String file) {
  /** A new run's start; a fresh instance each time, since the run adds to its progress. */
  static ResumePoint start() {
    return new ResumePoint(RunProgress.empty(), null, null);
  }

  /** The point after the last complete batch of {@code folder}. */
  static ResumePoint read(RunFolder folder, Configuration conf) {
    int last = folder.lastCheckpointedBatch();
    RunProgress progress = RunProgress.load(folder.file(RunFolder.PROGRESS), conf, last);
    if (progress.completed() == 0) {
      return new ResumePoint(progress, null, null);
    }
    String file = folder.file(RunFolder.batchCheckpointName(progress.completed() - 1));
    try {
      return new ResumePoint(progress, SldaCheckpoint.load(file, conf), file);
    } catch (BadInputException e) {
      throw new BadInputException(e.getMessage() + howToGoOn(file), e);
    }
  }

  /**
   * The model to continue: the checkpoint, if its settings are {@code wanted}, else a new one.
   *
   * @throws BadInputException if the checkpoint was made with other settings
   */
  StreamingLda model(SldaOptions wanted) {
    if (checkpoint == null) {
      return new StreamingLda(wanted);
    }
    SldaOptions found = checkpoint.options();
    if (!found.equals(wanted)) {
      throw new BadInputException(
          file + ": the checkpoint was made with " + describe(found) + ", this run has "
              + describe(wanted) + howToGoOn(file));
    }
    return checkpoint;
  }

  private static String describe(SldaOptions o) {
    return "d=" + o.dim() + ", " + o.numClasses() + " classes, shrinkage " + o.shrinkage()
        + ", plastic covariance " + o.plasticCov() + ", mask unseen " + o.maskUnseen();
  }

  private static String howToGoOn(String file) {
    return "; cannot resume from it: delete " + file + " to resume from the batch before it,"
        + " or pass --overwrite instead of --resume to start the run again";
  }
}
