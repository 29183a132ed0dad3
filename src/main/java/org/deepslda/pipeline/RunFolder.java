package org.deepslda.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;
import org.deepslda.common.HadoopFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's output folder (any Hadoop FS path). While a run goes on it holds the per-batch
 * checkpoints and {@code progress.json}; the result files appear only at the end, and the
 * marker {@link #SUCCESS} is written last, so a folder without it never looks complete.
 *
 * <p>Policy for an existing folder: a complete run is refused unless {@code --overwrite} (which
 * deletes only the files a run writes) or {@code --resume} (which then has nothing to do); an
 * incomplete run is refused unless {@code --resume} (continue) or {@code --overwrite}; files
 * that a run does not write are never touched.
 */
public final class RunFolder {
  private static final Logger LOG = LoggerFactory.getLogger(RunFolder.class);
  public static final String SUCCESS = "_SUCCESS";
  public static final String PROGRESS = "progress.json";
  /** Images left out as unreadable ({@code --skip-bad-images}), written with the results. */
  public static final String SKIPPED = "skipped_images.json";
  static final Pattern BATCH_CHECKPOINT = Pattern.compile("slda_model_batch_(\\d+)\\.npz");
  static final List<String> RESULT_FILES =
      List.of(
          "accuracies.json",
          "parameter_arguments.json",
          "experimental_meta_data.json",
          "final_predictions.json",
          "incremental_performance.png",
          "final_slda_model.npz",
          "metrics.json",
          "confusion_matrices.json",
          "confusion_matrix.png",
          "all_predictions.json",
          SKIPPED,
          PROGRESS,
          SUCCESS);

  private final String uri;
  private final Configuration conf;

  public RunFolder(String uri, Configuration conf) {
    this.uri = uri;
    this.conf = conf;
  }

  public String uri() {
    return uri;
  }

  public String file(String name) {
    return HadoopFiles.join(uri, name);
  }

  public static String batchCheckpointName(int batch) {
    return "slda_model_batch_" + batch + ".npz";
  }

  public boolean isComplete() {
    return HadoopFiles.exists(file(SUCCESS), conf);
  }

  /** Whether the folder holds any file a run writes. */
  public boolean hasRunFiles() {
    return !runFiles().isEmpty();
  }

  /**
   * Applies the policy above before any work starts.
   *
   * @return true if the caller should resume from the checkpoints already there
   */
  public boolean prepare(boolean resume, boolean overwrite) {
    if (resume && overwrite) {
      throw new BadInputException("--resume and --overwrite exclude each other: choose one");
    }
    if (!hasRunFiles()) {
      mkdirs();
      return false;
    }
    if (overwrite) {
      deleteRunFiles();
      mkdirs();
      return false;
    }
    if (resume) {
      return true;
    }
    String state = isComplete() ? "a complete run" : "an incomplete run";
    throw new BadInputException(
        "--out " + uri + " already holds " + state + "; pass --resume to continue it, "
            + "--overwrite to replace it, or choose another --out");
  }

  /** The highest batch index with a checkpoint in the folder, or -1. */
  public int lastCheckpointedBatch() {
    int last = -1;
    for (FileStatus s : list()) {
      Matcher m = BATCH_CHECKPOINT.matcher(s.getPath().getName());
      if (m.matches()) {
        last = Math.max(last, Integer.parseInt(m.group(1)));
      }
    }
    return last;
  }

  private List<FileStatus> runFiles() {
    List<FileStatus> files = new ArrayList<>();
    for (FileStatus s : list()) {
      String name = s.getPath().getName();
      if (RESULT_FILES.contains(name) || BATCH_CHECKPOINT.matcher(name).matches()) {
        files.add(s);
      }
    }
    return files;
  }

  private List<FileStatus> list() {
    Path p = new Path(uri);
    FileSystem fs = HadoopFiles.fs(p, conf);
    try {
      if (!fs.exists(p)) {
        return List.of();
      }
      if (!fs.getFileStatus(p).isDirectory()) {
        throw new BadInputException("--out " + uri + " is a file, expected a folder");
      }
      return List.of(fs.listStatus(p));
    } catch (IOException e) {
      throw new EnvironmentException("cannot list " + uri + ": " + e.getMessage(), e);
    }
  }

  private void deleteRunFiles() {
    Path p = new Path(uri);
    FileSystem fs = HadoopFiles.fs(p, conf);
    try {
      // the marker goes first, so an interrupted delete never leaves a folder that looks done
      fs.delete(new Path(p, SUCCESS), false);
      for (FileStatus s : runFiles()) {
        fs.delete(s.getPath(), false);
      }
    } catch (IOException e) {
      throw new EnvironmentException("cannot clear " + uri + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the result files of a run whose end failed part way (a full disk while writing them),
   * so that none looks complete; keeps the checkpoints and {@code progress.json}, from which
   * {@code --resume} writes the results again. Best effort: a file that cannot be deleted is
   * left, but the marker {@link #SUCCESS} was never written.
   */
  public void discardResults() {
    Path p = new Path(uri);
    FileSystem fs = HadoopFiles.fs(p, conf);
    for (String name : RESULT_FILES) {
      if (!name.equals(PROGRESS)) {
        try {
          fs.delete(new Path(p, name), false);
        } catch (IOException e) {
          LOG.warn("cannot delete the partial result {}: {}", file(name), e.getMessage());
        }
      }
    }
  }

  private void mkdirs() {
    Path p = new Path(uri);
    try {
      if (!HadoopFiles.fs(p, conf).mkdirs(p)) {
        throw new EnvironmentException("cannot create the output folder " + uri);
      }
    } catch (IOException e) {
      throw new EnvironmentException(
          "cannot create the output folder " + uri + ": " + e.getMessage(), e);
    }
  }

  /** Sum of the sizes of the files in the folder, in bytes (the seed's external memory). */
  public long sizeBytes() {
    long total = 0;
    for (FileStatus s : list()) {
      total += s.isFile() ? s.getLen() : 0;
    }
    return total;
  }
}
