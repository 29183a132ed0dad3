package org.deepslda.data;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.deepslda.common.BadInputException;

/**
 * The CORe50 archives {@code slda fetch} downloads, with the project's own URLs and the MD5 digests
 * the Avalanche library (ContinualAI) checks them against. The folders each archive is expected to
 * unpack to are what the loader reads; fetch warns if an archive holds others.
 */
public enum Core50Archive {
  IMAGES_128(
      "core50_128x128.zip",
      "http://bias.csr.unibo.it/maltoni/download/core50/core50_128x128.zip",
      "745f3373fed08d69343f1058ee559e13",
      List.of("core50_128x128")),
  IMAGES_32(
      "core50_32x32.zip",
      "http://vps.continualai.org/data/core50_32x32.zip",
      "d89d34cdc0281fa84074430e9a22b728",
      List.of("core50_32x32")),
  FILELISTS(
      "batches_filelists.zip",
      "https://vlomonaco.github.io/core50/data/batches_filelists.zip",
      "e3297508a8998ba0c99a83d6b36bde62",
      List.of("batches_filelists")),
  FILELISTS_NICV2(
      "batches_filelists_NICv2.zip",
      "https://vlomonaco.github.io/core50/data/batches_filelists_NICv2.zip",
      "460f980a6c85b86b1ec8e7c6067bb7a3",
      List.of("NIC_v2_79", "NIC_v2_196", "NIC_v2_391"));

  /** The {@code --what} names and the archives each stands for. */
  public static final String WHAT_NAMES = "images128, images32, filelists";

  private final String fileName;
  private final String defaultUrl;
  private final String md5;
  private final List<String> folders;

  Core50Archive(String fileName, String defaultUrl, String md5, List<String> folders) {
    this.fileName = fileName;
    this.defaultUrl = defaultUrl;
    this.md5 = md5;
    this.folders = folders;
  }

  public String fileName() {
    return fileName;
  }

  /** Where the CORe50 project publishes the archive. */
  public String defaultUrl() {
    return defaultUrl;
  }

  /** The archive's MD5 (lower-case hex) as published for the default URL. */
  public String knownMd5() {
    return md5;
  }

  /** The top-level folders the archive should unpack to, relative to the dataset root. */
  public List<String> folders() {
    return folders;
  }

  /**
   * The archives a {@code --what} value names: {@code images128}, {@code images32}, {@code
   * filelists} (the NI/NC/NIC and the NICv2 filelists), comma separated, any case.
   *
   * @throws BadInputException naming the flag, the unknown name and the allowed names
   */
  public static Set<Core50Archive> parseWhat(List<String> names) {
    Set<Core50Archive> out = EnumSet.noneOf(Core50Archive.class);
    for (String raw : names) {
      for (String name : raw.split(",")) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
          case "images128" -> out.add(IMAGES_128);
          case "images32" -> out.add(IMAGES_32);
          case "filelists" -> out.addAll(List.of(FILELISTS, FILELISTS_NICV2));
          case "" -> {}
          default ->
              throw new BadInputException(
                  "--what: unknown archive '" + name.trim() + "'; expected " + WHAT_NAMES);
        }
      }
    }
    if (out.isEmpty()) {
      throw new BadInputException("--what: name at least one of " + WHAT_NAMES);
    }
    return out;
  }
}
