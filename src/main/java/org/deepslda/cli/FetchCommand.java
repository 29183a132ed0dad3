package org.deepslda.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.deepslda.common.HadoopFiles;
import org.deepslda.data.Core50Archive;
import org.deepslda.data.Core50Fetch;
import org.deepslda.data.FetchOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slda fetch}: downloads and unpacks the CORe50 archives into a dataset root. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Download the CORe50 archives and unpack them into ROOT. Downloads resume after a cut"
          + " connection (also in a later run), are checked against MD5/SHA-256 digests where"
          + " known, and are unpacked through a hidden staging folder, so a failure leaves no"
          + " folder that looks complete."
    })
final class FetchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "ROOT",
      description = "Dataset root to unpack into (local path or Hadoop FS URI).")
  String to;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Fetch every archive from URL/<archive name> (a mirror) instead of the"
              + " CORe50 project's own URLs.")
  String baseUrl;

  @Option(
      names = "--what",
      defaultValue = "images128,filelists",
      split = ",",
      paramLabel = "LIST",
      description =
          "Archives to fetch: images128, images32, filelists (NI/NC/NIC and NICv2)."
              + " Default: ${DEFAULT-VALUE}.")
  List<String> what;

  @Option(
      names = "--checksums",
      paramLabel = "FILE",
      description =
          "md5sum/sha256sum style file of expected digests by archive name; wins"
              + " over the built-in MD5s (which apply to the default URLs only).")
  String checksums;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "Local folder downloads go to and resume from. Default: ${DEFAULT-VALUE}.")
  String cache = FetchOptions.defaultCacheDir();

  @Option(
      names = "--attempts",
      defaultValue = "5",
      paramLabel = "N",
      description = "Most HTTP requests per archive, 1-100. Default: ${DEFAULT-VALUE}.")
  int attempts;

  @Option(
      names = "--timeout",
      defaultValue = "60",
      paramLabel = "SECONDS",
      description = "Connect and read time-out per request. Default: ${DEFAULT-VALUE}.")
  int timeout;

  @Option(
      names = "--overwrite",
      defaultValue = "false",
      description = "Replace folders of ROOT the archives unpack to. Default: ${DEFAULT-VALUE}.")
  boolean overwrite;

  @Option(
      names = "--keep-archives",
      defaultValue = "false",
      description = "Keep the zips in --cache after unpacking. Default: ${DEFAULT-VALUE}.")
  boolean keepArchives;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file of option defaults (keys: long option names).")
  String config;

  @Override
  public Integer call() {
    FetchOptions opts =
        FetchOptions.builder(to)
            .baseUrl(baseUrl)
            .what(Core50Archive.parseWhat(what))
            .checksumsFile(checksums)
            .cacheDir(cache)
            .attempts(attempts)
            .timeoutSeconds(timeout)
            .overwrite(overwrite)
            .keepArchives(keepArchives)
            .build();
    Core50Fetch.fetch(opts, HadoopFiles.defaultConf());
    spec.commandLine().getOut().println("fetch: " + String.join(",", what) + " in " + to);
    return 0;
  }
}
