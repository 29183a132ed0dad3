package org.deepslda.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The batches of every CORe50 scenario over a synthetic object set, built the way CORe50 builds
 * them. NI: one batch per training session, all classes. NC: 9 batches of disjoint classes, the
 * first larger (50 objects: 10 then 5s; 10 categories: 2 then 1s). NIC and NICv2-B: a first batch
 * of about a fifth of the objects in one session, then the remaining (object, session) videos in a
 * seeded order, split evenly into B - 1 batches. Within a batch, videos are in a seeded order and
 * each video's frames in temporal order. Run r draws from seed + r.
 */
final class SynthScenarios {
  /** CORe50's training sessions, in session order. */
  static final List<Integer> TRAIN_SESSIONS = List.of(1, 2, 4, 5, 6, 8, 9, 11);

  /** CORe50's test sessions. */
  static final List<Integer> TEST_SESSIONS = List.of(3, 7, 10);

  static final int SESSIONS = 11;

  /**
   * One object filmed in one session.
   *
   * @param object CORe50 object number (1-50)
   * @param objectLabel compact object label: {@code category * objectsPerCategory + j}
   */
  record Video(int session, int object, int objectLabel, int category) {
    String path(int frame) {
      return String.format("s%d/o%d/C_%02d_%02d_%03d.png", session, object, session, object, frame);
    }

    int label(LabelLevel level) {
      return level == LabelLevel.OBJECT ? objectLabel : category;
    }
  }

  private final SynthOptions opts;

  SynthScenarios(SynthOptions opts) {
    this.opts = opts;
  }

  /** Every video of every session, in (session, object) order. */
  List<Video> videos(List<Integer> sessions) {
    List<Video> videos = new ArrayList<>();
    for (int s : sessions) {
      for (int c = 0; c < opts.categories(); c++) {
        for (int j = 0; j < opts.objectsPerCategory(); j++) {
          videos.add(new Video(s, 5 * c + j + 1, c * opts.objectsPerCategory() + j, c));
        }
      }
    }
    return videos;
  }

  /** Why a scenario cannot be made at a level with this object count, or null if it can. */
  String skipReason(Scenario scenario, LabelLevel level) {
    if (scenario == Scenario.NC && classes(level) < Scenario.NC.batches()) {
      return "nc needs at least 9 classes for its 9 batches; "
          + level.cliName()
          + " level has "
          + classes(level);
    }
    if (scenario != Scenario.NI && scenario != Scenario.NC) {
      int rest = restUnits();
      if (rest < scenario.batches() - 1) {
        return scenario.cliName()
            + " needs at least "
            + (scenario.batches() - 1)
            + " (object, session) videos after its first batch; there are "
            + rest;
      }
    }
    return null;
  }

  /** The training batches of a scenario, level and run; {@link #skipReason} must be null. */
  List<List<ImageRecord>> batches(Scenario scenario, LabelLevel level, int run) {
    Random random = new Random((opts.seed() + run) * 1_000_003L + scenario.ordinal());
    List<List<Video>> groups;
    if (scenario == Scenario.NI) {
      groups = byNewInstances(random);
    } else if (scenario == Scenario.NC) {
      groups = byNewClasses(level, random);
    } else {
      groups = byVideos(scenario.batches(), random);
    }
    List<List<ImageRecord>> batches = new ArrayList<>(groups.size());
    for (List<Video> g : groups) {
      Collections.shuffle(g, random);
      batches.add(records(g, level));
    }
    return batches;
  }

  /** The test list: sessions 3, 7, 10, in (session, object, frame) order. */
  List<ImageRecord> test(LabelLevel level) {
    return records(videos(TEST_SESSIONS), level);
  }

  private List<List<Video>> byNewInstances(Random random) {
    List<Integer> sessions = new ArrayList<>(TRAIN_SESSIONS);
    Collections.shuffle(sessions, random);
    List<List<Video>> groups = new ArrayList<>();
    sessions.forEach(s -> groups.add(videos(List.of(s))));
    return groups;
  }

  private List<List<Video>> byNewClasses(LabelLevel level, Random random) {
    List<Integer> classes = new ArrayList<>();
    for (int c = 0; c < classes(level); c++) {
      classes.add(c);
    }
    Collections.shuffle(classes, random);
    List<Video> all = videos(TRAIN_SESSIONS);
    List<List<Video>> groups = new ArrayList<>();
    int from = 0;
    for (int size : ncSizes(classes.size())) {
      List<Integer> members = classes.subList(from, from + size);
      List<Video> g = new ArrayList<>();
      all.stream().filter(v -> members.contains(v.label(level))).forEach(g::add);
      groups.add(g);
      from += size;
    }
    return groups;
  }

  /** NIC/NICv2: first batch = F objects in one session, then the other videos split evenly. */
  private List<List<Video>> byVideos(int batches, Random random) {
    List<Integer> sessions = new ArrayList<>(TRAIN_SESSIONS);
    Collections.shuffle(sessions, random);
    List<Video> first = videos(List.of(sessions.get(0)));
    Collections.shuffle(first, random);
    first = new ArrayList<>(first.subList(0, firstBatchObjects()));
    List<Video> rest = new ArrayList<>(videos(TRAIN_SESSIONS));
    rest.removeAll(first);
    Collections.shuffle(rest, random);
    List<List<Video>> groups = new ArrayList<>();
    groups.add(first);
    int n = batches - 1;
    int from = 0;
    for (int b = 0; b < n; b++) {
      int size = rest.size() / n + (b < rest.size() % n ? 1 : 0);
      groups.add(new ArrayList<>(rest.subList(from, from + size)));
      from += size;
    }
    return groups;
  }

  /**
   * The NC batch sizes for a class count of at least 9: 8 later batches of {@code max(1, classes /
   * 10)} classes, the first batch taking the rest.
   */
  static int[] ncSizes(int classes) {
    int later = Math.max(1, classes / 10);
    int[] sizes = new int[Scenario.NC.batches()];
    java.util.Arrays.fill(sizes, later);
    sizes[0] = classes - later * (sizes.length - 1);
    return sizes;
  }

  private int classes(LabelLevel level) {
    return level == LabelLevel.OBJECT ? opts.objects() : opts.categories();
  }

  private int firstBatchObjects() {
    return Math.max(1, opts.objects() / 5);
  }

  private int restUnits() {
    return TRAIN_SESSIONS.size() * opts.objects() - firstBatchObjects();
  }

  private List<ImageRecord> records(List<Video> videos, LabelLevel level) {
    List<ImageRecord> out = new ArrayList<>(videos.size() * opts.frames());
    for (Video v : videos) {
      for (int f = 0; f < opts.frames(); f++) {
        out.add(new ImageRecord(v.path(f), v.label(level)));
      }
    }
    return out;
  }
}
