package org.deepslda.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.deepslda.cli.Slda;
import org.deepslda.common.NpyArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product on the test cluster. {@code slda synth} writes a small dataset in the CORe50 layout;
 * then each check runs the same {@code slda} command twice, once on the standalone cluster through
 * {@code submit/standalone.sh} (target/slda.jar, target/lib shipped with {@code --jars}) and once
 * in {@code local[2]} (the cluster's parallelism, so the same partitioning), and compares what must
 * not depend on where the work ran:
 *
 * <ul>
 *   <li>{@link #extractAndCompare}: {@code slda extract} into two stores, {@code slda export} of
 *       the test sessions' images from each, the feature and label arrays equal;
 *   <li>{@link #runAndCompare}: {@code slda run} on nc/0, the result files equal value for value.
 * </ul>
 *
 * Each check skips itself (a JUnit assumption) while this build lacks its subcommands. One instance
 * serves a test class: the dataset is made once.
 */
final class SldaOnCluster {
  /** Files of a run folder that hold results, not timings or paths. */
  static final List<String> COMPARED =
      List.of(
          "accuracies.json", "final_predictions.json", "confusion_matrices.json", "metrics.json");

  /** CORe50's test sessions. */
  private static final List<String> TEST_SESSIONS = List.of("s3", "s7", "s10");

  private static final Logger LOG = LoggerFactory.getLogger(SldaOnCluster.class);
  private static final Duration TIMEOUT = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalStandaloneCluster cluster;
  private final BuildLayout build;
  private final Path work;
  private Path data;

  SldaOnCluster(LocalStandaloneCluster cluster, BuildLayout build, Path work) {
    this.cluster = cluster;
    this.build = build;
    this.work = work;
  }

  /** Extracts every image's features on the cluster and locally; asserts equal exports. */
  void extractAndCompare() throws IOException, InterruptedException {
    requireSubcommands("synth", "extract", "export");
    Path root = dataset();
    Path filelist = testFilelist(root);
    for (String where : List.of("local", "cluster")) {
      runHere(
          where,
          command("extract --data %s --backbone random-resnet18:0 --store %s", root, store(where)));
      List<String> export =
          command(
              "export --store %s --data %s --filelist %s --out %s",
              store(where), root, filelist, work.resolve("test-" + where));
      expectSuccess(cluster.processes().submit(slda(export), "local[1]"));
    }
    for (String suffix : List.of("_features.npy", "_labels.npy")) {
      NpyArray local = npy(work.resolve("test-local" + suffix));
      NpyArray remote = npy(work.resolve("test-cluster" + suffix));
      assertArrayEquals(local.shape(), remote.shape(), suffix + ": shapes differ");
      assertArrayEquals(local.toDoubles(), remote.toDoubles(), suffix + " differs");
    }
  }

  /** Runs the scenario on the cluster and locally; asserts equal results. */
  void runAndCompare() throws IOException, InterruptedException {
    requireSubcommands("synth", "run");
    Path root = dataset();
    for (String where : List.of("local", "cluster")) {
      runHere(
          where,
          command(
              "run --data %s --scenario ni --run 0 --level category --backbone random-resnet18:0"
                  + " --store %s --out %s",
              root, store(where), work.resolve("run-" + where)));
    }
    for (String file : COMPARED) {
      assertEquals(
          json(work.resolve("run-local").resolve(file)),
          json(work.resolve("run-cluster").resolve(file)),
          file + " differs between local mode and the cluster");
    }
  }

  /** {@code slda ARGS} in {@code local[2]} ("local") or through the launcher on the cluster. */
  private void runHere(String where, List<String> args) throws InterruptedException {
    if (where.equals("local")) {
      expectSuccess(cluster.processes().submit(slda(args), "local[2]"));
    } else {
      Path script = build.projectDir().resolve("submit").resolve("standalone.sh");
      String name = "slda-" + args.get(0) + "-cluster";
      expectSuccess(cluster.startScript(name, script, StandaloneClusterIT.SMALL_APP, args));
    }
  }

  /**
   * A synthetic dataset of 3 categories x 2 objects x 1 frame per session (66 images), made once.
   */
  private Path dataset() throws InterruptedException {
    if (data == null) {
      Path root = work.resolve("data");
      List<String> synth =
          command(
              "synth --out %s --seed 0 --categories 3 --objects-per-category 2 --frames 1"
                  + " --runs 1",
              root);
      expectSuccess(cluster.processes().submit(slda(synth), "local[1]"));
      data = root;
    }
    return data;
  }

  /**
   * Writes a filelist of every test-session image ({@code <path> <object - 1>} lines, sorted by
   * path), independent of the filelists that {@code synth} may or may not write.
   */
  private Path testFilelist(Path root) throws IOException {
    Path images = root.resolve("core50_128x128");
    List<String> lines = new ArrayList<>();
    for (String session : TEST_SESSIONS) {
      try (Stream<Path> files = Files.walk(images.resolve(session))) {
        files
            .filter(f -> f.getFileName().toString().endsWith(".png"))
            .map(images::relativize)
            .forEach(f -> lines.add(f + " " + (objectOf(f) - 1)));
      }
    }
    assertFalse(lines.isEmpty(), "no test-session images under " + images);
    lines.sort(null);
    return Files.write(work.resolve("test_filelist.txt"), lines);
  }

  /** The object number of a relative image path {@code sS/oO/...}. */
  private static int objectOf(Path relative) {
    return Integer.parseInt(relative.getName(1).toString().substring(1));
  }

  /**
   * A command line from a template: split on spaces, then each {@code %s} token replaced by the
   * next value (so values may hold spaces).
   */
  private static List<String> command(String template, Object... values) {
    List<String> out = new ArrayList<>();
    int next = 0;
    for (String token : template.split(" ")) {
      out.add(token.equals("%s") ? String.valueOf(values[next++]) : token);
    }
    if (next != values.length) {
      throw new IllegalArgumentException(values.length + " values for " + next + " slots");
    }
    return out;
  }

  private Path store(String where) {
    return work.resolve("store-" + where);
  }

  private void requireSubcommands(String... names) {
    Set<String> present = Slda.commandLine().getSubcommands().keySet();
    assumeTrue(
        present.containsAll(List.of(names)),
        "this build's slda lacks one of " + List.of(names) + "; it has " + present);
    assumeTrue(Files.isRegularFile(build.appJar()), "no " + build.appJar());
  }

  private Submission slda(List<String> args) {
    List<String> all = new ArrayList<>(args);
    return Submission.builder(
            "slda-" + all.get(0) + "-" + Math.abs(all.hashCode()),
            build.appJar(),
            "org.deepslda.cli.Slda")
        .jars(build.appLibraries())
        .conf("spark.executor.memory", "1g")
        .conf("spark.cores.max", "2")
        .args(all.toArray(String[]::new))
        .build();
  }

  private void expectSuccess(SubmittedApp app) throws InterruptedException {
    SubmitResult r = app.await(TIMEOUT);
    LOG.info("{} exited with {} after {} s", app.name(), r.exitCode(), r.elapsed().toSeconds());
    assertEquals(
        0,
        r.exitCode(),
        () -> "slda failed; driver output:\n" + r.tail(8000) + cluster.diagnostics());
  }

  private static JsonNode json(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  private static NpyArray npy(Path file) throws IOException {
    return NpyArray.parse(Files.readAllBytes(file), file.toString());
  }
}
