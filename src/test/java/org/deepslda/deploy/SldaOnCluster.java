package org.deepslda.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
 *       every image from each, the feature and label arrays equal;
 *   <li>{@link #extractLosingAWorkerAndCompare}: {@code slda extract} on the cluster again, into a
 *       fresh store, while a worker is killed mid-extraction; the same exports and store rows as
 *       the undisturbed cluster run;
 *   <li>{@link #runAndCompare}: {@code slda run} on ni/0, the result files equal value for value.
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
    for (String where : List.of("local", "cluster")) {
      extractAndExport(where);
    }
    for (String suffix : List.of("_features.npy", "_labels.npy")) {
      NpyArray local = npy(exportFile("local", suffix));
      NpyArray remote = npy(exportFile("cluster", suffix));
      assertArrayEquals(local.shape(), remote.shape(), suffix + ": shapes differ");
      assertArrayEquals(local.toDoubles(), remote.toDoubles(), suffix + " differs");
    }
  }

  /**
   * Extracts every image into a fresh store on the cluster, through the launcher, and kills
   * (SIGKILL) the worker whose executor started the first extraction task, while that task runs:
   * the product's task markers ({@code spark.slda.testing.taskMarkers}) say when and where. The job
   * must complete on the surviving worker, the lost task must have run again elsewhere, and the
   * store must be bitwise identical to the undisturbed cluster run's in the sense that can be
   * checked (the Parquet files' bytes differ by construction: commit folders carry a timestamp and
   * a random suffix, part files a job id):
   *
   * <ul>
   *   <li>{@code slda export} of every image gives the same {@code .npy} files, byte for byte;
   *   <li>the store has one complete commit and no leftover temporary output, and read with Spark
   *       it holds exactly one row per image: as many rows as images, as many distinct paths, and
   *       row for row the same path, session, object, category, frame and feature bits as the
   *       undisturbed store.
   * </ul>
   *
   * The cluster must hold two ALIVE workers, and has one after this.
   *
   * @param reader a local Spark session of the test JVM, to read the stores
   */
  void extractLosingAWorkerAndCompare(SparkSession reader)
      throws IOException, InterruptedException {
    requireSubcommands("synth", "extract", "export");
    extractAndExport("cluster");
    Path root = dataset();
    Path markers = work.resolve("fault-markers");
    assertFalse(markers.toString().contains(" "), "SLDA_SUBMIT_OPTS splits on spaces");
    Map<String, String> env = new HashMap<>(StandaloneClusterIT.SMALL_APP);
    env.put("SLDA_SUBMIT_OPTS", "--conf spark.slda.testing.taskMarkers=" + markers);
    List<String> extract =
        command("extract --data %s --backbone random-resnet18:0 --store %s", root, store("fault"));
    SubmittedApp app = cluster.startScript("slda-extract-fault", launcher(), env, extract);
    TaskMarker first =
        TaskMarker.awaitFirst(markers, app, Duration.ofMinutes(3), cluster::diagnostics);
    int victim =
        cluster
            .workerOf(first.application(), first.executor())
            .orElseThrow(
                () -> new AssertionError("no worker ran " + first + cluster.diagnostics()));
    cluster.killWorker(victim);
    LOG.info("killed worker {} while its executor ran extraction task {}", victim, first);
    expectSuccess(app);

    List<TaskMarker> all = TaskMarker.list(markers);
    assertTrue(
        all.stream().anyMatch(m -> m.partition() == first.partition() && m.pid() != first.pid()),
        "extraction task " + first.partition() + " did not run again elsewhere: " + all);
    export("fault");
    for (String suffix : List.of("_features.npy", "_labels.npy")) {
      byte[] undisturbed = Files.readAllBytes(exportFile("cluster", suffix));
      byte[] disturbed = Files.readAllBytes(exportFile("fault", suffix));
      assertEquals(
          -1,
          Arrays.mismatch(undisturbed, disturbed),
          suffix
              + ": first differing byte after the worker loss (sizes "
              + undisturbed.length
              + ", "
              + disturbed.length
              + ")");
    }
    List<String> undisturbedRows = storeRows(reader, store("cluster"));
    List<String> disturbedRows = storeRows(reader, store("fault"));
    assertEquals(undisturbedRows.size(), disturbedRows.size(), "rows in the stores");
    assertEquals(undisturbedRows, disturbedRows, "store rows differ after the worker loss");
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
      String name = "slda-" + args.get(0) + "-cluster";
      expectSuccess(cluster.startScript(name, launcher(), StandaloneClusterIT.SMALL_APP, args));
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
   * {@code slda extract} of every image into {@code store(where)} ({@code local[2]} or the
   * cluster), then {@code slda export} of every image from it; once per {@code where}.
   */
  private void extractAndExport(String where) throws IOException, InterruptedException {
    if (Files.isRegularFile(exportFile(where, "_labels.npy"))) {
      return;
    }
    List<String> extract =
        command(
            "extract --data %s --backbone random-resnet18:0 --store %s", dataset(), store(where));
    runHere(where, extract);
    export(where);
  }

  /** {@code slda export} (in {@code local[1]}) of every image from {@code store(where)}. */
  private void export(String where) throws IOException, InterruptedException {
    Path root = dataset();
    List<String> export =
        command(
            "export --store %s --data %s --filelist %s --out %s",
            store(where), root, everyImageFilelist(root), exportPrefix(where));
    expectSuccess(cluster.processes().submit(slda(export), "local[1]"));
  }

  /**
   * One string per row of the store at {@code store}, sorted by path: its metadata and the raw bits
   * of its features. Asserts first that the store holds exactly one complete commit (with Spark's
   * {@code _SUCCESS}), nothing temporary, and one row per image of the dataset.
   */
  private List<String> storeRows(SparkSession reader, Path store)
      throws IOException, InterruptedException {
    List<Path> commits;
    try (Stream<Path> dirs = Files.list(store.resolve("parts"))) {
      commits = dirs.toList();
    }
    assertEquals(1, commits.size(), "commit folders in " + store + ": " + commits);
    Path commit = commits.get(0);
    assertTrue(Files.isRegularFile(commit.resolve("_SUCCESS")), "no _SUCCESS in " + commit);
    try (Stream<Path> files = Files.walk(store)) {
      List<Path> temporary =
          files.filter(f -> f.getFileName().toString().startsWith("_temporary")).toList();
      assertEquals(List.of(), temporary, "temporary output left in " + store);
    }
    Dataset<Row> rows = reader.read().parquet(commit.toString());
    long images = everyImage(dataset()).size();
    assertEquals(images, rows.count(), "rows in " + store);
    assertEquals(images, rows.select("path").distinct().count(), "distinct paths in " + store);
    return rows.orderBy("path").collectAsList().stream().map(SldaOnCluster::rowBits).toList();
  }

  /** A store row as text, the features as their raw IEEE bits (so -0.0 and NaNs count). */
  private static String rowBits(Row r) {
    List<Float> features = r.getList(r.fieldIndex("features"));
    StringBuilder out = new StringBuilder();
    for (String column : List.of("path", "session", "object", "category", "frame")) {
      out.append(column).append('=').append(r.get(r.fieldIndex(column))).append(' ');
    }
    out.append("bits=");
    for (Float f : features) {
      out.append(Integer.toHexString(Float.floatToRawIntBits(f))).append(',');
    }
    return out.toString();
  }

  /**
   * Writes (once) a filelist of every image of the dataset ({@code <path> <object - 1>} lines,
   * sorted by path), independent of the filelists that {@code synth} may or may not write.
   */
  private Path everyImageFilelist(Path root) throws IOException {
    Path filelist = work.resolve("every_image_filelist.txt");
    if (!Files.isRegularFile(filelist)) {
      List<String> lines = new ArrayList<>();
      for (Path image : everyImage(root)) {
        lines.add(image + " " + (objectOf(image) - 1));
      }
      Files.write(filelist, lines);
    }
    return filelist;
  }

  /** Every {@code .png} of the dataset, relative to its image folder, sorted. */
  private static List<Path> everyImage(Path root) throws IOException {
    Path images = root.resolve("core50_128x128");
    try (Stream<Path> files = Files.walk(images)) {
      List<Path> out =
          files
              .filter(f -> f.getFileName().toString().endsWith(".png"))
              .map(images::relativize)
              .sorted()
              .toList();
      assertFalse(out.isEmpty(), "no images under " + images);
      return out;
    }
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

  private Path exportPrefix(String where) {
    return work.resolve("every-" + where);
  }

  private Path exportFile(String where, String suffix) {
    return Path.of(exportPrefix(where) + suffix);
  }

  private Path launcher() {
    return build.projectDir().resolve("submit").resolve("standalone.sh");
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
