package org.deepslda.cli;

import java.util.List;

/** The subcommands of {@code slda}, in the order {@code --help} lists them. */
final class Subcommands {
  private Subcommands() {}

  static List<Object> all() {
    return List.of(
        new RunCommand(),
        new SweepCommand(),
        new DemoCommand(),
        new ExtractCommand(),
        new ExportCommand(),
        new SynthCommand(),
        new FetchCommand(),
        new PreviewCommand());
  }
}
