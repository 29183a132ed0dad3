package org.deepslda.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deepslda.common.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Binds a YAML config file to a subcommand's options: each top-level key is an option's long
 * name without the dashes ({@code shrinkage: 1e-4} stands for {@code --shrinkage 1e-4}); a list
 * value stands for a repeated or comma-separated option. The file gives defaults; flags on the
 * command line win. An unknown key is an error naming the key, the file and the allowed keys.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path file;
  private final JsonNode root;

  private ConfigDefaults(Path file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  /** Finds {@code --config FILE} in {@code args} and installs its values as defaults. */
  static void install(CommandLine cl, String[] args) {
    String config = null;
    String subcommand = null;
    for (int i = 0; i < args.length; i++) {
      if (subcommand == null && cl.getSubcommands().containsKey(args[i])) {
        subcommand = args[i];
      } else if (args[i].equals("--config") && i + 1 < args.length) {
        config = args[i + 1];
      } else if (args[i].startsWith("--config=")) {
        config = args[i].substring("--config=".length());
      }
    }
    if (config == null || subcommand == null) {
      return;
    }
    CommandLine sub = cl.getSubcommands().get(subcommand);
    ConfigDefaults defaults = load(Path.of(config));
    defaults.checkKeys(sub.getCommandSpec());
    sub.setDefaultValueProvider(defaults);
  }

  static ConfigDefaults load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("--config: no such file: " + file);
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new BadInputException(
          "--config " + file + ": not valid YAML: " + e.getMessage().split("\n")[0], e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = YAML.createObjectNode();
    }
    if (!root.isObject()) {
      throw new BadInputException(
          "--config " + file + ": expected a mapping of option names to values, found a "
              + root.getNodeType().toString().toLowerCase());
    }
    return new ConfigDefaults(file, root);
  }

  private void checkKeys(CommandSpec spec) {
    Map<String, OptionSpec> options = new TreeMap<>();
    for (OptionSpec o : spec.options()) {
      String name = o.longestName();
      if (name.startsWith("--") && !name.equals("--config") && !o.usageHelp()
          && !o.versionHelp()) {
        options.put(name.substring(2), o);
      }
    }
    Set<String> allowed = options.keySet();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!allowed.contains(e.getKey())) {
        throw new BadInputException(
            "--config " + file + ": unknown key '" + e.getKey() + "' for 'slda " + spec.name()
                + "'; allowed keys: " + String.join(", ", allowed));
      }
      if (e.getValue().isObject()) {
        throw new BadInputException(
            "--config " + file + ": key '" + e.getKey()
                + "' must be a scalar or a list, found a mapping");
      }
      checkType(e.getKey(), e.getValue(), options.get(e.getKey()).type());
    }
  }

  /**
   * Refuses a value that cannot become the option's type here, where the file and the key are
   * known (picocli's own message would name only the flag, as if the user had typed it).
   */
  private void checkType(String key, JsonNode value, Class<?> type) {
    if (value.isArray()) {
      return;
    }
    String text = value.asText();
    String expected = null;
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      expected = text.matches("[-+]?\\d+") ? null : "a whole number";
    } else if (type == double.class || type == Double.class || type == float.class) {
      expected = isNumber(text) ? null : "a number";
    } else if (type == boolean.class || type == Boolean.class) {
      expected = text.equals("true") || text.equals("false") ? null : "true or false";
    }
    if (expected != null) {
      throw new BadInputException(
          "--config " + file + ": key '" + key + "': expected " + expected + ", found '" + text
              + "'");
    }
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec)) {
      return arg.defaultValue();
    }
    OptionSpec o = (OptionSpec) arg;
    JsonNode v = root.get(o.longestName().replaceFirst("^--", ""));
    if (v == null || v.isNull()) {
      return o.defaultValue();
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(x.asText()));
      return String.join(",", parts);
    }
    return v.asText();
  }
}
