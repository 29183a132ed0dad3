package org.deepslda.lda;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.deepslda.common.BadInputException;
import org.deepslda.common.HadoopFiles;
import org.deepslda.common.NpyArray;
import org.deepslda.common.Npz;

/**
 * A model on disk as an {@code .npz} archive that {@code numpy.load} opens with no custom code.
 * Format version {@value #FORMAT_VERSION}, arrays in this order:
 *
 * <table>
 *   <caption>arrays of a checkpoint</caption>
 *   <tr><th>name</th><th>dtype</th><th>shape</th><th>meaning</th></tr>
 *   <tr><td>muK</td><td>float32</td><td>(C, d)</td><td>class means</td></tr>
 *   <tr><td>cK</td><td>float32</td><td>(C,)</td><td>samples per class (whole numbers)</td></tr>
 *   <tr><td>Sigma</td><td>float32</td><td>(d, d)</td><td>shared covariance</td></tr>
 *   <tr><td>num_updates</td><td>int64</td><td>()</td><td>samples seen, t = sum of cK</td></tr>
 *   <tr><td>shrinkage</td><td>float64</td><td>()</td><td>eps, in (0, 1]</td></tr>
 *   <tr><td>plastic_cov</td><td>int64</td><td>()</td><td>1 if Sigma is updated, else 0</td></tr>
 *   <tr><td>mask_unseen</td><td>int64</td><td>()</td><td>1 if unseen classes are masked</td></tr>
 *   <tr><td>format_version</td><td>int64</td><td>()</td><td>{@value #FORMAT_VERSION}</td></tr>
 * </table>
 *
 * The first four arrays carry the reference's names. Files are written atomically, and the same
 * state always gives the same bytes. Counts are exact up to 2^24 per class (float32).
 */
public final class SldaCheckpoint {
  /** The version this code writes and the newest it reads. */
  public static final long FORMAT_VERSION = 1;

  private SldaCheckpoint() {}

  /** Writes the model's state and settings to {@code uri} (any Hadoop FS path), atomically. */
  public static void save(StreamingLda model, String uri, Configuration conf) {
    HadoopFiles.writeAtomically(uri, conf, toBytes(model));
  }

  /** The checkpoint as {@code .npz} bytes; deterministic for a given state. */
  public static byte[] toBytes(StreamingLda model) {
    int d = model.dim();
    int c = model.numClasses();
    long[] counts = model.counts();
    float[] countsAsFloat = new float[c];
    for (int k = 0; k < c; k++) {
      countsAsFloat[k] = counts[k];
    }
    SldaOptions o = model.options();
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    arrays.put("muK", NpyArray.ofFloats(model.means(), c, d));
    arrays.put("cK", NpyArray.ofFloats(countsAsFloat, c));
    arrays.put("Sigma", NpyArray.ofFloats(model.covariance(), d, d));
    arrays.put("num_updates", NpyArray.scalarLong(model.numUpdates()));
    arrays.put("shrinkage", NpyArray.scalarDouble(o.shrinkage()));
    arrays.put("plastic_cov", NpyArray.scalarLong(o.plasticCov() ? 1 : 0));
    arrays.put("mask_unseen", NpyArray.scalarLong(o.maskUnseen() ? 1 : 0));
    arrays.put("format_version", NpyArray.scalarLong(FORMAT_VERSION));
    return Npz.toBytes(arrays);
  }

  /**
   * Reads a checkpoint written by {@link #save} (or by numpy with the same arrays).
   *
   * @throws BadInputException naming the file and the array when the archive is damaged, an array
   *     is missing or has the wrong dtype or shape, a value is not finite, a count is not a
   *     non-negative whole number, or the format version is newer than this code reads
   */
  public static StreamingLda load(String uri, Configuration conf) {
    return fromBytes(HadoopFiles.readAllBytes(uri, conf), uri);
  }

  /** Parses checkpoint bytes; {@code source} names them in error messages. */
  public static StreamingLda fromBytes(byte[] bytes, String source) {
    Reader r = new Reader(Npz.parse(bytes, source), source);
    r.checkVersion();
    long[] cShape = r.shape("cK", "<f4", 1);
    long[] muShape = r.shape("muK", "<f4", 2);
    long[] sigmaShape = r.shape("Sigma", "<f4", 2);
    int c = r.dimension(cShape[0], "cK", "C");
    int d = r.dimension(muShape[1], "muK", "d");
    r.expectShape("muK", muShape, c, d);
    r.expectShape("Sigma", sigmaShape, d, d);
    SldaOptions options = r.options(d, c);
    long[] counts = r.counts(c);
    long t = r.numUpdates(counts);
    float[] means = r.finiteFloats("muK");
    float[] sigma = r.finiteFloats("Sigma");
    return StreamingLda.restore(options, means, counts, sigma, t);
  }

