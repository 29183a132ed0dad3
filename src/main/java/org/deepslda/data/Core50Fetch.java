package org.deepslda.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the CORe50 archives and unpacks them into a dataset root. Each archive goes to a local
 * cache folder first (resumable, see {@link HttpDownloader}), is checked (size; MD5 or SHA-256
 * where known), then unpacked through the Hadoop FS API ({@link ZipUnpacker}: entries leaving the
 * root are refused; a failure leaves no folder that looks complete). A hidden marker {@code
 * .slda-fetched-<archive>} records a finished archive; a second fetch skips it.
 */
public final class Core50Fetch {
  private static final Logger LOG = LoggerFactory.getLogger(Core50Fetch.class);
  private final FetchOptions opts;
  private final Checksums checksums;
  private final HttpDownloader downloader;

  private Core50Fetch(FetchOptions opts, Checksums checksums) {
    this.opts = opts;
    this.checksums = checksums;
    this.downloader = new HttpDownloader(opts.attempts(), opts.timeoutSeconds() * 1000, 500);
  }

  /**
   * Fetches every archive {@code opts} names, in a fixed order (images first).
   *
   * @throws BadInputException for a refused URL, a checksum mismatch, an unsafe archive entry or a
   *     folder that exists without overwrite
   * @throws EnvironmentException if the network or a file system fails
   */
  public static void fetch(FetchOptions opts, Configuration conf) {
    Checksums sums =
        opts.checksumsFile() == null
            ? Checksums.none()
            : Checksums.read(opts.checksumsFile(), conf);
    Path root = new Path(opts.to());
    try (FileSystem fs = ForklessLocalFileSystem.forPath(root, conf)) {
      Core50Fetch f = new Core50Fetch(opts, sums);
      for (Core50Archive a : new TreeSet<>(opts.what())) {
        f.fetchOne(a, fs, fs.makeQualified(root));
      }
    } catch (IOException e) {
      throw new EnvironmentException("cannot fetch into " + opts.to() + ": " + e.getMessage(), e);
    }
  }

  private void fetchOne(Core50Archive a, FileSystem fs, Path root) throws IOException {
    Path marker = new Path(root, ".slda-fetched-" + a.fileName());
    if (fs.exists(marker) && !opts.overwrite()) {
      LOG.info("{} was fetched into {} before; skipped", a.fileName(), root);
      return;
    }
    ZipUnpacker unpacker = new ZipUnpacker(fs, root);
    unpacker.checkFree(a.folders(), opts.overwrite());
    java.nio.file.Path cache = java.nio.file.Path.of(opts.cacheDir());
    Files.createDirectories(cache);
    java.nio.file.Path zip = cache.resolve(a.fileName());
    String url = opts.urlOf(a);
    LOG.info("Fetching {} from {}", a.fileName(), url);
    long size = downloader.download(url, zip);
    verify(a, zip, url);
    List<String> tops = unpacker.unpack(zip, url, opts.overwrite());
    warnUnexpected(a, tops);
    try (FSDataOutputStream out = fs.create(marker, true)) {
      out.write((url + "\n" + size + " bytes\n").getBytes(StandardCharsets.UTF_8));
    }
    if (!opts.keepArchives()) {
      Files.delete(zip);
    }
    LOG.info("Unpacked {} ({} bytes) into {}: {}", a.fileName(), size, root, tops);
  }

  private void verify(Core50Archive a, java.nio.file.Path zip, String url) throws IOException {
    String expected = checksums.expected(a.fileName());
    if (expected == null && url.equals(a.defaultUrl())) {
      expected = a.knownMd5();
    }
    if (expected == null) {
      LOG.warn("No checksum known for {} from {}; checked its size only", a.fileName(), url);
      return;
    }
    try {
      Checksums.verify(zip, expected, url);
    } catch (BadInputException e) {
      Files.deleteIfExists(zip);
      throw e;
    }
  }

  private static void warnUnexpected(Core50Archive a, List<String> tops) {
    List<String> missing = new ArrayList<>(a.folders());
    missing.removeAll(tops);
    if (!missing.isEmpty()) {
      LOG.warn(
          "{} unpacked to {}, not to the expected {}; the loader may not find its files",
          a.fileName(),
          tops,
          a.folders());
    }
  }
}
