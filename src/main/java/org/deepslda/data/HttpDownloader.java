package org.deepslda.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one URL to a local file, resuming with HTTP {@code Range} requests: the bytes land in
 * {@code FILE.part}, which survives a failure, and a later attempt (in this run or the next) asks
 * for the rest. Every loop is bounded: at most {@code attempts} requests, at most {@value
 * #MAX_REDIRECTS} redirects each, connect and read time-outs. The file is complete when it has the
 * size the server announced; it is then renamed to its final name.
 */
final class HttpDownloader {
  private static final Logger LOG = LoggerFactory.getLogger(HttpDownloader.class);
  private static final int MAX_REDIRECTS = 5;
  private static final long PROGRESS_STEP = 512L << 20;
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");
  private static final Pattern UNSATISFIED = Pattern.compile("bytes \\*/(\\d+)");

  private final int attempts;
  private final int timeoutMillis;
  private final long retryPauseMillis;

  /**
   * @param attempts the most requests per file, at least 1
   * @param timeoutMillis connect and read time-out of each request
   * @param retryPauseMillis pause before the n-th retry is n times this
   */
  HttpDownloader(int attempts, int timeoutMillis, long retryPauseMillis) {
    this.attempts = attempts;
    this.timeoutMillis = timeoutMillis;
    this.retryPauseMillis = retryPauseMillis;
  }

  /** What one request achieved. */
  private record Outcome(boolean complete, long total) {}

  /**
   * Downloads {@code url} to {@code target} (resuming {@code target.part} if present).
   *
   * @return the file's size in bytes
   * @throws BadInputException for a URL the server refuses (4xx)
   * @throws EnvironmentException if every attempt fails or the size is wrong
   */
  long download(String url, Path target) {
    Path part = target.resolveSibling(target.getFileName() + ".part");
    try {
      if (Files.exists(target)) {
        LOG.info("Reusing {} downloaded before; delete it to download again", target);
        return Files.size(target);
      }
    } catch (IOException e) {
      throw new EnvironmentException("cannot read " + target + ": " + e.getMessage(), e);
    }
    IOException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        Outcome o = request(url, part);
        if (o.complete()) {
          Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          return o.total();
        }
        last =
            new IOException(
                "connection ended after "
                    + Files.size(part)
                    + " of "
                    + (o.total() < 0 ? "?" : o.total())
                    + " bytes");
      } catch (IOException e) {
        last = e;
      }
      LOG.warn(
          "Download of {} interrupted (attempt {} of {}): {}",
          url,
          attempt,
          attempts,
          last.getMessage());
      if (attempt < attempts) {
        pause(attempt);
      }
    }
    throw new EnvironmentException(
        "cannot download "
            + url
            + " after "
            + attempts
            + " attempts: "
            + last.getMessage()
            + "; run fetch again to resume");
  }

  private Outcome request(String url, Path part) throws IOException {
    long have = Files.exists(part) ? Files.size(part) : 0;
    HttpURLConnection c = open(url, have);
    try {
      int status = c.getResponseCode();
      if (status == 416) {
        return unsatisfiable(c, part, have);
      }
      if (status >= 400 && status < 500) {
        throw new BadInputException(
            url + ": HTTP " + status + " " + c.getResponseMessage() + "; check --base-url");
      }
      if (status != 200 && status != 206) {
        throw new IOException("HTTP " + status + " " + c.getResponseMessage());
      }
      long total = status == 206 ? rangeTotal(c, have) : c.getContentLengthLong();
      boolean append = status == 206;
      if (!append && have > 0) {
        LOG.info("{} does not resume downloads; starting {} again", url, part.getFileName());
      }
      try (InputStream in = c.getInputStream();
          OutputStream out =
              Files.newOutputStream(
                  part,
                  StandardOpenOption.CREATE,
                  append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
        copy(in, out, url, have, total);
      }
      long size = Files.size(part);
      if (total >= 0 && size > total) {
        Files.delete(part);
        throw new IOException("received " + size + " bytes, more than the announced " + total);
      }
      return new Outcome(total < 0 || size == total, total < 0 ? size : total);
    } finally {
      c.disconnect();
    }
  }

  /** Copies the body, logging progress every {@value #PROGRESS_STEP} bytes. */
  private static void copy(InputStream in, OutputStream out, String url, long have, long total)
      throws IOException {
    byte[] buffer = new byte[1 << 16];
    long done = have;
    long nextReport = have + PROGRESS_STEP;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
      done += n;
      if (done >= nextReport) {
        LOG.info("{}: {} of {} MB", url, done >> 20, total < 0 ? "?" : total >> 20);
        nextReport += PROGRESS_STEP;
      }
    }
  }

  /** Opens a GET with a Range header when resuming, following a bounded number of redirects. */
  private HttpURLConnection open(String url, long have) throws IOException {
    URL current = URI.create(url).toURL();
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpURLConnection c = (HttpURLConnection) current.openConnection();
      c.setInstanceFollowRedirects(false);
      c.setConnectTimeout(timeoutMillis);
      c.setReadTimeout(timeoutMillis);
      if (have > 0) {
        c.setRequestProperty("Range", "bytes=" + have + "-");
      }
      int status = c.getResponseCode();
      String location = c.getHeaderField("Location");
      if (status < 300 || status >= 400 || location == null) {
        return c;
      }
      c.disconnect();
      current = URI.create(current.toString()).resolve(location).toURL();
    }
    throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + url);
  }

  private static long rangeTotal(HttpURLConnection c, long have) throws IOException {
    String header = c.getHeaderField("Content-Range");
    Matcher m = header == null ? null : CONTENT_RANGE.matcher(header);
    if (m == null || !m.matches() || Long.parseLong(m.group(1)) != have) {
      throw new IOException("bad Content-Range '" + header + "' for a resume at byte " + have);
    }
    return m.group(2).equals("*") ? -1 : Long.parseLong(m.group(2));
  }

  /** 416: complete if we hold exactly the whole file, else the partial file is discarded. */
  private static Outcome unsatisfiable(HttpURLConnection c, Path part, long have)
      throws IOException {
    String header = c.getHeaderField("Content-Range");
    Matcher m = header == null ? null : UNSATISFIED.matcher(header);
    if (m != null && m.matches() && Long.parseLong(m.group(1)) == have) {
      return new Outcome(true, have);
    }
    Files.deleteIfExists(part);
    throw new IOException("server refused to resume at byte " + have + "; starting again");
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(retryPauseMillis * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvironmentException("download interrupted", e);
    }
  }
}
