package org.deepslda.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * numpy's {@code .npz} container: a zip archive of {@code name.npy} entries, as {@code
 * numpy.savez} writes it. Entries keep their insertion order; the bytes are deterministic
 * (fixed entry times).
 */
public final class Npz {
  private Npz() {}

  public static byte[] toBytes(Map<String, NpyArray> arrays) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
        entry.setTime(315532800000L); // 1980-01-01, the zip epoch: same bytes on every run
        zip.putNextEntry(entry);
        zip.write(e.getValue().toBytes());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException("in-memory zip failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads every array of an {@code .npz} archive.
   *
   * @throws BadInputException naming {@code source} if the archive or an entry is damaged
   */
  public static Map<String, NpyArray> parse(byte[] bytes, String source) {
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
}
