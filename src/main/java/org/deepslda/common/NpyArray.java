package org.deepslda.common;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One array in numpy's {@code .npy} format (version 1.0, C order, little endian), as numpy
 * writes and {@code numpy.load} reads it with no custom code. Supported dtypes: {@code <f4},
 * {@code <f8}, {@code <i4}, {@code <i8}. Immutable.
 */
public final class NpyArray {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  private final String dtype;
  private final long[] shape;
  private final ByteBuffer data;

  private NpyArray(String dtype, long[] shape, ByteBuffer data) {
    this.dtype = dtype;
    this.shape = shape;
    this.data = data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  public static NpyArray ofFloats(float[] values, long... shape) {
    checkCount(values.length, shape);
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return new NpyArray("<f4", shape.clone(), b);
  }

  public static NpyArray ofDoubles(double[] values, long... shape) {
    checkCount(values.length, shape);
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(values);
    return new NpyArray("<f8", shape.clone(), b);
  }

  public static NpyArray ofLongs(long[] values, long... shape) {
    checkCount(values.length, shape);
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(values);
    return new NpyArray("<i8", shape.clone(), b);
  }

  public static NpyArray ofInts(int[] values, long... shape) {
    checkCount(values.length, shape);
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(values);
    return new NpyArray("<i4", shape.clone(), b);
  }

  /** A 0-d (scalar) int64 array. */
  public static NpyArray scalarLong(long value) {
    return ofLongs(new long[] {value});
  }

  /** A 0-d (scalar) float64 array. */
  public static NpyArray scalarDouble(double value) {
    return ofDoubles(new double[] {value});
  }

  private static void checkCount(int count, long[] shape) {
    if (count != product(shape)) {
      throw new IllegalArgumentException(
          "array of " + count + " values does not fit shape " + Arrays.toString(shape));
    }
  }

  private static long product(long[] shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }

  public String dtype() {
    return dtype;
  }

  public long[] shape() {
    return shape.clone();
  }

  public long size() {
    return product(shape);
  }

  private int itemSize() {
    return Integer.parseInt(dtype.substring(2));
  }

  /** The values as float (any supported dtype, converted). */
  public float[] toFloats() {
    float[] out = new float[(int) size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) doubleAt(i);
    }
    return out;
  }

  public double[] toDoubles() {
    double[] out = new double[(int) size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = doubleAt(i);
    }
    return out;
  }

  public long[] toLongs() {
    long[] out = new long[(int) size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = longAt(i);
    }
    return out;
  }

  private double doubleAt(int i) {
    switch (dtype) {
      case "<f4":
        return data.getFloat(i * 4);
      case "<f8":
        return data.getDouble(i * 8);
      default:
        return longAt(i);
    }
  }

  private long longAt(int i) {
    switch (dtype) {
      case "<i4":
        return data.getInt(i * 4);
      case "<i8":
        return data.getLong(i * 8);
      default:
        double v = doubleAt(i);
        if (v != Math.rint(v)) {
          throw new BadInputException("expected an integer value, found " + v);
        }
        return (long) v;
    }
  }

  /** The complete {@code .npy} file: magic, version 1.0, header padded to 64 bytes, data. */
  public byte[] toBytes() {
    StringBuilder dims = new StringBuilder();
    for (long s : shape) {
      dims.append(s).append(", ");
    }
    String shapeText =
        shape.length == 1 ? "(" + shape[0] + ",)" : "(" + trimComma(dims.toString()) + ")";
    String header =
        "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
    int unpadded = MAGIC.length + 2 + 2 + header.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    header = header + " ".repeat(padding) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    out.write(1);
    out.write(0);
    int len = header.length();
    out.write(len & 0xff);
    out.write((len >>> 8) & 0xff);
    out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    ByteBuffer copy = data.duplicate();
    copy.rewind();
    byte[] raw = new byte[copy.remaining()];
    copy.get(raw);
    out.writeBytes(raw);
    return out.toByteArray();
  }

  private static String trimComma(String s) {
    return s.isEmpty() ? "" : s.substring(0, s.length() - 2);
  }

  /**
   * Parses a {@code .npy} file. {@code source} names it in error messages.
   *
   * @throws BadInputException if the bytes are not a supported npy array, naming what is wrong
   */
  public static NpyArray parse(byte[] bytes, String source) {
    if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
      throw new BadInputException(source + ": not a .npy array (bad magic bytes)");
    }
    int major = bytes[6];
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLen;
    int headerStart;
    if (major == 1) {
      headerLen = Short.toUnsignedInt(b.getShort(8));
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      headerLen = b.getInt(8);
      headerStart = 12;
    } else {
      throw new BadInputException(source + ": unsupported .npy version " + major);
    }
    if (headerStart + headerLen > bytes.length || headerLen < 0) {
      throw new BadInputException(source + ": truncated .npy header");
    }
    String header = new String(bytes, headerStart, headerLen, StandardCharsets.ISO_8859_1);
    String dtype = match(DESCR, header, source, "descr");
    if (!dtype.matches("<f4|<f8|<i4|<i8")) {
      throw new BadInputException(
          source + ": dtype " + dtype + " is not supported (expected <f4, <f8, <i4 or <i8)");
    }
    if (match(ORDER, header, source, "fortran_order").equals("True")) {
      throw new BadInputException(source + ": Fortran-ordered arrays are not supported");
    }
    long[] shape = parseShape(match(SHAPE, header, source, "shape"), source);
    long expected = product(shape) * Integer.parseInt(dtype.substring(2));
    int dataStart = headerStart + headerLen;
    if (bytes.length - dataStart != expected) {
      throw new BadInputException(
          source
              + ": expected "
              + expected
              + " data bytes for shape "
              + Arrays.toString(shape)
              + ", found "
              + (bytes.length - dataStart)
              + " (truncated or edited file)");
    }
    ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) expected).slice();
    return new NpyArray(dtype, shape, data);
  }

  private static String match(Pattern p, String header, String source, String key) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new BadInputException(source + ": .npy header has no '" + key + "': " + header);
    }
    return m.group(1);
  }

  private static long[] parseShape(String text, String source) {
    String[] parts = text.split(",");
    return Arrays.stream(parts)
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .mapToLong(
            s -> {
              try {
                return Long.parseLong(s);
              } catch (NumberFormatException e) {
                throw new BadInputException(source + ": bad shape entry '" + s + "'");
              }
            })
        .toArray();
  }

  @Override
  public String toString() {
    return "NpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
  }
}
