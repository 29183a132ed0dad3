package org.deepslda.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Where the Maven build left what the cluster tests launch: {@code target/slda.jar}, its runtime
 * libraries in {@code target/lib}, and the class path files written in the {@code package} phase.
 * The target folder comes from the system property {@code slda.target.dir} (set by failsafe in the
 * pom), else {@code ./target}.
 */
final class BuildLayout {
  private final Path target;

  private BuildLayout(Path target) {
    this.target = target;
  }

  /** The layout of the build that runs this test. */
  static BuildLayout current() {
    return new BuildLayout(Path.of(System.getProperty("slda.target.dir", "target")));
  }

  Path target() {
    return target;
  }

  /** The project's folder (the parent of target/), where {@code submit/} and {@code conf/} are. */
  Path projectDir() {
    return target.toAbsolutePath().getParent();
  }

  /** The application jar that {@code spark-submit} runs ({@code --class org.deepslda.cli.Slda}). */
  Path appJar() {
    return target.resolve("slda.jar");
  }

  /** The application's runtime libraries, sorted by name: what {@code --jars} ships. */
  List<Path> appLibraries() {
    return jarsIn(target.resolve("lib"));
  }

  /**
   * The jars of a Spark install: {@code target/spark-classpath.txt} (Spark and its dependencies,
   * without the application's own libraries) when the build wrote it, else {@code
   * target/local-classpath.txt}, else the jars on this JVM's class path. The masters, workers and
   * {@code SparkSubmit} run on it, and the workers' {@code SPARK_HOME/jars} links it.
   */
  List<Path> sparkJars() {
    for (String name : List.of("spark-classpath.txt", "local-classpath.txt")) {
      Path file = target.resolve(name);
      if (Files.isRegularFile(file)) {
        return split(read(file).trim());
      }
    }
    return split(System.getProperty("java.class.path")).stream()
        .filter(p -> p.getFileName().toString().endsWith(".jar"))
        .toList();
  }

  /**
   * Writes a jar holding the compiled classes of one package (and its sub-packages) from {@code
   * target/test-classes}: an application jar for a job that lives in the test sources.
   *
   * @param packageName e.g. {@code org.deepslda.deploy.smoke}
   * @return {@code jar}, with every class of the package; fails if the package has none
   */
  Path testJar(String packageName, Path jar) {
    Path classes = target.resolve("test-classes");
    Path root = classes.resolve(packageName.replace('.', '/'));
    List<Path> files = listFiles(root);
    if (files.isEmpty()) {
      throw new IllegalStateException(
          "no compiled classes under " + root + "; run `mvn test-compile` (or `mvn verify`) first");
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out, manifest)) {
      for (Path f : files) {
        zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + jar, e);
    }
    return jar;
  }

  private static List<Path> split(String classpath) {
    List<Path> out = new ArrayList<>();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        out.add(Path.of(entry));
      }
    }
    return out;
  }

  private static List<Path> jarsIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static List<Path> listFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
