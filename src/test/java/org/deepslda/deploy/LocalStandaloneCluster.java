package org.deepslda.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A real Spark standalone cluster on this machine, for tests: one Master and N Workers, each its
 * own JVM started from the Maven jars, every port on 127.0.0.1 and picked free at start.
 * Applications reach it through {@link #submit} ({@code SparkSubmit} in client mode, a JVM of its
 * own too). {@link #close} kills every process the cluster started, executors included; use it in
 * try-with-resources or an {@code @AfterAll}.
 *
 * <pre>{@code
 * try (LocalStandaloneCluster cluster = LocalStandaloneCluster.builder(tmp).workers(2).start()) {
 *   SubmitResult r = cluster.submit(submission, Duration.ofMinutes(2));
 * }
 * }</pre>
 *
 * <p>Readiness and worker loss are read from the Master's status JSON ({@code /json/} on its web UI
 * port). Not thread safe.
 */
public final class LocalStandaloneCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(250);

  private final SparkProcesses processes;
  private final int masterPort;
  private final int masterUiPort;
  private final List<Process> workers = new ArrayList<>();
  private final int coresPerWorker;
  private final String workerMemory;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalStandaloneCluster(
      SparkProcesses processes, int coresPerWorker, String workerMemory) {
    this.processes = processes;
    this.coresPerWorker = coresPerWorker;
    this.workerMemory = workerMemory;
    this.masterPort = freePort();
    this.masterUiPort = freePort();
  }

  /** A cluster whose processes keep their logs, Spark home and work folders under {@code work}. */
  public static Builder builder(Path work) {
    return new Builder(work);
  }

  /** {@code spark://127.0.0.1:PORT}, the URL to give {@code --master}. */
  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The processes' launcher, for submissions that do not go to this cluster (local mode). */
  SparkProcesses processes() {
    return processes;
  }

  /** Starts {@code SparkSubmit} for {@code submission} on this cluster; returns at once. */
  public SubmittedApp start(Submission submission) {
    return processes.submit(submission, masterUrl());
  }

  /** Submits and waits; kills the driver and fails after {@code timeout}. */
  public SubmitResult submit(Submission submission, Duration timeout) throws InterruptedException {
    return start(submission).await(timeout);
  }

  /**
   * Runs a launcher script (e.g. {@code submit/standalone.sh}) against this cluster: {@code
   * SLDA_MASTER} is this master's URL, {@code SPARK_SUBMIT} a stand-in for a Spark install's, and
   * {@code env} adds or overrides the rest (memory and cores must fit the workers).
   */
  public SubmittedApp startScript(
      String name, Path script, Map<String, String> env, List<String> args) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("SLDA_MASTER", masterUrl());
    return processes.runScript(name, script, all, args);
  }

  /**
   * Kills worker {@code index} (0-based, in start order) with its executors, as a lost node:
   * SIGKILL, no clean shutdown. The master and the drivers learn of it from the dropped
   * connections.
   */
  public void killWorker(int index) {
    Processes.killTree(workers.get(index).toHandle());
  }

  /**
   * The worker that launched executor {@code executorId} of application {@code appId}, read from
   * the worker's work folder ({@code <work>/<appId>/<executorId>/}), which outlives the executor.
   *
   * @return the worker's index (start order), or empty when no worker launched it
   */
  public OptionalInt workerOf(String appId, String executorId) {
    for (int i = 0; i < workers.size(); i++) {
      if (Files.isDirectory(workerDir(i).resolve(appId).resolve(executorId))) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** How many workers the master holds ALIVE now. */
  public int aliveWorkers() {
    return status().path("aliveworkers").asInt(-1);
  }

  /** Waits until the master holds exactly {@code count} workers ALIVE. */
  public void awaitAliveWorkers(int count, Duration timeout) throws InterruptedException {
    awaitStatus(
        "master to hold " + count + " ALIVE workers", timeout, () -> aliveWorkers() == count);
  }

  /**
   * Starts new workers (sized like the first ones, indices after theirs) until the master holds
   * {@code count} ALIVE, e.g. to replace a killed one; waits for their registration.
   */
  public void ensureAliveWorkers(int count, Duration timeout)
      throws IOException, InterruptedException {
    int alive = aliveWorkers();
    if (alive < 0) {
      throw new IllegalStateException("the master does not answer" + diagnostics());
    }
    int missing = count - alive;
    for (int i = 0; i < missing; i++) {
      startWorker(workers.size());
    }
    if (missing > 0) {
      awaitAliveWorkers(count, timeout);
    }
  }

  /** Every log of the cluster and its applications, cut to their ends, for failure messages. */
  public String diagnostics() {
    return processes.diagnostics(4000);
  }

  @Override
  public void close() {
    processes.close();
  }

  private void startMaster(Duration timeout) throws InterruptedException {
    Process master =
        processes.start(
            "master",
            List.of("-Xmx256m", "-Dspark.master.rest.enabled=false"),
            "org.apache.spark.deploy.master.Master",
            List.of(
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(masterPort),
                "--webui-port",
                Integer.toString(masterUiPort)));
    awaitStatus(
        "the master to be ALIVE",
        timeout,
        () -> {
          requireAlive(master, "master");
          return "ALIVE".equals(status().path("status").asText());
        });
  }

  private void startWorker(int index) throws IOException {
    Path dir = Files.createDirectories(workerDir(index));
    Process worker =
        processes.start(
            "worker-" + index,
            List.of("-Xmx256m"),
            "org.apache.spark.deploy.worker.Worker",
            List.of(
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(freePort()),
                "--webui-port",
                Integer.toString(freePort()),
                "--cores",
                Integer.toString(coresPerWorker),
                "--memory",
                workerMemory,
                "--work-dir",
                dir.toString(),
                masterUrl()));
    workers.add(worker);
  }

  private void awaitWorkers(Duration timeout) throws InterruptedException {
    awaitStatus(
        "all " + workers.size() + " workers to register",
        timeout,
        () -> {
          for (int i = 0; i < workers.size(); i++) {
            requireAlive(workers.get(i), "worker-" + i);
          }
          return aliveWorkers() == workers.size();
        });
  }

  private Path workerDir(int index) {
    return processes.work().resolve("worker-" + index);
  }

  /** The master's status JSON, or an empty object while it does not answer. */
  private JsonNode status() {
    URI uri = URI.create("http://127.0.0.1:" + masterUiPort + "/json/");
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build();
    try {
      HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
      return resp.statusCode() == 200 ? JSON.readTree(resp.body()) : JSON.createObjectNode();
    } catch (IOException e) {
      return JSON.createObjectNode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JSON.createObjectNode();
    }
  }

  /** Polls {@code condition} every {@link #POLL} until it holds or {@code timeout} passes. */
  private void awaitStatus(String what, Duration timeout, Condition condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long maxPolls = timeout.toMillis() / POLL.toMillis() + 1;
    for (long poll = 0; poll < maxPolls && System.nanoTime() < deadline; poll++) {
      if (condition.holds()) {
        return;
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException(
        "timed out after " + timeout + " waiting for " + what + diagnostics());
  }

  private void requireAlive(Process p, String name) {
    if (!p.isAlive()) {
      throw new IllegalStateException(name + " exited with code " + p.exitValue() + diagnostics());
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  /** A readiness check; may throw to stop the wait early (a process died). */
  private interface Condition {
    boolean holds();
  }

  /** Sizes the cluster; {@link #start} launches it and waits until every worker registered. */
  public static final class Builder {
    private final Path work;
    private int workers = 2;
    private int coresPerWorker = 1;
    private String workerMemory = "1g";
    private List<Path> sparkJars;
    private Duration startTimeout = Duration.ofSeconds(90);

    private Builder(Path work) {
      this.work = work;
    }

    /** Number of workers (default 2). */
    public Builder workers(int count) {
      this.workers = count;
      return this;
    }

    /** Cores each worker offers (default 1, so a 1-core executor fills it). */
    public Builder coresPerWorker(int cores) {
      this.coresPerWorker = cores;
      return this;
    }

    /** Memory each worker offers to executors, Spark's syntax (default {@code 1g}). */
    public Builder workerMemory(String memory) {
      this.workerMemory = memory;
      return this;
    }

    /** The jars of the Spark install (default {@link BuildLayout#sparkJars}). */
    public Builder sparkJars(List<Path> jars) {
      this.sparkJars = List.copyOf(jars);
      return this;
    }

    /** Bound on the master's start and on all workers' registration (default 90 s). */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = timeout;
      return this;
    }

    /**
     * Starts the master, then the workers, and waits until the master holds them all ALIVE. On
     * failure every process started so far is killed and the exception carries the logs.
     */
    public LocalStandaloneCluster start() throws IOException, InterruptedException {
      if (workers < 1 || coresPerWorker < 1) {
        throw new IllegalArgumentException(
            "need at least 1 worker of 1 core, got "
                + workers
                + " workers of "
                + coresPerWorker
                + " cores");
      }
      List<Path> jars = sparkJars != null ? sparkJars : BuildLayout.current().sparkJars();
      LocalStandaloneCluster cluster =
          new LocalStandaloneCluster(
              new SparkProcesses(Files.createDirectories(work), jars),
              coresPerWorker,
              workerMemory);
      try {
        cluster.startMaster(startTimeout);
        for (int i = 0; i < workers; i++) {
          cluster.startWorker(i);
        }
        cluster.awaitWorkers(startTimeout);
        return cluster;
      } catch (IOException | InterruptedException | RuntimeException e) {
        cluster.close();
        throw e;
      }
    }
  }
}
