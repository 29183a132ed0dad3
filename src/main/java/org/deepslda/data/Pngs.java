package org.deepslda.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.deepslda.common.HadoopFiles;

/**
 * PNG encoding and image decoding in memory, so that the bytes can go through the Hadoop FS API.
 * Encoding caches in memory, not in a temporary file as {@code ImageIO.write} may.
 */
final class Pngs {
  private Pngs() {}

  static byte[] encode(BufferedImage img) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IllegalStateException("this JVM has no PNG writer");
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(img);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory PNG encoding failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * Reads an image (any format ImageIO knows) from a local path or Hadoop FS URI.
   *
   * @throws BadInputException if the file is missing or not a readable image
   */
  static BufferedImage read(String uri, Configuration conf) {
    byte[] bytes = HadoopFiles.readAllBytes(uri, conf);
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
      if (img == null) {
        throw new BadInputException(uri + ": not an image format this JVM can read");
      }
      return img;
    } catch (IOException e) {
      throw new BadInputException(uri + ": damaged image: " + e.getMessage(), e);
    }
  }
}
