package org.deepslda.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real multi-process Spark standalone cluster on 127.0.0.1 (a master and two workers of one core
 * each, every one its own JVM), with applications submitted through {@code SparkSubmit} and through
 * {@code submit/standalone.sh}, as a user would. Runs in {@code mvn verify} (failsafe, after {@code
 * package}); alone with {@code mvn verify -Dit.test=StandaloneClusterIT -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false}. Takes about 100 s on 2 cores without the product
 * checks, 5-7 minutes with them.
 *
 * <p>The smoke job ({@link org.deepslda.deploy.smoke.SmokeJob}, shipped as a jar built from the
 * test classes) shows that both workers compute, that a worker killed mid-task costs only a re-run
 * of its tasks, and that in both cases the output equals a local-mode run's.
 *
 * <p>Extension point: {@link SldaOnCluster} runs the product ({@code slda synth}, then {@code slda
 * extract} and {@code slda run}) from {@code target/slda.jar} on the cluster, through the launcher
 * script, and in local mode, and compares their outputs; each check skips itself while this build
 * lacks its subcommands. More product checks go there, ordered before the fault tests.
 *
 * <p>The two fault tests run last, each killing one worker: the smoke job's first, then the
 * extraction's, which starts a replacement worker first (a few seconds).
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  private static final Logger LOG = LoggerFactory.getLogger(StandaloneClusterIT.class);
  private static final String SMOKE_CLASS = "org.deepslda.deploy.smoke.SmokeJob";
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

  /**
   * Launcher settings that fit the test workers (1 core, 1.5 GB each): {@code submit/*.sh} defaults
   * are sized for real nodes.
   */
  static final Map<String, String> SMALL_APP =
      Map.of(
          "SLDA_DRIVER_MEMORY", "768m",
          "SLDA_EXECUTOR_MEMORY", "1g",
          "SLDA_EXECUTOR_OVERHEAD", "384m",
          "SLDA_EXECUTOR_CORES", "1",
          "SLDA_TOTAL_CORES", "2",
          "SLDA_SKIP_BUILD", "1");

  /**
   * Logs, Spark home, worker folders and outputs. Always deleted (the executors' folders hold
   * copies of target/lib): a failure message carries the end of every log instead.
   */
  @TempDir static Path work;

  private static LocalStandaloneCluster cluster;
  private static Path smokeJar;
  private static List<String> localRows;
  private static SparkSession reader;
  private static SldaOnCluster product;

  @BeforeAll
  static void startCluster() throws Exception {
    long t0 = System.nanoTime();
    cluster =
        LocalStandaloneCluster.builder(work.resolve("cluster"))
            .workers(2)
            .workerMemory("1536m")
            .start();
    LOG.info(
        "standalone cluster with 2 workers up at {} in {} s", cluster.masterUrl(), seconds(t0));
    smokeJar =
        BuildLayout.current().testJar("org.deepslda.deploy.smoke", work.resolve("smoke.jar"));
  }

  @AfterAll
  static void stopCluster() {
    if (reader != null) {
      reader.stop();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void smokeJob_runsOnBothWorkers_sameRowsAsLocalMode() throws Exception {
    Path out = work.resolve("smoke-cluster");
    SubmitResult r = cluster.submit(smoke("smoke-cluster", out, 1000), JOB_TIMEOUT);
    LOG.info("smoke job on the cluster took {} s", r.elapsed().toSeconds());

    assertSucceeded(r);
    assertTrue(r.output().contains("smoke: executors registered: 2"), r.tail(3000));
    List<TaskMarker> markers = TaskMarker.list(out.resolve("markers"));
    assertEquals(2, pids(markers).size(), "executor processes that ran tasks: " + markers);
    Set<Integer> workers = new TreeSet<>();
    markers.forEach(m -> workerOf(m).ifPresent(workers::add));
    assertEquals(Set.of(0, 1), workers, "workers whose executors ran tasks: " + markers);
    assertEquals(localRows(), rows(out), "cluster rows differ from local-mode rows");
  }

  @Test
  @Order(2)
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void standaloneScript_submitsTheApplicationJar() throws Exception {
    SubmittedApp app =
        cluster.startScript("standalone-sh", script("standalone.sh"), SMALL_APP, List.of("--help"));
    SubmitResult r = app.await(JOB_TIMEOUT);
    LOG.info("submit/standalone.sh --help took {} s", r.elapsed().toSeconds());

    assertSucceeded(r);
    assertTrue(r.output().contains("Usage: slda"), r.tail(3000));
  }

  @Test
  @Order(3)
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void sldaExtract_onCluster_sameFeaturesAsLocalMode() throws Exception {
    product().extractAndCompare();
  }

  @Test
  @Order(4)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void sldaRun_onCluster_sameResultsAsLocalMode() throws Exception {
    product().runAndCompare();
  }

  @Test
  @Order(5)
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void smokeJob_workerKilledMidTask_completesWithSameRows() throws Exception {
    Path out = work.resolve("smoke-fault");
    SubmittedApp app = cluster.start(smoke("smoke-fault", out, 2000));
    TaskMarker first =
        TaskMarker.awaitFirst(
            out.resolve("markers"), app, Duration.ofSeconds(90), cluster::diagnostics);
    int victim =
        workerOf(first)
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no worker launched the executor of " + first + cluster.diagnostics()));
    cluster.killWorker(victim);
    LOG.info(
        "killed worker {} while its executor {} ran partition {}",
        victim,
        first.executor(),
        first.partition());

    SubmitResult r = app.await(JOB_TIMEOUT);
    LOG.info("smoke job that lost a worker took {} s", r.elapsed().toSeconds());
    assertSucceeded(r);
    List<TaskMarker> markers = TaskMarker.list(out.resolve("markers"));
    assertTrue(
        markers.stream()
            .anyMatch(m -> m.partition() == first.partition() && m.pid() != first.pid()),
        "partition " + first.partition() + " was not re-run elsewhere: " + markers);
    cluster.awaitAliveWorkers(1, Duration.ofSeconds(60));
    assertEquals(localRows(), rows(out), "rows after a worker loss differ from local mode");
  }

  /**
   * Issue 7: one worker killed in the middle of {@code slda extract}: the job still completes and
   * the feature store is bitwise identical to the undisturbed one. "Bitwise identical" means
   * identical feature bits per image and an identical row set (one row per image, no duplicate or
   * partial rows); the Parquet files themselves differ (commit folder names carry a timestamp).
   * Details in {@link SldaOnCluster#extractLosingAWorkerAndCompare}.
   */
  @Test
  @Order(6)
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void sldaExtract_workerKilledMidExtraction_sameStoreAsUndisturbed() throws Exception {
    cluster.ensureAliveWorkers(2, Duration.ofSeconds(90));
    product().extractLosingAWorkerAndCompare(reader());
  }

  /** The product's checks, sharing one synthetic dataset. */
  private static SldaOnCluster product() {
    if (product == null) {
      product = new SldaOnCluster(cluster, BuildLayout.current(), work.resolve("slda"));
    }
    return product;
  }

  private static Path script(String name) {
    return BuildLayout.current().projectDir().resolve("submit").resolve(name);
  }

  /** The smoke job writing into {@code out}, with tasks of {@code taskMillis}. */
  private static Submission smoke(String name, Path out, long taskMillis) {
    return Submission.builder(name, smokeJar, SMOKE_CLASS)
        .conf("spark.cores.max", "2")
        .conf(
            "spark.executor.extraJavaOptions",
            "-Xss4m " + String.join(" ", SparkProcesses.QUICK_START))
        .args(
            "--out",
            out.toString(),
            "--markers",
            out.resolve("markers").toString(),
            "--rows",
            "4000",
            "--partitions",
            "8",
            "--task-ms",
            Long.toString(taskMillis),
            "--executors",
            "2")
        .build();
  }

  /** The smoke job's rows from a local-mode run, computed once. */
  private static List<String> localRows() throws InterruptedException {
    if (localRows == null) {
      Path out = work.resolve("smoke-local");
      Submission local =
          Submission.builder("smoke-local", smokeJar, SMOKE_CLASS)
              .args(
                  "--out",
                  out.toString(),
                  "--markers",
                  out.resolve("markers").toString(),
                  "--rows",
                  "4000",
                  "--partitions",
                  "8",
                  "--task-ms",
                  "0")
              .build();
      SubmitResult r = cluster.processes().submit(local, "local[2]").await(JOB_TIMEOUT);
      LOG.info("smoke job in local mode took {} s", r.elapsed().toSeconds());
      assertSucceeded(r);
      localRows = rows(out);
    }
    return localRows;
  }

  /** The smoke job's Parquet output, one string per row, ordered by bucket. */
  private static List<String> rows(Path out) {
    List<Row> rows =
        reader()
            .read()
            .parquet(out.resolve("buckets").toString())
            .orderBy("bucket")
            .collectAsList();
    assertFalse(rows.isEmpty(), "no rows in " + out);
    return rows.stream().map(Row::toString).toList();
  }

  /** A {@code local[1]} Spark session in this JVM that reads the jobs' outputs, made once. */
  private static SparkSession reader() {
    if (reader == null) {
      reader =
          SparkSession.builder()
              .master("local[1]")
              .appName("cluster-it-reader")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .getOrCreate();
    }
    return reader;
  }

  private static OptionalInt workerOf(TaskMarker m) {
    return cluster.workerOf(m.application(), m.executor());
  }

  private static Set<Long> pids(List<TaskMarker> markers) {
    return markers.stream().map(TaskMarker::pid).collect(Collectors.toCollection(TreeSet::new));
  }

  private static void assertSucceeded(SubmitResult r) {
    assertEquals(
        0,
        r.exitCode(),
        () -> "spark-submit failed; driver output:\n" + r.tail(8000) + cluster.diagnostics());
  }

  private static long seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000_000L;
  }
}
