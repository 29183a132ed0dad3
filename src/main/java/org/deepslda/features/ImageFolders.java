package org.deepslda.features;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;
import org.deepslda.common.HadoopFiles;

/** Lists the images under an image folder on any Hadoop file system. */
public final class ImageFolders {
  /** File name endings counted as images (lower case). */
  public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

  private ImageFolders() {}

  /**
   * Every image file under {@code folder}, recursively, as '/' separated paths relative to it,
   * sorted. Hidden files and folders (starting with '.' or '_') are skipped.
   *
   * @throws BadInputException if the folder does not exist or holds no image
   */
  public static List<String> list(String folder, Configuration conf) {
    Path root = new Path(folder);
    FileSystem fs = HadoopFiles.fs(root, conf);
    List<String> out = new ArrayList<>();
    try {
      String prefix = fs.getFileStatus(root).getPath().toUri().getPath();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        String p = it.next().getPath().toUri().getPath();
        String rel = p.substring(prefix.length() + (prefix.endsWith("/") ? 0 : 1));
        if (isImage(rel)) {
          out.add(rel);
        }
      }
    } catch (FileNotFoundException e) {
      throw new BadInputException("image folder " + folder + " does not exist", e);
    } catch (IOException e) {
      throw new EnvironmentException("cannot list image folder " + folder + ": " + e, e);
    }
    if (out.isEmpty()) {
      throw new BadInputException(
          "image folder " + folder + " holds no image (" + String.join(", ", EXTENSIONS) + ")");
    }
    Collections.sort(out);
    return out;
  }

  private static boolean isImage(String rel) {
    for (String part : rel.split("/")) {
      if (part.startsWith(".") || part.startsWith("_")) {
        return false;
      }
    }
    int dot = rel.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(rel.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
