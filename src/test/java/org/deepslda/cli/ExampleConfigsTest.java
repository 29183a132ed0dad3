package org.deepslda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The example configs in {@code conf/} stay usable: each is a YAML mapping of option names to
 * scalars or lists, and every key is a long option of the subcommand it is written for ({@code
 * sweep.yaml} for {@code slda sweep}, the others for {@code slda run}). The key checks run once the
 * subcommand exists in this build.
 */
class ExampleConfigsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path CONF = Path.of("conf");

  @Test
  void everyConfig_isAMappingOfScalarsAndLists() throws IOException {
    List<Path> files = yamlFiles();
    assertTrue(files.size() >= 5, "expected the five example configs in conf/, found " + files);
    for (Path f : files) {
      JsonNode root = YAML.readTree(f.toFile());
      assertTrue(root != null && root.isObject(), f + " is not a mapping");
      root.fields()
          .forEachRemaining(
              e ->
                  assertFalse(
                      e.getValue().isObject(), f + ": key " + e.getKey() + " holds a mapping"));
    }
  }

  @Test
  void sweepConfig_listsEveryGridAxis() throws IOException {
    JsonNode sweep = YAML.readTree(CONF.resolve("sweep.yaml").toFile());
    for (String axis : List.of("scenarios", "runs", "shrinkage", "plastic-cov", "mask-unseen")) {
      assertTrue(sweep.path(axis).isArray(), "sweep.yaml: " + axis + " must be a list");
    }
  }

  @Test
  void runConfigs_useOnlyRunOptions() throws IOException {
    Set<String> allowed = optionsOf("run");
    for (Path f : yamlFiles()) {
      if (!f.getFileName().toString().equals("sweep.yaml")) {
        assertEquals(Set.of(), unknownKeys(f, allowed), f + ": keys that slda run lacks");
      }
    }
  }

  @Test
  void sweepConfig_usesOnlySweepOptions() throws IOException {
    Path sweep = CONF.resolve("sweep.yaml");
    assertEquals(Set.of(), unknownKeys(sweep, optionsOf("sweep")), "keys slda sweep lacks");
  }

  /** The long option names of {@code slda <subcommand>}, without dashes; skips if none. */
  private static Set<String> optionsOf(String subcommand) {
    CommandLine sub = Slda.commandLine().getSubcommands().get(subcommand);
    assumeTrue(sub != null, "slda has no " + subcommand + " subcommand in this build yet");
    Set<String> names = new TreeSet<>();
    for (OptionSpec o : sub.getCommandSpec().options()) {
      names.add(o.longestName().replaceFirst("^--", ""));
    }
    return names;
  }

  private static Set<String> unknownKeys(Path file, Set<String> allowed) throws IOException {
    Set<String> unknown = new TreeSet<>();
    YAML.readTree(file.toFile()).fieldNames().forEachRemaining(unknown::add);
    unknown.removeAll(allowed);
    return unknown;
  }

  private static List<Path> yamlFiles() throws IOException {
    try (Stream<Path> s = Files.list(CONF)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
