package org.highdicom4j.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0), the array format of
 * numpy's {@code save} and {@code load}; they hold no geometry.
 *
 * <p>Reading accepts C and Fortran order and the descriptors {@code b1} (BOOL), {@code u1}, {@code
 * i1}, {@code u2}, {@code i2}, {@code u4}, {@code i4}, {@code f4} and {@code f8} with byte order
 * {@code <}, {@code >}, {@code |} or {@code =} (native, taken as little endian, which is what numpy
 * writes on every platform it runs on), and returns a C-order array of the same shape. Other
 * descriptors (64-bit integers, complex, structured, object) are rejected with {@link
 * ImageFormatException}.
 *
 * <p>Writing produces version 1.0 (2.0 when the header needs more than 65535 bytes), little endian,
 * in C order or, on request, Fortran order; headers are padded to a multiple of 64 bytes.
 */
public final class Npy {
  private Npy() {}

  static final String FORMAT = "NPY";
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  /**
   * Reads a {@code .npy} file.
   *
   * @param path the file
   * @return the array in C order
   * @throws ImageFormatException when the header is malformed or the dtype unsupported
   * @throws IOException when the file cannot be read
   */
  public static NdArray read(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    long fileSize = Files.size(path);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      byte[] pre = new byte[8];
      DataIo.readFully(in, pre, 0, 8, FORMAT, "magic", 0);
      for (int i = 0; i < 6; i++) {
        if (pre[i] != MAGIC[i]) {
          throw new ImageFormatException(
              FORMAT, "magic", 0, "is missing (expected \\x93NUMPY): not a .npy file");
        }
      }
      int major = pre[6] & 0xff;
      long headerLen;
      int lenBytes;
      if (major == 1) {
        byte[] l = new byte[2];
        DataIo.readFully(in, l, 0, 2, FORMAT, "header length", 8);
        headerLen = ByteBuffer.wrap(l).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
        lenBytes = 2;
      } else if (major == 2 || major == 3) {
        byte[] l = new byte[4];
        DataIo.readFully(in, l, 0, 4, FORMAT, "header length", 8);
        headerLen = ByteBuffer.wrap(l).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        lenBytes = 4;
      } else {
        throw new ImageFormatException(
            FORMAT,
            "version",
            6,
            "is not supported (expected 1, 2 or 3): " + major + "." + (pre[7] & 0xff));
      }
      long dataStart = 8 + lenBytes + headerLen;
      if (dataStart > fileSize) {
        throw new ImageFormatException(
            FORMAT,
            "header length",
            8,
            "exceeds the file (expected ≤ " + (fileSize - 8 - lenBytes) + "): " + headerLen);
      }
      byte[] hb = new byte[(int) headerLen];
      DataIo.readFully(in, hb, 0, hb.length, FORMAT, "header", 8 + lenBytes);
      String header =
          new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
      Map<String, Object> dict = new DictParser(header, 8 + lenBytes).parse();
      Object descr = dict.get("descr");
      Object fortran = dict.get("fortran_order");
      Object shapeObj = dict.get("shape");
      if (!(descr instanceof String d)) {
        throw headerFail("descr", "is missing or not a string (expected e.g. '<u2'): " + descr);
      }
      if (!(fortran instanceof Boolean fo)) {
        throw headerFail(
            "fortran_order", "is missing or not a bool (expected True or False): " + fortran);
      }
      if (!(shapeObj instanceof List<?> shapeList)) {
        throw headerFail("shape", "is missing or not a tuple (expected e.g. (3, 4)): " + shapeObj);
      }
      ByteOrder order;
      DType dtype;
      if (d.length() != 3) {
        throw headerFail(
            "descr",
            "is not supported (expected <, >, | or = and b1, u1, i1, u2, i2, u4, i4, f4 or f8): "
                + d);
      }
      switch (d.charAt(0)) {
        case '<':
        case '|':
        case '=':
          order = ByteOrder.LITTLE_ENDIAN;
          break;
        case '>':
          order = ByteOrder.BIG_ENDIAN;
          break;
        default:
          throw headerFail("descr", "has an unknown byte order (expected <, >, | or =): " + d);
      }
      switch (d.substring(1)) {
        case "b1":
          dtype = DType.BOOL;
          break;
        case "u1":
          dtype = DType.UINT8;
          break;
        case "i1":
          dtype = DType.INT8;
          break;
        case "u2":
          dtype = DType.UINT16;
          break;
        case "i2":
          dtype = DType.INT16;
          break;
        case "u4":
          dtype = DType.UINT32;
          break;
        case "i4":
          dtype = DType.INT32;
          break;
        case "f4":
          dtype = DType.FLOAT32;
          break;
        case "f8":
          dtype = DType.FLOAT64;
          break;
        default:
          throw headerFail(
              "descr", "is not supported (expected b1, u1, i1, u2, i2, u4, i4, f4 or f8): " + d);
      }
      int nd = shapeList.size();
      int[] shape = new int[nd];
      long count = 1;
      for (int i = 0; i < nd; i++) {
        Object v = shapeList.get(i);
        if (!(v instanceof Long l) || l < 0 || l > Integer.MAX_VALUE) {
          throw headerFail("shape", "has an invalid extent (expected a non-negative int): " + v);
        }
        shape[i] = (int) (long) l;
        count *= l;
        if (count > Integer.MAX_VALUE - 8) {
          throw headerFail(
              "shape", "has too many elements for one array (expected < 2^31): " + shapeList);
        }
      }
      long dataBytes = count * dtype.size();
      if (dataStart + dataBytes > fileSize) {
        throw new ImageFormatException(
            FORMAT,
            "data",
            dataStart,
            "is shorter than shape and descr declare (expected "
                + dataBytes
                + " bytes): "
                + (fileSize - dataStart));
      }
      if (!fo || nd < 2) {
        return DataIo.readArray(in, dtype, shape, order, FORMAT, dataStart);
      }
      int[] reversed = new int[nd];
      int[] axes = new int[nd];
      for (int i = 0; i < nd; i++) {
        reversed[i] = shape[nd - 1 - i];
        axes[i] = nd - 1 - i;
      }
      return DataIo.permute(DataIo.readArray(in, dtype, reversed, order, FORMAT, dataStart), axes);
    }
  }

  private static ImageFormatException headerFail(String key, String problem) {
    return new ImageFormatException(FORMAT, "header '" + key + "'", 10, problem);
  }

  /**
   * Writes a {@code .npy} file in C order.
   *
   * @param path target
   * @param array the array
   * @throws IOException when the file cannot be written
   */
  public static void write(Path path, NdArray array) throws IOException {
    write(path, array, false);
  }

  /**
   * Writes a {@code .npy} file.
   *
   * @param path target
   * @param array the array
   * @param fortranOrder true to store the elements in Fortran order (first axis fastest)
   * @throws IOException when the file cannot be written
   */
  public static void write(Path path, NdArray array, boolean fortranOrder) throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(array, "array");
    int nd = array.ndim();
    StringBuilder shape = new StringBuilder("(");
    for (int i = 0; i < nd; i++) {
      shape.append(array.shape(i));
      if (nd == 1 || i < nd - 1) {
        shape.append(nd == 1 ? "," : ", ");
      }
    }
    shape.append(')');
    String descr = descr(array.dtype());
    String dict =
        "{'descr': '"
            + descr
            + "', 'fortran_order': "
            + (fortranOrder ? "True" : "False")
            + ", 'shape': "
            + shape
            + ", }";
    // Version 1.0 has a 16-bit header length; larger headers need 2.0's 32-bit one.
    int major = 1;
    int pre = 10;
    int padded = (pre + dict.length() + 1 + 63) / 64 * 64;
    if (padded - pre > 65535) {
      major = 2;
      pre = 12;
      padded = (pre + dict.length() + 1 + 63) / 64 * 64;
    }
    StringBuilder h = new StringBuilder(dict);
    while (pre + h.length() + 1 < padded) {
      h.append(' ');
    }
    h.append('\n');
    byte[] hb = h.toString().getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer prefix = ByteBuffer.allocate(pre).order(ByteOrder.LITTLE_ENDIAN);
    prefix.put(MAGIC).put((byte) major).put((byte) 0);
    if (major == 1) {
      prefix.putShort((short) hb.length);
    } else {
      prefix.putInt(hb.length);
    }
    NdArray data = array;
    if (fortranOrder && nd >= 2) {
      int[] axes = new int[nd];
      for (int i = 0; i < nd; i++) {
        axes[i] = nd - 1 - i;
      }
      data = DataIo.permute(array, axes);
    }
    NdArray out = data;
    DataIo.writeAtomically(
        path,
        o -> {
          o.write(prefix.array());
          o.write(hb);
          DataIo.writeArray(o, out, ByteOrder.LITTLE_ENDIAN);
        });
  }

  private static String descr(DType t) {
    switch (t) {
      case BOOL:
        return "|b1";
      case UINT8:
        return "|u1";
      case INT8:
        return "|i1";
      case UINT16:
        return "<u2";
      case INT16:
        return "<i2";
      case UINT32:
        return "<u4";
      case INT32:
        return "<i4";
      case FLOAT32:
        return "<f4";
      default:
        return "<f8";
    }
  }

  /**
   * Parses the Python literal of a .npy header: a dict of string keys to strings, True/False,
   * integers and tuples of integers.
   */
  private static final class DictParser {
    private final String s;
    private final long base;
    private int i;

    DictParser(String s, long base) {
      this.s = s;
      this.base = base;
    }

    Map<String, Object> parse() throws ImageFormatException {
      skipWs();
      expect('{');
      Map<String, Object> m = new LinkedHashMap<>();
      while (true) {
        skipWs();
        if (peek() == '}') {
          i++;
          break;
        }
        Object k = value(0);
        if (!(k instanceof String key)) {
          throw error("dict key is not a string (expected 'descr', 'fortran_order' or 'shape')");
        }
        skipWs();
        expect(':');
        skipWs();
        m.put(key, value(0));
        skipWs();
        if (peek() == ',') {
          i++;
        } else if (peek() != '}') {
          throw error("dict entries must be separated by commas (expected , or })");
        }
      }
      skipWs();
      if (i != s.length()) {
        throw error("text after the dict (expected padding spaces and a newline)");
      }
      return m;
    }

    private Object value(int depth) throws ImageFormatException {
      if (depth > 4) {
        throw error("nesting too deep (expected a tuple of ints)");
      }
      char c = peek();
      if (c == '\'' || c == '"') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          throw error("unterminated string (expected a closing quote)");
        }
        String v = s.substring(i + 1, end);
        i = end + 1;
        return v;
      }
      if (c == '(' || c == '[') {
        char close = c == '(' ? ')' : ']';
        i++;
        List<Object> items = new ArrayList<>();
        while (true) {
          skipWs();
          if (peek() == close) {
            i++;
            return items;
          }
          items.add(value(depth + 1));
          skipWs();
          if (peek() == ',') {
            i++;
          } else if (peek() != close) {
            throw error("tuple items must be separated by commas (expected , or " + close + ")");
          }
        }
      }
      if (s.startsWith("True", i)) {
        i += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("False", i)) {
        i += 5;
        return Boolean.FALSE;
      }
      int start = i;
      while (i < s.length()
          && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == 'L')) {
        i++;
      }
      String num = s.substring(start, i).replace("L", "");
      if (num.isEmpty() || num.length() > 18) {
        throw error("unexpected value (expected a string, True, False, an int or a tuple)");
      }
      try {
        return Long.parseLong(num);
      } catch (NumberFormatException e) {
        throw error("malformed int (expected digits)");
      }
    }

    private char peek() throws ImageFormatException {
      if (i >= s.length()) {
        throw error("ends early (expected a complete dict)");
      }
      return s.charAt(i);
    }

    private void expect(char c) throws ImageFormatException {
      if (peek() != c) {
        throw error("malformed (expected '" + c + "')");
      }
      i++;
    }

    private void skipWs() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private ImageFormatException error(String problem) {
      String near = s.substring(i, Math.min(s.length(), i + 30));
      return new ImageFormatException(FORMAT, "header", base + i, problem + ": " + near);
    }
  }
}
