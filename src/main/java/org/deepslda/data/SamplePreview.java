package org.deepslda.data;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.deepslda.common.HadoopFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A contact sheet of one training batch: {@code count} images taken evenly across the batch (in
 * stream order), each scaled to a square tile with its label written under it, laid out in a
 * near-square grid. Layout in pixels: {@code cols = ceil(sqrt(n))}, {@code rows = ceil(n / cols)},
 * width {@code cols * (tile + 2) + 2}, height {@code rows * (tile + 16 + 2) + 2}.
 */
public final class SamplePreview {
  /** Pixels between tiles and around the grid. */
  public static final int PAD = 2;

  /** Height of the label strip under each tile. */
  public static final int LABEL_HEIGHT = 16;

  private static final Logger LOG = LoggerFactory.getLogger(SamplePreview.class);

  private SamplePreview() {}

  /**
   * The images a preview of {@code batch} shows: {@code min(count, batch size)} of them, evenly
   * spaced over the batch.
   *
   * @throws BadInputException naming {@code --batch} or {@code --count} if out of range
   */
  public static List<ImageRecord> sample(ImageStream stream, int batch, int count) {
    if (batch < 0 || batch >= stream.numBatches()) {
      throw new BadInputException(
          "--batch: "
              + stream.name()
              + " has batches 0 to "
              + (stream.numBatches() - 1)
              + ", found "
              + batch);
    }
    if (count < 1) {
      throw new BadInputException("--count: expected at least 1, found " + count);
    }
    List<ImageRecord> images = stream.trainBatches().get(batch);
    int n = Math.min(count, images.size());
    List<ImageRecord> picked = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      picked.add(images.get((int) ((long) i * images.size() / n)));
    }
    return picked;
  }

  /** Draws the grid of {@link #sample} with {@code tile}-pixel tiles. */
  public static BufferedImage render(
      ImageStream stream, int batch, int count, int tile, Configuration conf) {
    if (tile < 8) {
      throw new BadInputException("--tile: expected at least 8 pixels, found " + tile);
    }
    List<ImageRecord> picked = sample(stream, batch, count);
    int cols = (int) Math.ceil(Math.sqrt(picked.size()));
    int rows = (picked.size() + cols - 1) / cols;
    BufferedImage sheet =
        new BufferedImage(
            cols * (tile + PAD) + PAD,
            rows * (tile + LABEL_HEIGHT + PAD) + PAD,
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (int i = 0; i < picked.size(); i++) {
        int x = PAD + (i % cols) * (tile + PAD);
        int y = PAD + (i / cols) * (tile + LABEL_HEIGHT + PAD);
        drawTile(g, stream, picked.get(i), x, y, tile, conf);
      }
    } finally {
      g.dispose();
    }
    return sheet;
  }

  private static void drawTile(
      Graphics2D g, ImageStream stream, ImageRecord r, int x, int y, int tile, Configuration conf) {
    BufferedImage img = Pngs.read(HadoopFiles.join(stream.imageRoot(), r.path()), conf);
    g.drawImage(img, x, y, tile, tile, null);
    Core50Name n = Core50Name.parse(r.path());
    String text =
        n.isCore50()
            ? r.label() + "  s" + n.session() + " o" + n.object()
            : String.valueOf(r.label());
    g.setColor(Color.BLACK);
    g.drawString(text, x + 2, y + tile + LABEL_HEIGHT - 4);
  }

  /**
   * Writes a rendered preview as a PNG (atomically) to {@code out}.
   *
   * @throws BadInputException if {@code out} exists and {@code overwrite} is off
   */
  public static void write(BufferedImage sheet, String out, boolean overwrite, Configuration conf) {
    checkWritable(out, overwrite, conf);
    HadoopFiles.writeAtomically(out, conf, Pngs.encode(sheet));
    LOG.info("Wrote a {}x{} preview to {}", sheet.getWidth(), sheet.getHeight(), out);
  }

  /**
   * @throws BadInputException if {@code out} exists and {@code overwrite} is off
   */
  public static void checkWritable(String out, boolean overwrite, Configuration conf) {
    if (!overwrite && HadoopFiles.exists(out, conf)) {
      throw new BadInputException("--out " + out + " exists; pass --overwrite to replace it");
    }
  }
}
