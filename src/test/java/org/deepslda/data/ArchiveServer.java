package org.deepslda.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file server on 127.0.0.1 (ephemeral port) for fetch tests: serves byte arrays by name, answers
 * {@code Range: bytes=N-} with 206, and can misbehave on purpose: cut the first response of a file
 * half way, or answer every request with one status.
 */
public final class ArchiveServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final List<String> log = new ArrayList<>();
  private volatile String cutOnce;
  private volatile int forcedStatus;

  public ArchiveServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/core50";
  }

  public void put(String name, byte[] bytes) {
    files.put(name, bytes);
  }

  /** The next response for {@code name} sends only half of its bytes, then closes. */
  void cutOnce(String name) {
    cutOnce = name;
  }

  void failWith(int status) {
    forcedStatus = status;
  }

  /** "NAME RANGE-HEADER" per request received. */
  public synchronized List<String> requests() {
    return List.copyOf(log);
  }

  private void handle(HttpExchange ex) throws IOException {
    String name = ex.getRequestURI().getPath().replaceFirst("^/core50/", "");
    String range = ex.getRequestHeaders().getFirst("Range");
    synchronized (this) {
      log.add(name + " " + range);
    }
    byte[] body = files.get(name);
    if (forcedStatus != 0 || body == null) {
      ex.sendResponseHeaders(forcedStatus != 0 ? forcedStatus : 404, -1);
      ex.close();
      return;
    }
    long from = range == null ? 0 : Long.parseLong(range.replaceAll("bytes=(\\d+)-", "$1"));
    if (from >= body.length) {
      ex.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
      ex.sendResponseHeaders(416, -1);
      ex.close();
      return;
    }
    if (from > 0) {
      ex.getResponseHeaders()
          .set("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
    }
    ex.sendResponseHeaders(from > 0 ? 206 : 200, body.length - from);
    send(ex, name, body, (int) from);
  }

  private void send(HttpExchange ex, String name, byte[] body, int from) throws IOException {
    boolean cut = name.equals(cutOnce);
    OutputStream out = ex.getResponseBody();
    if (!cut) {
      out.write(body, from, body.length - from);
      out.close();
      return;
    }
    cutOnce = null;
    out.write(body, from, (body.length - from) / 2);
    out.flush();
    // an exception out of the handler makes the server drop the connection mid-body
    throw new IOException("connection cut on purpose");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
