package org.highdicom4j.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;

/**
 * NumPy {@code .npy} label maps (format version 1.0–3.0, C order, little-endian or single-byte
 * types): a minimal reader and writer so that {@code hd4j seg} works without the formats package.
 * The file records no geometry.
 */
final class NpyLabelMapIo implements LabelMapIo {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  @Override
  public boolean supports(Path path) {
    return path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy");
  }

  @Override
  public LabelMap read(Path path) throws IOException {
    byte[] all = Files.readAllBytes(path);
    if (all.length < 10 || !java.util.Arrays.equals(java.util.Arrays.copyOf(all, 6), MAGIC)) {
      throw new IOException(path + " is not a NumPy .npy file (expected the \\x93NUMPY magic)");
    }
    int major = all[6];
    int headerLength;
    int start;
    if (major == 1) {
      headerLength = (all[8] & 0xff) | (all[9] & 0xff) << 8;
      start = 10;
    } else {
      headerLength = ByteBuffer.wrap(all, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      start = 12;
    }
    if (headerLength < 0 || start + (long) headerLength > all.length) {
      throw new IOException(path + ": .npy header length exceeds the file: " + headerLength);
    }
    String header = new String(all, start, headerLength, StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(header);
    Matcher o = ORDER.matcher(header);
    Matcher s = SHAPE.matcher(header);
    if (!d.find() || !o.find() || !s.find()) {
      throw new IOException(path + ": malformed .npy header: " + header.strip());
    }
    if (o.group(1).equals("True")) {
      throw new IOException(path + ": Fortran-ordered arrays are not supported (expected C order)");
    }
    DType dtype = dtype(d.group(1), path);
    String[] parts = s.group(1).split(",");
    int count = 0;
    for (String p : parts) {
      if (!p.isBlank()) {
        count++;
      }
    }
    int[] shape = new int[count];
    int k = 0;
    for (String p : parts) {
      if (!p.isBlank()) {
        shape[k++] = Integer.parseInt(p.strip());
      }
    }
    int dataStart = start + headerLength;
    long n = 1;
    for (int v : shape) {
      n *= v;
    }
    if (n * dtype.size() != all.length - dataStart) {
      throw new IOException(
          path
              + ": .npy data length does not match shape "
              + java.util.Arrays.toString(shape)
              + " (expected "
              + n * dtype.size()
              + " bytes): "
              + (all.length - dataStart));
    }
    byte[] data = java.util.Arrays.copyOfRange(all, dataStart, all.length);
    return new LabelMap(NdArray.fromLittleEndian(dtype, data, shape), null, Map.of());
  }

  private static DType dtype(String descr, Path path) throws IOException {
    switch (descr) {
      case "|b1":
        return DType.BOOL;
      case "|u1":
      case "<u1":
        return DType.UINT8;
      case "|i1":
      case "<i1":
        return DType.INT8;
      case "<u2":
        return DType.UINT16;
      case "<i2":
        return DType.INT16;
      case "<u4":
        return DType.UINT32;
      case "<i4":
        return DType.INT32;
      case "<f4":
        return DType.FLOAT32;
      case "<f8":
        return DType.FLOAT64;
      default:
        throw new IOException(
            path
                + ": .npy dtype is not supported (expected a little-endian numeric type): "
                + descr);
    }
  }

  @Override
  public void write(Path path, LabelMap labelMap) throws IOException {
    NdArray a = labelMap.array();
    String descr = descr(a.dtype());
    StringBuilder shape = new StringBuilder();
    for (int v : a.shape()) {
      shape.append(v).append(", ");
    }
    if (a.ndim() > 1) {
      shape.setLength(shape.length() - 1);
    }
    String dict =
        "{'descr': '"
            + descr
            + "', 'fortran_order': False, 'shape': ("
            + shape.toString().strip()
            + "), }";
    // Header padded with spaces to a multiple of 64 bytes, ending in a newline (format 1.0).
    int total = 10 + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
    byte[] data = a.toLittleEndian();
    byte[] out = new byte[10 + h.length + data.length];
    System.arraycopy(MAGIC, 0, out, 0, 6);
    out[6] = 1;
    out[7] = 0;
    out[8] = (byte) h.length;
    out[9] = (byte) (h.length >>> 8);
    System.arraycopy(h, 0, out, 10, h.length);
    System.arraycopy(data, 0, out, 10 + h.length, data.length);
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.write(tmp, out);
    Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
}
