package org.deepslda.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;
import org.deepslda.common.HadoopFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams over any class-per-folder image set, {@code ROOT/<class>/<image>} (images may sit in
 * sub-folders of a class folder). Labels are the index of the class folder in name order. Each
 * class's held-out test images are a seeded sample; the test list is in label, then path order.
 * Image files: png, jpg, jpeg, bmp, gif (any case); hidden files are skipped.
 */
public final class ImageFolderStreams {
  private static final Logger LOG = LoggerFactory.getLogger(ImageFolderStreams.class);
  private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

  private ImageFolderStreams() {}

  /** One class: its label and its training and test images. */
  private record ClassSplit(int label, List<ImageRecord> train, List<ImageRecord> test) {}

  /** {@link #build(String, ImageFolderOptions, Configuration)} with a default configuration. */
  public static ImageStream build(String root, ImageFolderOptions opts) {
    return build(root, opts, HadoopFiles.defaultConf());
  }

  /**
   * The stream of an image folder.
   *
   * @throws BadInputException if the root has no class folder with images
   */
  public static ImageStream build(String root, ImageFolderOptions opts, Configuration conf) {
    List<String> classes = classFolders(root, conf);
    Random random = new Random(opts.seed());
    List<ClassSplit> splits = new ArrayList<>();
    for (String name : classes) {
      List<String> images = images(root, name, conf);
      if (images.isEmpty()) {
        LOG.warn("{}: class folder {} holds no images; skipped", root, name);
        continue;
      }
      splits.add(split(splits.size(), images, opts.testFraction(), random));
    }
    if (splits.isEmpty()) {
      throw new BadInputException(
          root + ": no class folders with images; expected ROOT/<class>/<image>.png|jpg");
    }
    List<ImageRecord> test = new ArrayList<>();
    splits.forEach(s -> test.addAll(s.test()));
    List<List<ImageRecord>> batches = batches(splits, opts, random);
    String mode = opts.mode() == ImageFolderOptions.Mode.CLASS_INCREMENTAL ? "class" : "instance";
    String name = "folder-" + new Path(root).getName() + "-" + mode + "-seed" + opts.seed();
    ImageStream stream = ImageStream.of(root, batches, test, name);
    LOG.info(
        "Built {}: {} classes, {} training images in {} batches, {} test images",
        name,
        splits.size(),
        stream.trainSize(),
        batches.size(),
        test.size());
    return stream;
  }

  private static List<List<ImageRecord>> batches(
      List<ClassSplit> splits, ImageFolderOptions opts, Random random) {
    if (opts.mode() == ImageFolderOptions.Mode.INSTANCE_INCREMENTAL) {
      List<ImageRecord> all = new ArrayList<>();
      splits.forEach(s -> all.addAll(s.train()));
      Collections.shuffle(all, random);
      return Orderings.chunks(all, opts.imagesPerBatch());
    }
    List<ClassSplit> order = new ArrayList<>(splits);
    Collections.shuffle(order, random);
    List<List<ImageRecord>> batches = new ArrayList<>();
    for (List<ClassSplit> group : Orderings.chunks(order, opts.classesPerBatch())) {
      List<ImageRecord> batch = new ArrayList<>();
      group.forEach(s -> batch.addAll(s.train()));
      Collections.shuffle(batch, random);
      batches.add(batch);
    }
    return batches;
  }

  private static ClassSplit split(int label, List<String> images, double frac, Random random) {
    List<String> shuffled = new ArrayList<>(images);
    Collections.shuffle(shuffled, random);
    int nTest = (int) Math.min(images.size() - 1, Math.round(frac * images.size()));
    List<String> testPaths = new ArrayList<>(shuffled.subList(0, nTest));
    testPaths.sort(null);
    List<ImageRecord> train = new ArrayList<>();
    shuffled.subList(nTest, shuffled.size()).forEach(p -> train.add(new ImageRecord(p, label)));
    List<ImageRecord> test = new ArrayList<>();
    testPaths.forEach(p -> test.add(new ImageRecord(p, label)));
    return new ClassSplit(label, train, test);
  }

  private static List<String> classFolders(String root, Configuration conf) {
    Path dir = new Path(root);
    List<String> names = new ArrayList<>();
    try {
      for (FileStatus s : HadoopFiles.fs(dir, conf).listStatus(dir)) {
        if (s.isDirectory() && !FolderListing.hidden(s.getPath().getName())) {
          names.add(s.getPath().getName());
        }
      }
    } catch (FileNotFoundException e) {
      throw new BadInputException(root + ": image folder not found", e);
    } catch (IOException e) {
      throw new EnvironmentException("cannot list " + root + ": " + e.getMessage(), e);
    }
    names.sort(null);
    return names;
  }

  private static List<String> images(String root, String className, Configuration conf) {
    List<String> out = new ArrayList<>();
    for (String rel : FolderListing.relativeFiles(HadoopFiles.join(root, className), conf)) {
      int dot = rel.lastIndexOf('.');
      String ext = dot < 0 ? "" : rel.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (EXTENSIONS.contains(ext)) {
        out.add(className + "/" + rel);
      }
    }
    return out;
  }
}
