package org.highdicom4j.formats;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;

/**
 * Reads and writes NIfTI-1 single-file images ({@code .nii}, and {@code .nii.gz} compressed with
 * gzip), the label-map format of the {@code hd4j seg} command.
 *
 * <p>Reading accepts both byte orders (detected from sizeof_hdr = 348), magic {@code n+1},
 * datatypes uint8, int8, uint16, int16, uint32, int32, float32 and float64, and dim[0] from 2 to 7
 * when dim[5..7] are 1: three spatial axes and an optional fourth axis of channels. Two-file
 * ({@code ni1}) and NIfTI-2 headers and other datatypes are rejected with {@link
 * ImageFormatException}. See {@link Nifti1Image} for the axis order and affines.
 *
 * <p>Writing produces little-endian (or, on request, big-endian) {@code n+1} files with vox_offset
 * 352, no extensions, scl_slope 1 and scl_inter 0, xyzt_units millimetres, and both the sform and
 * the qform set from the affine (codes 1, scanner anatomical), so that any NIfTI reader finds the
 * same geometry; {@code .gz} names are gzip-compressed.
 */
public final class Nifti1 {
  private Nifti1() {}

  static final String FORMAT = "NIfTI-1";
  private static final int HEADER_SIZE = 348;
  private static final int VOX_OFFSET = 352;

  // NIfTI-1 datatype codes (nifti1.h).
  static final int DT_UINT8 = 2;
  static final int DT_INT16 = 4;
  static final int DT_INT32 = 8;
  static final int DT_FLOAT32 = 16;
  static final int DT_FLOAT64 = 64;
  static final int DT_INT8 = 256;
  static final int DT_UINT16 = 512;
  static final int DT_UINT32 = 768;

