package org.deepslda.reliability;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under the scheme {@code fullfs://} (registered for tests in {@code
 * core-site.xml}), whose disk fills up on demand: once {@link #fillWhenWriting} names a file, the
 * next writes to a file whose name contains that text get {@code limit} bytes through and then
 * {@code IOException("No space left on device")}, as a full disk would. Paths are local paths:
 * {@code fullfs:///tmp/x} is {@code /tmp/x}.
 */
public final class FullFileSystem extends RawLocalFileSystem {
  private static final URI NAME = URI.create("fullfs:///");
  private static volatile String victim;
  private static volatile long limit;

  /** Writes to files whose name contains {@code namePart} fail after {@code bytes} bytes. */
  static void fillWhenWriting(String namePart, long bytes) {
    limit = bytes;
    victim = namePart;
  }

  /** The disk has room again. */
  static void makeRoom() {
    victim = null;
  }

  @Override
  public URI getUri() {
    return NAME;
  }

  @Override
  public String getScheme() {
    return "fullfs";
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite,
      int bufferSize, short replication, long blockSize, Progressable progress)
      throws IOException {
    return filling(f,
        super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
  }

  @Override
  public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication,
      long blockSize, Progressable progress) throws IOException {
    return filling(f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
  }

  private static FSDataOutputStream filling(Path f, FSDataOutputStream out) throws IOException {
    String part = victim;
    if (part == null || !f.getName().contains(part)) {
      return out;
    }
    return new FSDataOutputStream(new Filling(out, limit), null);
  }

  /** Passes {@code room} bytes through, then fails every write. */
  private static final class Filling extends FilterOutputStream {
    private long room;

    Filling(OutputStream out, long room) {
      super(out);
      this.room = room;
    }

    @Override
    public void write(int b) throws IOException {
      if (room <= 0) {
        throw new IOException("No space left on device");
      }
      room--;
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int fits = (int) Math.min(len, Math.max(room, 0));
      out.write(b, off, fits);
      room -= fits;
      if (fits < len) {
        throw new IOException("No space left on device");
      }
    }
  }
}
