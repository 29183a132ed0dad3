package org.deepslda.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark GPU scheduling mapped to DJL devices, on a CPU machine: a {@code local-cluster} (Master,
 * Worker and a separate executor JVM, from the Maven jars with a SPARK_HOME of links) whose worker
 * "discovers" GPUs 0 and 1 with a script. Each task must see the GPU Spark assigned it and, because
 * this PyTorch build has no CUDA, run on the CPU flagged as degraded. Runs in a child JVM because a
 * JVM holds one SparkContext.
 */
class GpuSchedulingTest {
  @TempDir Path dir;

  @Test
  void taskGpuAddress_isSeen_andFallsBackToCpuWithoutCuda() throws Exception {
    String cp = System.getProperty("java.class.path");
    Path home = sparkHome(cp);
    Path script = dir.resolve("gpus.sh");
    Files.writeString(
        script, "#!/bin/sh\necho '{\"name\": \"gpu\", \"addresses\": [\"0\", \"1\"]}'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xss4m",
            "-Xmx1g",
            "-cp",
            cp,
            GpuSchedulingProbe.class.getName(),
            script.toString(),
            cp);
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("probe.log").toFile());
    Process p = pb.start();
    boolean done = p.waitFor(150, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("probe.log"), StandardCharsets.UTF_8);
    assertTrue(done && p.exitValue() == 0, "probe failed:\n" + tail(log));
    List<String> tasks = log.lines().filter(l -> l.startsWith("TASK ")).toList();
    assertEquals(4, tasks.size(), tail(log));
    for (String t : tasks) {
      assertTrue(t.contains("gpu=0") || t.contains("gpu=1"), t);
      assertTrue(t.contains("device=cpu()") && t.contains("degraded=true"), t);
      assertTrue(!t.contains("executor=driver"), "ran in the driver, not an executor: " + t);
    }
  }

  /**
   * A SPARK_HOME whose jars/ links every jar of the test class path; under target/, not the
   * temporary folder, so that no link outlives its cleanup.
   */
  private static Path sparkHome(String cp) throws Exception {
    Path home = Path.of("target", "test-spark-home").toAbsolutePath();
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String entry : cp.split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (entry.endsWith(".jar")
          && Files.exists(jar)
          && !Files.exists(jars.resolve(jar.getFileName()))) {
        Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
      }
    }
    return home;
  }

  private static String tail(String log) {
    List<String> lines = new ArrayList<>(log.lines().toList());
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
