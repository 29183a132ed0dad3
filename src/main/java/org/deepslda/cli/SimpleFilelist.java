package org.deepslda.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.deepslda.common.HadoopFiles;
import org.deepslda.data.ImageRecord;

/**
 * Reads a {@code --filelist FILE} for {@code extract} and {@code export}: one {@code <path relative
 * to the image folder> <label>} per line, in stream order; blank lines are skipped. A relative FILE
 * that does not exist as given is looked up under the dataset root (so {@code
 * batches_filelists/NC_inc/run0/test_filelist.txt} works with {@code --data ROOT}).
 */
final class SimpleFilelist {
  private SimpleFilelist() {}

  /** The filelist's URI: as given if it exists, else under {@code root}. */
  static String resolve(String file, String root, Configuration conf) {
    if (HadoopFiles.exists(file, conf)) {
      return file;
    }
    boolean relative = !file.startsWith("/") && !file.contains(":");
    if (relative && HadoopFiles.exists(HadoopFiles.join(root, file), conf)) {
      return HadoopFiles.join(root, file);
    }
    throw new BadInputException(
        "--filelist "
            + file
            + ": no such file"
            + (relative ? " (nor under --data " + root + ")" : ""));
  }

  /**
   * The records of a filelist, in order.
   *
   * @throws BadInputException naming {@code file:line} for a malformed line
   */
  static List<ImageRecord> read(String uri, Configuration conf) {
    List<String> lines = HadoopFiles.readLines(uri, conf);
    List<ImageRecord> records = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty()) {
        records.add(parse(line, uri, i + 1));
      }
    }
    if (records.isEmpty()) {
      throw new BadInputException(uri + ": the filelist has no entries");
    }
    return records;
  }

  private static ImageRecord parse(String line, String uri, int number) {
    String[] parts = line.split("\\s+");
    if (parts.length == 2) {
      try {
        int label = Integer.parseInt(parts[1]);
        if (label >= 0) {
          return new ImageRecord(parts[0], label);
        }
      } catch (NumberFormatException e) {
        // reported below with the line
      }
    }
    throw new BadInputException(
        uri
            + ":"
            + number
            + ": expected '<path relative to the image folder> <label >= 0>', found '"
            + line
            + "'");
  }
}
