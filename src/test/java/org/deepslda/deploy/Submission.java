package org.deepslda.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One {@code spark-submit} of an application, independent of the master it goes to: the application
 * jar and main class, the extra jars shipped to the executors ({@code --jars}), Spark settings
 * ({@code --conf}) and the program's arguments. Immutable; build with {@link #builder}. The same
 * submission can run on the test cluster and in local mode, which is how the cluster tests compare
 * the two.
 */
final class Submission {
  private final String name;
  private final Path appJar;
  private final String mainClass;
  private final List<Path> jars;
  private final Map<String, String> conf;
  private final List<String> args;

  private Submission(Builder b) {
    this.name = b.name;
    this.appJar = b.appJar;
    this.mainClass = b.mainClass;
    this.jars = List.copyOf(b.jars);
    this.conf = new LinkedHashMap<>(b.conf);
    this.args = List.copyOf(b.args);
  }

  /**
   * Starts a submission of {@code mainClass} in {@code appJar}, with the settings every test
   * submission needs: loopback driver addresses, no driver UI, 512 MB executors of one core, {@code
   * -Xss4m} on driver and executors (LAPACK in the LDA needs the larger stack).
   *
   * @param name a short label; names the submission's log file
   */
  static Builder builder(String name, Path appJar, String mainClass) {
    return new Builder(name, appJar, mainClass);
  }

  String name() {
    return name;
  }

  /** The arguments of {@code SparkSubmit} that follow its class name, for {@code master}. */
  List<String> sparkSubmitArgs(String master) {
    List<String> out = new ArrayList<>(List.of("--master", master, "--deploy-mode", "client"));
    out.addAll(List.of("--name", name, "--class", mainClass));
    if (!jars.isEmpty()) {
      out.add("--jars");
      out.add(jars.stream().map(Path::toString).collect(Collectors.joining(",")));
    }
    conf.forEach((k, v) -> out.addAll(List.of("--conf", k + "=" + v)));
    out.add(appJar.toString());
    out.addAll(args);
    return out;
  }

  /** Collects a submission's parts; later settings of the same key win. */
  static final class Builder {
    private final String name;
    private final Path appJar;
    private final String mainClass;
    private final List<Path> jars = new ArrayList<>();
    private final Map<String, String> conf = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>();

    private Builder(String name, Path appJar, String mainClass) {
      this.name = name;
      this.appJar = appJar;
      this.mainClass = mainClass;
      conf("spark.driver.host", "127.0.0.1");
      conf("spark.driver.bindAddress", "127.0.0.1");
      conf("spark.ui.enabled", "false");
      conf("spark.executor.memory", "512m");
      conf("spark.executor.cores", "1");
      conf("spark.driver.extraJavaOptions", "-Xss4m");
      conf("spark.executor.extraJavaOptions", "-Xss4m");
    }

    /** Jars the executors fetch from the driver ({@code --jars}), in class path order. */
    Builder jars(List<Path> extra) {
      jars.addAll(extra);
      return this;
    }

    Builder conf(String key, String value) {
      conf.put(key, value);
      return this;
    }

    /** The program's own arguments, after the application jar. */
    Builder args(String... values) {
      args.addAll(List.of(values));
      return this;
    }

    Submission build() {
      if (mainClass == null || mainClass.isBlank()) {
        throw new IllegalArgumentException("a submission needs a main class");
      }
      return new Submission(this);
    }
  }
}
