package org.deepslda.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * numpy's {@code .npz} container: a zip archive of {@code name.npy} entries, stored
 * uncompressed as {@code numpy.savez} writes them. Entries keep their insertion order; the bytes
 * depend only on the arrays (no compressor version, a fixed entry time in local DOS time, so no
 * time zone either).
 */
public final class Npz {
  /** 1980-01-01 00:00, the earliest DOS time: a zip entry time that never changes. */
  private static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

  private Npz() {}

  public static byte[] toBytes(Map<String, NpyArray> arrays) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
        byte[] npy = e.getValue().toBytes();
        zip.putNextEntry(storedEntry(e.getKey() + ".npy", npy));
        zip.write(npy);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException("in-memory zip failed", e);
    }
    return bytes.toByteArray();
  }

  private static ZipEntry storedEntry(String name, byte[] data) {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(data.length);
    entry.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    entry.setCrc(crc.getValue());
    entry.setTimeLocal(ZIP_EPOCH);
    return entry;
  }

  /**
   * Reads every array of an {@code .npz} archive.
   *
   * @throws BadInputException naming {@code source} if the archive or an entry is damaged
   */
  public static Map<String, NpyArray> parse(byte[] bytes, String source) {
    if (!hasEndRecord(bytes)) {
      throw new BadInputException(
          source
              + ": damaged .npz archive (no zip end-of-central-directory record: truncated or"
              + " not a zip file)");
    }
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        String name = e.getName();
        if (!name.endsWith(".npy")) {
          continue;
        }
        String key = name.substring(0, name.length() - 4);
        arrays.put(key, NpyArray.parse(zip.readAllBytes(), source + "[" + key + "]"));
      }
    } catch (ZipException | java.io.EOFException e) {
      throw new BadInputException(source + ": damaged .npz archive (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BadInputException(source + ": cannot read .npz archive: " + e.getMessage(), e);
    }
    if (arrays.isEmpty()) {
      throw new BadInputException(source + ": not an .npz archive (no .npy entries)");
    }
    return arrays;
  }

  /**
   * Whether the bytes end with a zip end-of-central-directory record (signature PK 5 6, 22 bytes
   * plus a comment that runs to the end). A zip cut short loses it; numpy refuses such files, and a
   * sequential reader would otherwise accept every entry before the cut.
   */
  private static boolean hasEndRecord(byte[] b) {
    int last = b.length - 22;
    for (int i = last; i >= 0 && i >= last - 0xffff; i--) {
      if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
        int commentLength = (b[i + 20] & 0xff) | (b[i + 21] & 0xff) << 8;
        if (i + 22 + commentLength == b.length) {
          return true;
        }
      }
    }
    return false;
  }
}
