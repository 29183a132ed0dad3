package org.deepslda.data;

import java.io.Serializable;
import java.util.Set;
import org.deepslda.common.BadInputException;

/**
 * Settings of {@link Core50Fetch}.
 *
 * @param to the dataset root to unpack into (local path or Hadoop FS URI)
 * @param baseUrl if set, every archive is fetched from {@code baseUrl/<archive file name>} (a
 *     mirror); if null, from the CORe50 project's own URLs
 * @param what the archives to fetch
 * @param checksumsFile a {@code md5sum}/{@code sha256sum} style file of expected digests, or null;
 *     its entries win over the built-in MD5s, which apply to the default URLs only
 * @param cacheDir the local folder downloads go to (and resume from)
 * @param attempts the most HTTP requests per archive (default 5)
 * @param timeoutSeconds connect and read time-out per request (default 60)
 * @param overwrite replace folders of the root that an archive would create
 * @param keepArchives keep the downloaded zips in {@code cacheDir} after unpacking
 */
public record FetchOptions(
    String to,
    String baseUrl,
    Set<Core50Archive> what,
    String checksumsFile,
    String cacheDir,
    int attempts,
    int timeoutSeconds,
    boolean overwrite,
    boolean keepArchives)
    implements Serializable {

  /**
   * @throws BadInputException naming the flag of a value out of range
   */
  public FetchOptions {
    if (to == null || to.isBlank()) {
      throw new BadInputException("--to: the dataset root to fetch into is empty");
    }
    if (what == null || what.isEmpty()) {
      throw new BadInputException("--what: name at least one of " + Core50Archive.WHAT_NAMES);
    }
    if (attempts < 1 || attempts > 100) {
      throw new BadInputException("--attempts: expected 1 to 100, found " + attempts);
    }
    if (timeoutSeconds < 1) {
      throw new BadInputException("--timeout: expected at least 1 second, found " + timeoutSeconds);
    }
    if (baseUrl != null && !baseUrl.matches("(?i)https?://.+")) {
      throw new BadInputException(
          "--base-url: expected an http:// or https:// URL, found " + baseUrl);
    }
    what = Set.copyOf(what);
  }

  /** The URL an archive is fetched from. */
  public String urlOf(Core50Archive archive) {
    if (baseUrl == null) {
      return archive.defaultUrl();
    }
    return (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + archive.fileName();
  }

  /** The default local download folder: {@code <java.io.tmpdir>/slda-fetch}. */
  public static String defaultCacheDir() {
    return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "slda-fetch").toString();
  }

  public static Builder builder(String to) {
    return new Builder(to);
  }

  /**
   * Collects settings; {@link #build()} validates them. Defaults: the project's URLs, {@code
   * images128} and the filelists, no checksum file, {@link #defaultCacheDir()}, 5 attempts, 60 s
   * time-out, no overwrite, archives deleted after unpacking.
   */
  public static final class Builder {
    private final String to;
    private String baseUrl;
    private Set<Core50Archive> what =
        Set.of(Core50Archive.IMAGES_128, Core50Archive.FILELISTS, Core50Archive.FILELISTS_NICV2);
    private String checksumsFile;
    private String cacheDir = defaultCacheDir();
    private int attempts = 5;
    private int timeoutSeconds = 60;
    private boolean overwrite;
    private boolean keepArchives;

    private Builder(String to) {
      this.to = to;
    }

    public Builder baseUrl(String value) {
      this.baseUrl = value;
      return this;
    }

    public Builder what(Set<Core50Archive> value) {
      this.what = value;
      return this;
    }

    public Builder checksumsFile(String value) {
      this.checksumsFile = value;
      return this;
    }

    public Builder cacheDir(String value) {
      this.cacheDir = value;
      return this;
    }

    public Builder attempts(int value) {
      this.attempts = value;
      return this;
    }

    public Builder timeoutSeconds(int value) {
      this.timeoutSeconds = value;
      return this;
    }

    public Builder overwrite(boolean value) {
      this.overwrite = value;
      return this;
    }

    public Builder keepArchives(boolean value) {
      this.keepArchives = value;
      return this;
    }

    public FetchOptions build() {
      return new FetchOptions(
          to,
          baseUrl,
          what,
          checksumsFile,
          cacheDir,
          attempts,
          timeoutSeconds,
          overwrite,
          keepArchives);
    }
  }
}
