package org.deepslda.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deepslda.common.EnvironmentException;
import org.deepslda.common.HadoopFiles;

/**
 * A sweep's output folder (any Hadoop FS path): {@code points/<point>/} holds one point's run
 * files, completed by {@link RunFolder#SUCCESS} written last; {@code summary.csv}, {@code
 * summary.json} and {@code curves_<scenario>.png} sit at the top. A point folder with the marker
 * is complete and never recomputed; one without it is written again, file by file (each
 * atomically). Nothing is ever deleted.
 */
final class SweepFolder {
  static final String POINTS = "points";

  private final String uri;
  private final Configuration conf;

  SweepFolder(String uri, Configuration conf) {
    this.uri = uri.endsWith("/") && uri.length() > 1 ? uri.substring(0, uri.length() - 1) : uri;
    this.conf = conf;
  }

  String uri() {
    return uri;
  }

  String file(String name) {
    return HadoopFiles.join(uri, name);
  }

  RunFolder point(SweepPoint p) {
    return new RunFolder(HadoopFiles.join(file(POINTS), p.name()), conf);
  }

  boolean isComplete(SweepPoint p) {
    return point(p).isComplete();
  }

  /** The folders under {@code points/} that hold a complete point, sorted by name. */
  List<RunFolder> completePoints() {
    Path root = new Path(file(POINTS));
    FileSystem fs = HadoopFiles.fs(root, conf);
    List<RunFolder> out = new ArrayList<>();
    try {
      if (!fs.exists(root)) {
        return out;
      }
      List<String> names = new ArrayList<>();
      for (FileStatus s : fs.listStatus(root)) {
        if (s.isDirectory()) {
          names.add(s.getPath().getName());
        }
      }
      names.sort(null);
      for (String name : names) {
        RunFolder f = new RunFolder(HadoopFiles.join(file(POINTS), name), conf);
        if (f.isComplete()) {
          out.add(f);
        }
      }
      return out;
    } catch (IOException e) {
      throw new EnvironmentException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }
}
