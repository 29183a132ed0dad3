package org.deepslda.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Starts Spark's JVM entry points (Master, Worker, {@code SparkSubmit}) as child processes of this
 * JVM, from the Maven jars alone, and kills them all on {@link #close}. Every process gets {@code
 * SPARK_LOCAL_IP=127.0.0.1}, so nothing listens beyond the loopback interface, and a {@code
 * SPARK_HOME} under the work folder whose {@code jars/} links the Spark jars (a Worker builds its
 * executors' class path from it) with {@code SPARK_SCALA_VERSION=2.13}, and keeps its scratch files
 * under the work folder ({@code SPARK_LOCAL_DIRS}, {@code java.io.tmpdir}). Each process writes
 * stdout and stderr to {@code <work>/logs/<name>.log}, and runs with {@link #QUICK_START}.
 *
 * <p>Not thread safe: one test thread drives it. A JVM shutdown hook kills what is still running if
 * the test JVM is stopped before {@code close}.
 */
final class SparkProcesses implements AutoCloseable {
  /**
   * JVM options for the short-lived test JVMs: the client compiler only and the serial collector
   * start faster and use fewer threads on a small machine; throughput does not matter.
   */
  static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private final Path work;
  private final Path logs;
  private final Path sparkHome;
  private final String classpath;
  private final List<Process> started = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::killAll, "spark-processes-cleanup");

  /**
   * Prepares {@code work} (logs, {@code SPARK_HOME}, log4j configuration) for processes that run on
   * {@code sparkJars}.
   */
  SparkProcesses(Path work, List<Path> sparkJars) {
    this.work = work;
    this.logs = work.resolve("logs");
    this.sparkHome = work.resolve("spark-home");
    this.classpath =
        sparkJars.stream()
            .map(Path::toString)
            .collect(Collectors.joining(java.io.File.pathSeparator));
    try {
      Files.createDirectories(logs);
      Files.createDirectories(work.resolve("tmp"));
      Files.createDirectories(work.resolve("local"));
      linkJars(sparkJars, Files.createDirectories(sparkHome.resolve("jars")));
      writeLog4j();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + work, e);
    }
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  Path work() {
    return work;
  }

  Path log(String name) {
    return logs.resolve(name + ".log");
  }

  /**
   * Starts {@code java <jvmOptions> -cp <spark jars> <mainClass> <args>} with the Spark
   * environment; the process is killed (with its children) on {@link #close}.
   */
  Process start(String name, List<String> jvmOptions, String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>(javaCommand(jvmOptions));
    cmd.add(mainClass);
    cmd.addAll(args);
    return start(name, builder(name, cmd));
  }

  private List<String> javaCommand(List<String> jvmOptions) {
    List<String> cmd = new ArrayList<>(List.of(JAVA));
    // Spark's own launcher (bin/spark-class) opens these JDK packages to every JVM it starts;
    // Kryo and Spark's unsafe memory code need them on Java 17.
    cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    cmd.addAll(QUICK_START);
    cmd.addAll(jvmOptions);
    cmd.add("-Dlog4j2.configurationFile=" + work.resolve("log4j2.properties"));
    cmd.add("-Djava.io.tmpdir=" + work.resolve("tmp"));
    cmd.addAll(List.of("-cp", classpath));
    return cmd;
  }

  private ProcessBuilder builder(String name, List<String> cmd) {
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log(name).toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    Map<String, String> env = pb.environment();
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    // Scratch space of drivers, workers and (through the workers) executors, so that nothing
    // outlives the work folder, not even the files of a killed executor.
    env.put("SPARK_LOCAL_DIRS", work.resolve("local").toString());
    env.remove("SPARK_CONF_DIR");
    return pb;
  }

  private Process start(String name, ProcessBuilder pb) {
    try {
      Process p = pb.start();
      started.add(p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + pb.command(), e);
    }
  }

  /** Writes (once) {@code <work>/bin/spark-submit}, a shell script that runs SparkSubmit. */
  private Path sparkSubmitStandIn() {
    Path script = work.resolve("bin").resolve("spark-submit");
    if (Files.isRegularFile(script)) {
      return script;
    }
    List<String> java = javaCommand(List.of("-Xmx768m", "-Xss4m"));
    String quoted =
        java.stream()
            .map(a -> "'" + a.replace("'", "'\\''") + "'")
            .collect(Collectors.joining(" "));
    String text =
        "#!/usr/bin/env bash\nexec " + quoted + " org.apache.spark.deploy.SparkSubmit \"$@\"\n";
    try {
      Files.createDirectories(script.getParent());
      Files.writeString(script, text);
      if (!script.toFile().setExecutable(true)) {
        throw new IOException("cannot make " + script + " executable");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + script, e);
    }
    return script;
  }

  /** Runs {@code SparkSubmit} for {@code submission} against {@code master}, in the background. */
  SubmittedApp submit(Submission submission, String master) {
    String name = "submit-" + submission.name();
    Process p =
        start(
            name,
            List.of("-Xmx768m", "-Xss4m"),
            "org.apache.spark.deploy.SparkSubmit",
            submission.sparkSubmitArgs(master));
    return new SubmittedApp(name, p, log(name));
  }

  /**
   * Runs a launcher script ({@code submit/*.sh}) with {@code env} added to the Spark environment,
   * in the background. Its {@code SPARK_SUBMIT} is a stand-in for a Spark install's {@code
   * bin/spark-submit}: it runs {@code SparkSubmit} on the Spark jars in a JVM started like {@link
   * #submit}'s.
   */
  SubmittedApp runScript(String name, Path script, Map<String, String> env, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
    cmd.addAll(args);
    ProcessBuilder pb = builder(name, cmd);
    pb.environment().put("SPARK_SUBMIT", sparkSubmitStandIn().toString());
    pb.environment().putAll(env);
    return new SubmittedApp(name, start(name, pb), log(name));
  }

  /** Every log under this work folder, each cut to its last {@code maxChars} characters. */
  String diagnostics(int maxChars) {
    StringBuilder out = new StringBuilder();
    try (var files = Files.walk(work)) {
      files
          .filter(
              f ->
                  f.getFileName().toString().endsWith(".log")
                      || f.getFileName().toString().equals("stderr"))
          .sorted()
          .forEach(
              f ->
                  out.append("\n----- ")
                      .append(work.relativize(f))
                      .append(" -----\n")
                      .append(Processes.tail(f, maxChars)));
    } catch (IOException e) {
      out.append("(cannot list ").append(work).append(": ").append(e.getMessage()).append(')');
    }
    return out.toString();
  }

  @Override
  public void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and runs the hook itself.
    }
  }

  /** Kills, newest first, every process started here and each one's children. */
  private void killAll() {
    for (int i = started.size() - 1; i >= 0; i--) {
      Processes.killTree(started.get(i).toHandle());
    }
  }

  private static void linkJars(List<Path> jars, Path dir) throws IOException {
    for (Path jar : jars) {
      Path link = dir.resolve(jar.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, jar.toAbsolutePath());
      }
    }
  }

  /** Spark's own lines at INFO (the daemons' logs are read only when a test fails). */
  private void writeLog4j() throws IOException {
    Files.writeString(
        work.resolve("log4j2.properties"),
        String.join(
            "\n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.stdout.ref = console",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.target = SYSTEM_ERR",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1}: %m%n%ex",
            "logger.jetty.name = org.sparkproject.jetty",
            "logger.jetty.level = warn",
            "logger.parquet.name = org.apache.parquet",
            "logger.parquet.level = warn",
            ""));
  }

  private static java.io.File nullDevice() {
    return new java.io.File("/dev/null");
  }
}
