package org.deepslda.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link Ordering}s of the Deep SLDA paper from the CORe50 image folder itself (not from
 * filelists): training sessions s1, s2, s4, s5, s6, s8, s9, s11, test sessions s3, s7, s10. A video
 * is one object in one session; its frames are ordered by frame number. Labels are the rank of the
 * object (or category) among those found, which on the full dataset is object - 1 (category). The
 * same seed gives the same stream.
 */
public final class Orderings {
  private static final Logger LOG = LoggerFactory.getLogger(Orderings.class);

  /** CORe50's test sessions; every other session is training data. */
  public static final Set<Integer> TEST_SESSIONS = Set.of(3, 7, 10);

  private Orderings() {}

  /** One image with what its name says about it. */
  private record Frame(String path, Core50Name name, int label) {}

  /**
   * The stream of an ordering.
   *
   * @param k images per batch for {@link Ordering#IID} and {@link Ordering#INSTANCE}; classes per
   *     batch for {@link Ordering#CLASS_IID} and {@link Ordering#CLASS_INSTANCE}
   * @param seed fixes the class, video and image orders
   * @throws BadInputException if {@code k < 1}, the folder holds no CORe50-named images, or more
   *     classes than {@code level} allows
   */
  public static ImageStream build(
      Core50Source src, Ordering o, LabelLevel level, long seed, int k, Configuration conf) {
    if (k < 1) {
      String what = o.byClass() ? "classes per batch" : "images per batch";
      throw new BadInputException(o.cliName() + ": " + what + " must be at least 1, found " + k);
    }
    List<Frame> frames = listFrames(src, level, conf);
    List<Frame> train = new ArrayList<>();
    List<Frame> test = new ArrayList<>();
    for (Frame f : frames) {
      (TEST_SESSIONS.contains(f.name().session()) ? test : train).add(f);
    }
    if (train.isEmpty()) {
      throw new BadInputException(
          src.imageFolder() + ": no images of the training sessions (all but s3, s7, s10)");
    }
    Random random = new Random(seed);
    List<List<Frame>> batches = order(o, train, k, random);
    String name = "core50-" + o.cliName() + "-" + level.cliName() + "-seed" + seed;
    ImageStream stream = ImageStream.of(src.imageFolder(), records(batches), toRecords(test), name);
    LOG.info(
        "Built {}: {} training images in {} batches, {} test images",
        name,
        train.size(),
        batches.size(),
        test.size());
    return stream;
  }

  private static List<List<Frame>> order(Ordering o, List<Frame> train, int k, Random random) {
    switch (o) {
      case IID:
        return chunks(shuffled(train, random), k);
      case INSTANCE:
        return chunks(concat(shuffled(videos(train), random)), k);
      case CLASS_IID:
        return classBatches(train, k, random, false);
      case CLASS_INSTANCE:
        return classBatches(train, k, random, true);
      default:
        throw new IllegalStateException("unhandled ordering " + o);
    }
  }

  private static List<List<Frame>> classBatches(
      List<Frame> train, int k, Random random, boolean temporal) {
    Map<Integer, List<Frame>> byClass = new TreeMap<>();
    train.forEach(f -> byClass.computeIfAbsent(f.label(), c -> new ArrayList<>()).add(f));
    List<List<Integer>> groups = chunks(shuffled(new ArrayList<>(byClass.keySet()), random), k);
    List<List<Frame>> batches = new ArrayList<>(groups.size());
    for (List<Integer> group : groups) {
      List<Frame> members = new ArrayList<>();
      group.forEach(c -> members.addAll(byClass.get(c)));
      batches.add(temporal ? concat(shuffled(videos(members), random)) : shuffled(members, random));
    }
    return batches;
  }

  /** The videos (object, session) of the frames, in (session, object) order, frames in time. */
  private static List<List<Frame>> videos(List<Frame> frames) {
    Map<Long, List<Frame>> byVideo = new TreeMap<>();
    for (Frame f : frames) {
      long key = (long) f.name().session() << 32 | f.name().object();
      byVideo.computeIfAbsent(key, x -> new ArrayList<>()).add(f);
    }
    List<List<Frame>> videos = new ArrayList<>(byVideo.values());
    videos.forEach(v -> v.sort(Comparator.comparingInt(f -> f.name().frame())));
    return videos;
  }

  private static List<Frame> listFrames(Core50Source src, LabelLevel level, Configuration conf) {
    List<String> paths = FolderListing.relativeFiles(src.imageFolder(), conf);
    List<Core50Name> names = new ArrayList<>(paths.size());
    paths.forEach(p -> names.add(Core50Name.parse(p)));
    Map<Integer, Integer> labels = labelRanks(names, level, src.imageFolder());
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      Core50Name n = names.get(i);
      if (n.isCore50()) {
        frames.add(new Frame(paths.get(i), n, labels.get(classKey(n, level))));
      }
    }
    frames.sort(
        Comparator.comparing((Frame f) -> f.name().session())
            .thenComparing(f -> f.name().object())
            .thenComparing(f -> f.name().frame()));
    LOG.debug(
        "{} of {} files under {} are CORe50 images",
        frames.size(),
        paths.size(),
        src.imageFolder());
    return frames;
  }

  private static Map<Integer, Integer> labelRanks(
      List<Core50Name> names, LabelLevel level, String folder) {
    TreeSet<Integer> keys = new TreeSet<>();
    names.stream().filter(Core50Name::isCore50).forEach(n -> keys.add(classKey(n, level)));
    if (keys.isEmpty()) {
      throw new BadInputException(
          folder
              + ": no CORe50 images (sS/oO/C_SS_OO_FFF.png) found; check --data and"
              + " --image-size");
    }
    if (keys.size() > level.numClasses()) {
      throw new BadInputException(
          folder
              + ": found "
              + keys.size()
              + " "
              + level.cliName()
              + " classes; CORe50 has at"
              + " most "
              + level.numClasses());
    }
    Map<Integer, Integer> ranks = new TreeMap<>();
    keys.forEach(key -> ranks.put(key, ranks.size()));
    return ranks;
  }

  private static int classKey(Core50Name n, LabelLevel level) {
    return level == LabelLevel.OBJECT ? n.object() : n.category();
  }

  private static <T> List<T> shuffled(List<T> items, Random random) {
    List<T> copy = new ArrayList<>(items);
    Collections.shuffle(copy, random);
    return copy;
  }

  private static List<Frame> concat(List<List<Frame>> videos) {
    List<Frame> all = new ArrayList<>();
    videos.forEach(all::addAll);
    return all;
  }

  static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(new ArrayList<>(items.subList(i, Math.min(items.size(), i + size))));
    }
    return out;
  }

  private static List<List<ImageRecord>> records(List<List<Frame>> batches) {
    List<List<ImageRecord>> out = new ArrayList<>(batches.size());
    batches.forEach(b -> out.add(toRecords(b)));
    return out;
  }

  private static List<ImageRecord> toRecords(List<Frame> frames) {
    List<ImageRecord> out = new ArrayList<>(frames.size());
    frames.forEach(f -> out.add(new ImageRecord(f.path(), f.label())));
    return out;
  }
}