  /**
   * Reads a NIfTI-1 file; gzip-compressed content (recognised by its magic bytes) is decompressed.
   *
   * @param path a {@code .nii} or {@code .nii.gz} file
   * @return the image
   * @throws ImageFormatException when the header is malformed or unsupported, or the data is
   *     truncated
   * @throws IOException when the file cannot be read
   */
  public static Nifti1Image read(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    long fileSize = Files.size(path);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      // Gzip is recognised by its magic bytes, so a compressed file named .nii reads too.
      raw.mark(2);
      boolean gz = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      if (!gz && isGzip(path)) {
        throw new ImageFormatException(
            FORMAT, "gzip stream", 0, "is missing (expected gzip data in a .gz file): not gzip");
      }
      InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw;
      // The bound for data: the file itself, or the most a gzip stream of this size can inflate to.
      long available = gz ? fileSize * DataIo.MAX_DEFLATE_RATIO : fileSize;
      return read(in, available, gz);
    } catch (ZipException | EOFException e) {
      throw new ImageFormatException(FORMAT, "gzip stream", 0, "is not valid gzip data: " + e, e);
    }
  }

  private static boolean isGzip(Path path) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  private static Nifti1Image read(InputStream in, long available, boolean gz) throws IOException {
    byte[] h = new byte[HEADER_SIZE];
    DataIo.readFully(in, h, 0, HEADER_SIZE, FORMAT, "header", 0);
    ByteBuffer bb = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
    int sizeofHdr = bb.getInt(0);
    if (sizeofHdr != HEADER_SIZE) {
      bb.order(ByteOrder.BIG_ENDIAN);
      sizeofHdr = bb.getInt(0);
      if (sizeofHdr != HEADER_SIZE) {
        int le = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (le == 540 || sizeofHdr == 540) {
          throw fail("sizeof_hdr", 0, "is NIfTI-2, which is not supported (expected 348): 540");
        }
        throw fail("sizeof_hdr", 0, "is not a NIfTI-1 header size (expected 348): " + le);
      }
    }
    String magic = new String(h, 344, 4, StandardCharsets.ISO_8859_1);
    if (magic.equals("ni1\0")) {
      throw fail(
          "magic",
          344,
          "is a two-file (.hdr/.img) NIfTI-1 pair, which is not supported (expected \"n+1\"): ni1");
    }
    if (!magic.equals("n+1\0")) {
      throw fail(
          "magic", 344, "is not NIfTI-1 single-file (expected \"n+1\"): " + printable(magic));
    }
    int[] dim = new int[8];
    for (int i = 0; i < 8; i++) {
      dim[i] = bb.getShort(40 + 2 * i);
    }
    if (dim[0] < 2 || dim[0] > 7) {
      throw fail("dim[0]", 40, "number of dimensions is unsupported (expected 2 to 4): " + dim[0]);
    }
    for (int i = 1; i <= dim[0]; i++) {
      if (dim[i] < 1) {
        throw fail(
            "dim[" + i + "]", 40 + 2 * i, "extent must be positive (expected ≥ 1): " + dim[i]);
      }
      if (i >= 5 && dim[i] != 1) {
        throw fail(
            "dim[" + i + "]",
            40 + 2 * i,
            "only three spatial axes and one channel axis are supported (expected 1): " + dim[i]);
      }
    }
    int ni = dim[1];
    int nj = dim[2];
    int nk = dim[0] >= 3 ? dim[3] : 1;
    int nt = dim[0] >= 4 ? dim[4] : 1;
    int datatype = bb.getShort(70);
    DType dtype = dtypeOf(datatype);
    int bitpix = bb.getShort(72);
    if (bitpix != dtype.size() * 8) {
      throw fail(
          "bitpix",
          72,
          "does not match datatype "
              + datatype
              + " (expected "
              + dtype.size() * 8
              + "): "
              + bitpix);
    }
    double[] pixdim = new double[8];
    for (int i = 0; i < 8; i++) {
      pixdim[i] = bb.getFloat(76 + 4 * i);
    }
    double voxOffsetF = bb.getFloat(108);
    if (!(voxOffsetF >= HEADER_SIZE) || voxOffsetF != Math.rint(voxOffsetF) || voxOffsetF > 1e12) {
      throw fail(
          "vox_offset",
          108,
          "is not a whole byte offset past the header (expected ≥ 348): " + voxOffsetF);
    }
    long voxOffset = (long) voxOffsetF;
    long voxels = (long) ni * nj * nk * nt;
    long dataBytes = voxels * dtype.size();
    if (voxels > Integer.MAX_VALUE - 8) {
      throw fail("dim", 40, "has too many voxels for one array (expected < 2^31): " + voxels);
    }
    if (voxOffset + dataBytes > available) {
      throw fail(
          "dim",
          40,
          (gz
                  ? "declares more data than the compressed file can hold"
                  : "declares more data than the file holds")
              + " (expected ≤ "
              + (available - voxOffset)
              + " bytes after vox_offset): "
              + dataBytes);
    }
    double sclSlope = bb.getFloat(112);
    double sclInter = bb.getFloat(116);
    int xyztUnits = h[123] & 0xff;
    String descrip = cString(h, 148, 80);
    int qformCode = bb.getShort(252);
    int sformCode = bb.getShort(254);
    double[] quatern = {bb.getFloat(256), bb.getFloat(260), bb.getFloat(264)};
    double[] qoffset = {bb.getFloat(268), bb.getFloat(272), bb.getFloat(276)};
    double[][] srow = new double[3][4];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        srow[r][c] = bb.getFloat(280 + 16 * r + 4 * c);
      }
    }
    int intentCode = bb.getShort(68);
    String intentName = cString(h, 328, 16);

    DataIo.skipFully(in, voxOffset - HEADER_SIZE, FORMAT, "extension", HEADER_SIZE);
    int[] fileShape = nt > 1 ? new int[] {nt, nk, nj, ni} : new int[] {nk, nj, ni};
    NdArray a = DataIo.readArray(in, dtype, fileShape, bb.order(), FORMAT, voxOffset);
    if (nt > 1) {
      a = DataIo.permute(a, 1, 2, 3, 0);
    }
    return new Nifti1Image(
        bb.order(),
        dim,
        datatype,
        pixdim,
        voxOffset,
        sclSlope,
        sclInter,
        qformCode,
        sformCode,
        quatern,
        qoffset,
        srow,
        intentCode,
        intentName,
        descrip,
        xyztUnits,
        a);
  }

  static DType dtypeOf(int datatype) throws ImageFormatException {
    switch (datatype) {
      case DT_UINT8:
        return DType.UINT8;
      case DT_INT8:
        return DType.INT8;
      case DT_UINT16:
        return DType.UINT16;
      case DT_INT16:
        return DType.INT16;
      case DT_UINT32:
        return DType.UINT32;
      case DT_INT32:
        return DType.INT32;
      case DT_FLOAT32:
        return DType.FLOAT32;
      case DT_FLOAT64:
        return DType.FLOAT64;
      default:
        throw fail(
            "datatype",
            70,
            "is not supported (expected 2 uint8, 256 int8, 512 uint16, 4 int16, 768 uint32, 8"
                + " int32, 16 float32 or 64 float64): "
                + datatype
                + datatypeName(datatype));
    }
  }

  private static String datatypeName(int code) {
    switch (code) {
      case 1:
        return " (binary)";
      case 32:
        return " (complex64)";
      case 128:
        return " (rgb24)";
      case 1024:
        return " (int64)";
      case 1280:
        return " (uint64)";
      case 1536:
        return " (float128)";
      case 1792:
        return " (complex128)";
      case 2048:
        return " (complex256)";
      case 2304:
        return " (rgba32)";
      default:
        return "";
    }
  }

  private static int datatypeCode(DType dtype) {
    switch (dtype) {
      case BOOL:
      case UINT8:
        return DT_UINT8;
      case INT8:
        return DT_INT8;
      case UINT16:
        return DT_UINT16;
      case INT16:
        return DT_INT16;
      case UINT32:
        return DT_UINT32;
      case INT32:
        return DT_INT32;
      case FLOAT32:
        return DT_FLOAT32;
      default:
        return DT_FLOAT64;
    }
  }

  private static ImageFormatException fail(String field, long offset, String problem) {
    return new ImageFormatException(FORMAT, field, offset, problem);
  }

  private static String cString(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.ISO_8859_1);
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
    }
    return sb.append('"').toString();
  }

  /**
   * Writes a little-endian NIfTI-1 file ({@code .gz} names gzip-compressed).
   *
   * @param path target, {@code .nii} or {@code .nii.gz}
   * @param array voxels with axes (slice, row, column[, channel]); BOOL is written as uint8
   * @param affineLps 4 x 4 matrix from (slice, row, column, 1) to LPS, as {@link
   *     org.highdicom4j.Volume#affine()} returns it
   * @throws IOException when the file cannot be written
   */
  public static void write(Path path, NdArray array, double[][] affineLps) throws IOException {
    write(path, array, affineLps, ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Writes a NIfTI-1 file in the given byte order ({@code .gz} names gzip-compressed).
   *
   * @param path target, {@code .nii} or {@code .nii.gz}
   * @param array voxels with axes (slice, row, column[, channel]); each extent at most 32767
   * @param affineLps 4 x 4 matrix from (slice, row, column, 1) to LPS; its 3 x 3 part must be
   *     invertible
   * @param order byte order of header and data
   * @throws IOException when the file cannot be written
   */
  public static void write(Path path, NdArray array, double[][] affineLps, ByteOrder order)
      throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(array, "array");
    Objects.requireNonNull(affineLps, "affineLps");
    Objects.requireNonNull(order, "order");
    if (array.ndim() != 3 && array.ndim() != 4) {
      throw new IllegalArgumentException(
          "array must have axes (slice, row, column[, channel]) (expected 3 or 4 dimensions): "
              + array.ndim());
    }
    for (int d = 0; d < array.ndim(); d++) {
      if (array.shape(d) < 1 || array.shape(d) > Short.MAX_VALUE) {
        throw new IllegalArgumentException(
            "NIfTI-1 dim holds extents 1 to 32767 (expected ≤ 32767): " + array.shape(d));
      }
    }
    double[][] ras = DataIo.swapIk(DataIo.flipXy(DataIo.checkAffine(affineLps, "affineLps")));
    byte[] header = header(array, ras, order);
    NdArray data = array.ndim() == 4 ? DataIo.permute(array, 3, 0, 1, 2) : array;
    boolean gz = isGzip(path);
    DataIo.writeAtomically(
        path,
        out -> {
          OutputStream o = gz ? new GZIPOutputStream(out, 1 << 16) : out;
          o.write(header);
          DataIo.writeArray(o, data, order);
          if (gz) {
            ((GZIPOutputStream) o).finish();
          }
        });
  }

  private static byte[] header(NdArray array, double[][] ras, ByteOrder order) {
    ByteBuffer bb = ByteBuffer.allocate(VOX_OFFSET).order(order);
    bb.putInt(0, HEADER_SIZE);
    bb.put(38, (byte) 'r');
    int nd = array.ndim();
    int[] s = array.shape();
    short[] dim = {(short) nd, (short) s[2], (short) s[1], (short) s[0], 1, 1, 1, 1};
    if (nd == 4) {
      dim[4] = (short) s[3];
    }
    for (int i = 0; i < 8; i++) {
      bb.putShort(40 + 2 * i, dim[i]);
    }
    DType dtype = array.dtype();
    bb.putShort(70, (short) datatypeCode(dtype));
    bb.putShort(72, (short) (dtype.size() * 8));

    // Polar form of the linear part: spacing per column, rotation, and qfac = −1 for a
    // left-handed index system (the standard negates the k column instead).
    double[] zoom = new double[3];
    double[][] r = new double[3][3];
    for (int c = 0; c < 3; c++) {
      zoom[c] = Math.sqrt(ras[0][c] * ras[0][c] + ras[1][c] * ras[1][c] + ras[2][c] * ras[2][c]);
      if (zoom[c] == 0) {
        throw new IllegalArgumentException("affineLps has a zero column " + (2 - c));
      }
      for (int row = 0; row < 3; row++) {
        r[row][c] = ras[row][c] / zoom[c];
      }
    }
    double det =
        r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1])
            - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
            + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
    double qfac = det < 0 ? -1 : 1;
    if (qfac < 0) {
      for (int row = 0; row < 3; row++) {
        r[row][2] = -r[row][2];
      }
    }
    double[] q = quaternion(r);
    float[] pixdim = {(float) qfac, (float) zoom[0], (float) zoom[1], (float) zoom[2], 1, 1, 1, 1};
    for (int i = 0; i < 8; i++) {
      bb.putFloat(76 + 4 * i, pixdim[i]);
    }
    bb.putFloat(108, VOX_OFFSET);
    bb.putFloat(112, 1f);
    bb.putFloat(116, 0f);
    bb.put(123, (byte) 2); // NIFTI_UNITS_MM
    byte[] descrip = "highdicom4j".getBytes(StandardCharsets.US_ASCII);
    bb.put(148, descrip);
    bb.putShort(252, (short) 1); // NIFTI_XFORM_SCANNER_ANAT
    bb.putShort(254, (short) 1);
    bb.putFloat(256, (float) q[1]);
    bb.putFloat(260, (float) q[2]);
    bb.putFloat(264, (float) q[3]);
    bb.putFloat(268, (float) ras[0][3]);
    bb.putFloat(272, (float) ras[1][3]);
    bb.putFloat(276, (float) ras[2][3]);
    for (int row = 0; row < 3; row++) {
      for (int c = 0; c < 4; c++) {
        bb.putFloat(280 + 16 * row + 4 * c, (float) ras[row][c]);
      }
    }
    bb.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
    return bb.array();
  }

  /** Returns the unit quaternion (a, b, c, d), a ≥ 0, of a proper rotation matrix. */
  static double[] quaternion(double[][] r) {
    double trace = r[0][0] + r[1][1] + r[2][2];
    double a;
    double b;
    double c;
    double d;
    if (trace > 0) {
      a = 0.5 * Math.sqrt(1 + trace);
      b = (r[2][1] - r[1][2]) / (4 * a);
      c = (r[0][2] - r[2][0]) / (4 * a);
      d = (r[1][0] - r[0][1]) / (4 * a);
    } else if (r[0][0] >= r[1][1] && r[0][0] >= r[2][2]) {
      b = 0.5 * Math.sqrt(Math.max(0, 1 + r[0][0] - r[1][1] - r[2][2]));
      a = (r[2][1] - r[1][2]) / (4 * b);
      c = (r[0][1] + r[1][0]) / (4 * b);
      d = (r[0][2] + r[2][0]) / (4 * b);
    } else if (r[1][1] >= r[2][2]) {
      c = 0.5 * Math.sqrt(Math.max(0, 1 - r[0][0] + r[1][1] - r[2][2]));
      a = (r[0][2] - r[2][0]) / (4 * c);
      b = (r[0][1] + r[1][0]) / (4 * c);
      d = (r[1][2] + r[2][1]) / (4 * c);
    } else {
      d = 0.5 * Math.sqrt(Math.max(0, 1 - r[0][0] - r[1][1] + r[2][2]));
      a = (r[1][0] - r[0][1]) / (4 * d);
      b = (r[0][2] + r[2][0]) / (4 * d);
      c = (r[1][2] + r[2][1]) / (4 * d);
    }
    double n = Math.sqrt(a * a + b * b + c * c + d * d);
    double sign = a < 0 ? -1 : 1;
    return new double[] {sign * a / n, sign * b / n, sign * c / n, sign * d / n};
  }
}
