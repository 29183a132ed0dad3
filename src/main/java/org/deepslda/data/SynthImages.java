package org.deepslda.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Draws the synthetic CORe50 frames. The category decides the shape (ten shapes), the object its
 * colour and surface texture, the session the background, lighting, position and scale, and the
 * frame a small drift and turn, so that a classifier has something to learn and the sessions differ
 * as CORe50's do. Everything is a pure function of (seed, session, object, frame); pictures are
 * drawn in a 128-unit space and scaled to the requested size, so the 32 px image shows the same
 * scene as the 128 px one. Stateless apart from the seed: calls may run in parallel.
 */
final class SynthImages {
  private static final double UNITS = 128;
  private final long seed;

  SynthImages(long seed) {
    this.seed = seed;
  }

  /** The frame of one video, {@code size x size} RGB. */
  BufferedImage render(SynthScenarios.Video v, int frame, int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.scale(size / UNITS, size / UNITS);
      Random session = random(1, v.session());
      drawBackground(g, session);
      AffineTransform pose = pose(session, random(2, v.session() * 100 + v.object()), frame);
      Shape body = pose.createTransformedShape(shape(v.category()));
      drawObject(g, body, v.object(), pose);
      drawLighting(g, session);
    } finally {
      g.dispose();
    }
    return img;
  }

  /**
   * A generator for one (purpose, key) pair. The seed is scrambled first (SplitMix64's finaliser):
   * {@link Random}s built from neighbouring seeds give nearly equal first draws.
   */
  private Random random(int stream, long key) {
    long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + key;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  /** A session's scene: a base colour and a few large, faint blocks of clutter. */
  private static void drawBackground(Graphics2D g, Random r) {
    g.setColor(
        Color.getHSBColor(
            r.nextFloat(), 0.15f + 0.3f * r.nextFloat(), 0.35f + 0.5f * r.nextFloat()));
    g.fill(new Rectangle2D.Double(0, 0, UNITS, UNITS));
    for (int i = 0; i < 4; i++) {
      g.setColor(
          Color.getHSBColor(r.nextFloat(), 0.3f * r.nextFloat(), 0.3f + 0.6f * r.nextFloat()));
      double w = 20 + 50 * r.nextDouble();
      double h = 20 + 50 * r.nextDouble();
      g.fill(
          new Rectangle2D.Double(
              r.nextDouble() * UNITS - w / 2, r.nextDouble() * UNITS - h / 2, w, h));
    }
  }

  /** Where the object sits: per session a place and size, per video a start, per frame drift. */
  private static AffineTransform pose(Random session, Random video, int frame) {
    double cx = UNITS / 2 + 22 * (session.nextDouble() - 0.5);
    double cy = UNITS / 2 + 22 * (session.nextDouble() - 0.5);
    double scale = 30 + 12 * session.nextDouble();
    double angle = 2 * Math.PI * video.nextDouble();
    double dx = 5 * (video.nextDouble() - 0.5);
    double dy = 5 * (video.nextDouble() - 0.5);
    AffineTransform t = new AffineTransform();
    t.translate(cx + dx * frame, cy + dy * frame);
    t.rotate(angle + 0.12 * frame);
    t.scale(scale, scale);
    return t;
  }

  private void drawObject(Graphics2D g, Shape body, int object, AffineTransform pose) {
    Random r = random(3, object);
    float hue = r.nextFloat();
    Color base = Color.getHSBColor(hue, 0.65f + 0.3f * r.nextFloat(), 0.7f + 0.3f * r.nextFloat());
    Color accent = Color.getHSBColor(hue + 0.5f, 0.8f, 0.35f + 0.3f * r.nextFloat());
    g.setColor(base);
    g.fill(body);
    Shape clip = g.getClip();
    g.clip(body);
    g.setColor(accent);
    g.fill(pose.createTransformedShape(texture((object - 1) % 5)));
    g.setClip(clip);
    g.setColor(base.darker().darker());
    g.setStroke(new BasicStroke(1.5f));
    g.draw(body);
  }

  /** A session's light: a translucent white or black veil. */
  private static void drawLighting(Graphics2D g, Random r) {
    float light = 2 * r.nextFloat() - 1;
    int alpha = (int) (70 * Math.abs(light));
    g.setColor(light > 0 ? new Color(255, 255, 240, alpha) : new Color(0, 0, 20, alpha));
    g.fill(new Rectangle2D.Double(0, 0, UNITS, UNITS));
  }

  /** The surface pattern of the j-th object of a category, in unit space. */
  private static Shape texture(int j) {
    Path2D.Double p = new Path2D.Double();
    switch (j) {
      case 1: // horizontal stripes
        for (double y = -1; y < 1; y += 0.4) {
          p.append(new Rectangle2D.Double(-1.2, y, 2.4, 0.2), false);
        }
        break;
      case 2: // dots
        for (double x = -0.9; x < 1; x += 0.45) {
          for (double y = -0.9; y < 1; y += 0.45) {
            p.append(new Ellipse2D.Double(x - 0.1, y - 0.1, 0.2, 0.2), false);
          }
        }
        break;
      case 3: // checker
        for (int x = 0; x < 5; x++) {
          for (int y = x % 2; y < 5; y += 2) {
            p.append(new Rectangle2D.Double(-1.25 + x * 0.5, -1.25 + y * 0.5, 0.5, 0.5), false);
          }
        }
        break;
      case 4: // one broad band
        p.append(new Rectangle2D.Double(-0.25, -1.2, 0.5, 2.4), false);
        break;
      default: // plain: a small centre mark
        p.append(new Ellipse2D.Double(-0.15, -0.15, 0.3, 0.3), false);
    }
    return p;
  }

  /** The shape of a category, centred on 0 with radius about 1. */
  static Shape shape(int category) {
    switch (category) {
      case 0:
        return new Ellipse2D.Double(-1, -1, 2, 2);
      case 1:
        return new Rectangle2D.Double(-0.85, -0.85, 1.7, 1.7);
      case 2:
        return polygon(3, 1.1, 0);
      case 3:
        return polygon(4, 1.1, 0);
      case 4:
        return polygon(5, 1, 0);
      case 5:
        return polygon(6, 1, 0);
      case 6:
        return star();
      case 7:
        return cross();
      case 8:
        return ring();
      default:
        return new Rectangle2D.Double(-1.1, -0.45, 2.2, 0.9);
    }
  }

  private static Shape polygon(int corners, double radius, double phase) {
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < corners; i++) {
      double a = phase + 2 * Math.PI * i / corners - Math.PI / 2;
      if (i == 0) {
        p.moveTo(radius * Math.cos(a), radius * Math.sin(a));
      } else {
        p.lineTo(radius * Math.cos(a), radius * Math.sin(a));
      }
    }
    p.closePath();
    return p;
  }

  private static Shape star() {
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? 1.1 : 0.45;
      double a = Math.PI * i / 5 - Math.PI / 2;
      if (i == 0) {
        p.moveTo(r * Math.cos(a), r * Math.sin(a));
      } else {
        p.lineTo(r * Math.cos(a), r * Math.sin(a));
      }
    }
    p.closePath();
    return p;
  }

  private static Shape cross() {
    Area a = new Area(new Rectangle2D.Double(-1, -0.33, 2, 0.66));
    a.add(new Area(new Rectangle2D.Double(-0.33, -1, 0.66, 2)));
    return a;
  }

  private static Shape ring() {
    Area a = new Area(new Ellipse2D.Double(-1, -1, 2, 2));
    a.subtract(new Area(new Ellipse2D.Double(-0.5, -0.5, 1, 1)));
    return a;
  }
}
