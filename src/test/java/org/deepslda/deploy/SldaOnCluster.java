package org.deepslda.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.deepslda.cli.Slda;

/**
 * The product on the test cluster: {@code slda synth} writes a small dataset in the CORe50 layout,
 * then the same {@code slda run} goes once to the standalone cluster (target/slda.jar with {@code
 * --jars} of target/lib, as {@code submit/standalone.sh} submits it) and once to {@code local[2]}
 * (same parallelism, so the same partitioning), and the result files that must not depend on where
 * the work ran are compared value for value.
 *
 * <p>Skipped (a JUnit assumption) while the {@code slda} in this build lacks {@code synth} or
 * {@code run}. To cover {@code slda extract} the same way: extract on the cluster into one store
 * and locally into another, then {@code slda export} both for one filelist and compare the {@code
 * _features.npy} files byte for byte.
 */
final class SldaOnCluster {
  /** Files of a run folder that hold results, not timings or paths. */
  static final List<String> COMPARED =
      List.of(
          "accuracies.json", "final_predictions.json", "confusion_matrices.json", "metrics.json");

  private static final Duration TIMEOUT = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalStandaloneCluster cluster;
  private final BuildLayout build;
  private final Path work;

  SldaOnCluster(LocalStandaloneCluster cluster, BuildLayout build, Path work) {
    this.cluster = cluster;
    this.build = build;
    this.work = work;
  }

  /** Runs the scenario on the cluster and locally; asserts equal results. */
  void runAndCompare() throws IOException, InterruptedException {
    Set<String> subcommands = Slda.commandLine().getSubcommands().keySet();
    assumeTrue(
        subcommands.containsAll(List.of("synth", "run")),
        "slda has no synth/run subcommand in this build yet: " + subcommands);
    assumeTrue(Files.isRegularFile(build.appJar()), "no " + build.appJar());

    Path data = work.resolve("data");
    expectSuccess(
        cluster
            .processes()
            .submit(slda("synth", "--out", data.toString(), "--seed", "0"), "local[1]"));
    Path localRun = work.resolve("run-local");
    expectSuccess(cluster.processes().submit(run("local", data, localRun), "local[2]"));
    Path clusterRun = work.resolve("run-cluster");
    Path script = build.projectDir().resolve("submit/standalone.sh");
    expectSuccess(
        cluster.startScript(
            "slda-run-cluster",
            script,
            StandaloneClusterIT.SMALL_APP,
            runArgs("cluster", data, clusterRun)));

    for (String file : COMPARED) {
      assertEquals(
          json(localRun.resolve(file)),
          json(clusterRun.resolve(file)),
          file + " differs between local mode and the cluster");
    }
  }

  /** {@code slda run} on nc/0 into {@code out}, with a feature store of its own. */
  private Submission run(String where, Path data, Path out) {
    return slda(runArgs(where, data, out).toArray(String[]::new));
  }

  private List<String> runArgs(String where, Path data, Path out) {
    return List.of(
        "run",
        "--data",
        data.toString(),
        "--scenario",
        "nc",
        "--run",
        "0",
        "--level",
        "category",
        "--backbone",
        "random-resnet18:0",
        "--store",
        work.resolve("store-" + where).toString(),
        "--out",
        out.toString());
  }

  private Submission slda(String... args) {
    return Submission.builder(
            "slda-" + args[0] + "-" + Math.abs(List.of(args).hashCode()),
            build.appJar(),
            "org.deepslda.cli.Slda")
        .jars(build.appLibraries())
        .conf("spark.executor.memory", "1g")
        .conf("spark.cores.max", "2")
        .args(args)
        .build();
  }

  private void expectSuccess(SubmittedApp app) throws InterruptedException {
    SubmitResult r = app.await(TIMEOUT);
    assertEquals(
        0,
        r.exitCode(),
        () -> "slda failed; driver output:\n" + r.tail(8000) + cluster.diagnostics());
  }

  private static JsonNode json(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }
}