  /** Checks of one parsed archive; every message starts with the file and the array. */
  private static final class Reader {
    private final Map<String, NpyArray> arrays;
    private final String source;

    Reader(Map<String, NpyArray> arrays, String source) {
      this.arrays = arrays;
      this.source = source;
    }

    private BadInputException bad(String name, String problem) {
      return new BadInputException(source + ": array '" + name + "': " + problem);
    }

    private NpyArray get(String name) {
      NpyArray a = arrays.get(name);
      if (a == null) {
        throw new BadInputException(
            source
                + ": not an SLDA checkpoint: array '"
                + name
                + "' is missing (found "
                + arrays.keySet()
                + ")");
      }
      return a;
    }

    void checkVersion() {
      long version = scalarLong("format_version");
      if (version > FORMAT_VERSION) {
        throw bad(
            "format_version",
            "the file has format version "
                + version
                + ", this program reads versions up to "
                + FORMAT_VERSION
                + "; use a newer release to load it");
      }
      if (version < 1) {
        throw bad(
            "format_version", "expected a version in 1.." + FORMAT_VERSION + ", found " + version);
      }
    }

    long[] shape(String name, String dtype, int rank) {
      NpyArray a = get(name);
      if (!a.dtype().equals(dtype)) {
        throw bad(name, "expected dtype " + dtype + ", found " + a.dtype());
      }
      long[] shape = a.shape();
      if (shape.length != rank) {
        throw bad(
            name, "expected " + rank + " dimension(s), found shape " + Arrays.toString(shape));
      }
      return shape;
    }

    int dimension(long value, String name, String what) {
      if (value < 1 || value > SldaOptions.MAX_DIM) {
        throw bad(name, "expected " + what + " in 1.." + SldaOptions.MAX_DIM + ", found " + value);
      }
      return (int) value;
    }

    void expectShape(String name, long[] shape, int rows, int cols) {
      if (shape[0] != rows || shape[1] != cols) {
        throw bad(
            name, "expected shape [" + rows + ", " + cols + "], found " + Arrays.toString(shape));
      }
    }

    SldaOptions options(int d, int c) {
      double eps = scalarDouble("shrinkage");
      if (!(eps > 0 && eps <= 1)) {
        throw bad("shrinkage", "expected a value in (0, 1], found " + eps);
      }
      return new SldaOptions(d, c, eps, flag("plastic_cov"), flag("mask_unseen"));
    }

    long[] counts(int c) {
      float[] raw = get("cK").toFloats();
      long[] counts = new long[c];
      for (int k = 0; k < c; k++) {
        if (!(raw[k] >= 0 && raw[k] == Math.rint(raw[k]) && raw[k] < 0x1p24f)) {
          throw bad(
              "cK",
              "count of class " + k + ": expected a whole number in 0..2^24, found " + raw[k]);
        }
        counts[k] = (long) raw[k];
      }
      return counts;
    }

    long numUpdates(long[] counts) {
      long t = scalarLong("num_updates");
      long sum = Arrays.stream(counts).sum();
      if (t != sum) {
        throw bad("num_updates", "expected the sum of cK, " + sum + ", found " + t);
      }
      return t;
    }

    float[] finiteFloats(String name) {
      float[] values = get(name).toFloats();
      for (int i = 0; i < values.length; i++) {
        if (!Float.isFinite(values[i])) {
          throw bad(name, "expected finite values, found " + values[i] + " at flat index " + i);
        }
      }
      return values;
    }

    private boolean flag(String name) {
      long v = scalarLong(name);
      if (v != 0 && v != 1) {
        throw bad(name, "expected 0 or 1, found " + v);
      }
      return v == 1;
    }

    private long scalarLong(String name) {
      NpyArray a = scalar(name);
      if (!a.dtype().equals("<i8") && !a.dtype().equals("<i4")) {
        throw bad(name, "expected an integer scalar (<i8), found dtype " + a.dtype());
      }
      return a.toLongs()[0];
    }

    private double scalarDouble(String name) {
      NpyArray a = scalar(name);
      if (!a.dtype().equals("<f8") && !a.dtype().equals("<f4")) {
        throw bad(name, "expected a float scalar (<f8), found dtype " + a.dtype());
      }
      return a.toDoubles()[0];
    }

    private NpyArray scalar(String name) {
      NpyArray a = get(name);
      if (a.shape().length != 0) {
        throw bad(name, "expected a scalar (shape []), found shape " + Arrays.toString(a.shape()));
      }
      return a;
    }
  }
}
