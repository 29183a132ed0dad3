package org.deepslda.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** PNG charts, rendered headless. Every method returns the PNG's bytes. */
public final class Plots {
  private static final int WIDTH = 800;
  private static final int HEIGHT = 500;

  private Plots() {}

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** Test accuracy (in %) after each training batch, batches numbered from 1. */
  public static byte[] incrementalAccuracy(List<Double> accuracies, String title) {
    XYSeries s = new XYSeries("SLDA");
    for (int i = 0; i < accuracies.size(); i++) {
      s.add(i + 1, 100.0 * accuracies.get(i));
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, "Training batch", "Test accuracy (%)", new XYSeriesCollection(s),
            PlotOrientation.VERTICAL, false, false, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setSeriesPaint(0, new Color(31, 119, 180));
    r.setSeriesStroke(0, new BasicStroke(2f));
    plot.setRenderer(r);
    styleAxes(plot);
    return render(chart);
  }

  /**
   * Mean accuracy curves with a +/- one standard deviation band, one line per setting.
   *
   * @param curves setting label to {@code [batch][run]} accuracies in [0, 1]
   */
  public static byte[] meanStdCurves(Map<String, double[][]> curves, String title) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Map.Entry<String, double[][]> e : curves.entrySet()) {
      YIntervalSeries s = new YIntervalSeries(e.getKey());
      double[][] byBatch = e.getValue();
      for (int i = 0; i < byBatch.length; i++) {
        double mean = Stats.mean(byBatch[i]);
        double sd = Stats.std(byBatch[i]);
        s.add(i + 1, 100 * mean, 100 * (mean - sd), 100 * (mean + sd));
      }
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, "Training batch", "Test accuracy (%), mean ± std over runs", data,
            PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    DeviationRenderer r = new DeviationRenderer(true, true);
    r.setAlpha(0.2f);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(r);
    styleAxes(plot);
    return render(chart);
  }

  private static void styleAxes(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    NumberAxis x = (NumberAxis) plot.getDomainAxis();
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setAutoRangeIncludesZero(true);
  }

  private static byte[] render(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    return png(chart.createBufferedImage(WIDTH, HEIGHT));
  }

  /**
   * A heat map of a confusion matrix, rows normalised to the true class's support (so a cell is
   * the fraction of class t predicted as p). Row = true class, column = predicted class.
   */
  public static byte[] confusionMatrix(long[][] rows, String title) {
    int c = rows.length;
    int cell = Math.max(6, Math.min(40, 600 / c));
    int margin = 60;
    int size = margin + c * cell + 20;
    BufferedImage img = new BufferedImage(size, size + 30, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    for (int t = 0; t < c; t++) {
      long support = 0;
      for (long v : rows[t]) {
        support += v;
      }
      for (int p = 0; p < c; p++) {
        float f = support == 0 ? 0f : (float) rows[t][p] / support;
        g.setColor(heat(f));
        g.fillRect(margin + p * cell, margin + t * cell, cell, cell);
      }
    }
    g.setColor(Color.BLACK);
    g.drawRect(margin, margin, c * cell, c * cell);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(title, 10, 20);
    g.drawString("predicted class →", margin, margin - 8);
    g.drawString("true class ↓ (row-normalised)", 10, margin + c * cell + 35);
    g.dispose();
    return png(img);
  }

  private static Color heat(float f) {
    int v = Math.round(255 * (1 - f));
    return new Color(v, v, 255);
  }

  static byte[] png(BufferedImage img) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
