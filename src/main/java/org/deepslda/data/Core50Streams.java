package org.deepslda.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.deepslda.common.HadoopFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the CORe50 streams from the filelists the dataset ships: one file per training batch
 * ({@code train_batch_BB_filelist.txt}) and {@code test_filelist.txt}, per scenario, label level
 * and run. The line order is the stream order; labels come from the lines, never from the image
 * paths. Reading happens on the driver through the Hadoop FS API (no Spark job): the lists are
 * small (at most 164,866 lines).
 */
public final class Core50Streams {
  private static final Logger LOG = LoggerFactory.getLogger(Core50Streams.class);
  private static final Pattern BATCH_FILE = Pattern.compile("train_batch_(\\d+)_filelist\\.txt");
  private static final int MISSING_EXAMPLES = 5;

  private Core50Streams() {}

  /**
   * The stream of one CORe50 scenario, run and label level.
   *
   * @param src the dataset root and image size
   * @param run 0-9
   * @param conf the Hadoop configuration to reach the root
   * @throws BadInputException if the run is not 0-9, a filelist is missing, empty or has a bad line
   *     (malformed, label out of range for {@code level}, a path that leaves the image folder, a
   *     path listed twice); messages name {@code FILE:LINE}
   */
  public static ImageStream load(
      Core50Source src, Scenario scenario, int run, LabelLevel level, Configuration conf) {
    String folder = src.runFolder(scenario, level, run);
    List<String> batchFiles = batchFiles(folder, scenario, level, conf);
    List<List<ImageRecord>> batches = new ArrayList<>(batchFiles.size());
    for (String file : batchFiles) {
      batches.add(read(file, level, conf));
    }
    List<ImageRecord> test = read(src.testFilelist(scenario, level, run), level, conf);
    warnOverlap(folder, batches, test);
    String name = "core50-" + scenario.cliName() + "-run" + run + "-" + level.cliName();
    ImageStream stream = ImageStream.of(src.imageFolder(), batches, test, name);
    LOG.info(
        "Loaded {}: {} training images in {} batches, {} test images, {} classes",
        name,
        stream.trainSize(),
        stream.numBatches(),
        test.size(),
        stream.numClasses());
    return stream;
  }

  /**
   * Checks that every image of the stream exists under its image root, listing each image folder
   * once (not one request per image).
   *
   * @throws BadInputException with the number of missing images and a few examples
   */
  public static void validateImagesExist(ImageStream stream, Configuration conf) {
    Set<String> paths = new LinkedHashSet<>();
    stream.trainBatches().forEach(b -> b.forEach(r -> paths.add(r.path())));
    stream.test().forEach(r -> paths.add(r.path()));
    List<String> missing = FolderListing.missing(stream.imageRoot(), paths, conf);
    if (!missing.isEmpty()) {
      List<String> examples = missing.subList(0, Math.min(MISSING_EXAMPLES, missing.size()));
      throw new BadInputException(
          missing.size()
              + " of "
              + paths.size()
              + " images of "
              + stream.name()
              + " are missing under "
              + stream.imageRoot()
              + ", e.g. "
              + examples
              + "; check --data and --image-size, or fetch the images with 'slda fetch'");
    }
    LOG.debug("All {} images of {} exist", paths.size(), stream.name());
  }

  /** The batch filelists of a run folder in batch order; accepts any zero padding. */
  private static List<String> batchFiles(
      String folder, Scenario scenario, LabelLevel level, Configuration conf) {
    List<String> names = FolderListing.fileNames(folder, conf);
    if (names.isEmpty() && !HadoopFiles.exists(folder, conf)) {
      throw new BadInputException(
          "no filelists for scenario "
              + scenario.cliName()
              + " at "
              + level.cliName()
              + " level: "
              + folder
              + " does not exist; check --data, or fetch the filelists"
              + " with 'slda fetch --what filelists'");
    }
    TreeMap<Integer, String> byIndex = new TreeMap<>();
    for (String n : names) {
      Matcher m = BATCH_FILE.matcher(n);
      if (m.matches()) {
        String other = byIndex.put(Integer.parseInt(m.group(1)), n);
        if (other != null) {
          throw new BadInputException(
              folder + ": two filelists for one batch: " + other + " and " + n);
        }
      }
    }
    return checkIndexes(folder, scenario, byIndex);
  }

  private static List<String> checkIndexes(
      String folder, Scenario scenario, TreeMap<Integer, String> byIndex) {
    List<String> files = new ArrayList<>(scenario.batches());
    for (int b = 0; b < scenario.batches(); b++) {
      String name = byIndex.remove(b);
      if (name == null) {
        throw new BadInputException(
            HadoopFiles.join(folder, Core50Source.batchFileName(b))
                + ": filelist not found;"
                + " scenario "
                + scenario.cliName()
                + " has "
                + scenario.batches()
                + " training batches (00 to "
                + (scenario.batches() - 1)
                + ")");
      }
      files.add(HadoopFiles.join(folder, name));
    }
    if (!byIndex.isEmpty()) {
      throw new BadInputException(
          folder
              + ": unexpected "
              + byIndex.firstEntry().getValue()
              + "; scenario "
              + scenario.cliName()
              + " has only "
              + scenario.batches()
              + " training batches");
    }
    return files;
  }

  private static List<ImageRecord> read(String file, LabelLevel level, Configuration conf) {
    if (!HadoopFiles.exists(file, conf)) {
      throw new BadInputException(file + ": filelist not found; check --data and --scenario");
    }
    return FilelistParser.parse(file, HadoopFiles.readLines(file, conf), level);
  }

  private static void warnOverlap(
      String folder, List<List<ImageRecord>> batches, List<ImageRecord> test) {
    Set<String> train = new HashSet<>();
    batches.forEach(b -> b.forEach(r -> train.add(r.path())));
    long shared = test.stream().filter(r -> train.contains(r.path())).count();
    if (shared > 0) {
      LOG.warn(
          "{}: {} of {} test images also appear in the training batches; accuracies will be"
              + " optimistic",
          folder,
          shared,
          test.size());
    }
  }
}
