package org.highdicom4j.formats;

import static org.highdicom4j.formats.FormatsTestSupport.assertAffineEquals;
import static org.highdicom4j.formats.FormatsTestSupport.matrix;
import static org.highdicom4j.formats.FormatsTestSupport.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NIfTI-1 reading (both byte orders, gzip, affine precedence, scaling), writing, malformed files.
 */
class Nifti1Test {
  @TempDir Path dir;

  /** The RAS affine of an LPS affine, with index columns swapped back to (i, j, k). */
  static double[][] rasIjk(double[][] lps) {
    double[][] r = new double[4][4];
    for (int row = 0; row < 4; row++) {
      double sign = row < 2 ? -1 : 1;
      r[row][0] = sign * lps[row][2];
      r[row][1] = sign * lps[row][1];
      r[row][2] = sign * lps[row][0];
      r[row][3] = sign * lps[row][3];
    }
    return r;
  }

  @Test
  void everyTypeRoundTripsInBothByteOrdersPlainAndGzipped() throws IOException {
    for (DType t : DType.values()) {
      NdArray a = NrrdTest.ramp(t);
      NdArray expected = t == DType.BOOL ? a.astype(DType.UINT8) : a;
      for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
        for (String ext : new String[] {".nii", ".nii.gz"}) {
          Path p = dir.resolve(t + "-" + order + ext);
          Nifti1.write(p, a, NrrdTest.oblique(), order);
          Nifti1Image img = Nifti1.read(p);
          assertEquals(expected, img.array(), p.toString());
          assertEquals(order, img.byteOrder());
          assertEquals(Nifti1Image.AffineSource.SFORM, img.affineSource());
          // Header floats are single precision.
          assertAffineEquals(NrrdTest.oblique(), img.affineLps(), 1e-4);
          // The quaternion written describes the same affine as the sform.
          assertAffineEquals(img.sformAffine(), img.qformAffine(), 1e-4);
          assertFalse(img.hasScaling());
          assertSame(img.array(), img.scaledArray());
        }
      }
    }
  }

  @Test
  void gzippedFileIsGzipAndPlainFileStartsWithTheHeader() throws IOException {
    Path gz = dir.resolve("a.nii.gz");
    Path plain = dir.resolve("a.nii");
    Nifti1.write(gz, NrrdTest.ramp(DType.INT16), NrrdTest.oblique());
    Nifti1.write(plain, NrrdTest.ramp(DType.INT16), NrrdTest.oblique());
    byte[] g = Files.readAllBytes(gz);
    assertEquals(0x1f, g[0] & 0xff);
    assertEquals(0x8b, g[1] & 0xff);
    byte[] b = Files.readAllBytes(plain);
    assertEquals(352 + 2 * 60, b.length);
    assertEquals(348, ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
  }

  @Test
  void leftHandedAffineIsWrittenWithNegativeQfac() throws IOException {
    double[][] a = NrrdTest.oblique();
    for (int r = 0; r < 3; r++) {
      a[r][0] = -a[r][0]; // reverse the slice axis
    }
    Path p = dir.resolve("lh.nii");
    Nifti1.write(p, NrrdTest.ramp(DType.UINT8), a);
    Nifti1Image img = Nifti1.read(p);
    double[][] rasIjk = rasIjk(a);
    double det =
        rasIjk[0][0] * (rasIjk[1][1] * rasIjk[2][2] - rasIjk[1][2] * rasIjk[2][1])
            - rasIjk[0][1] * (rasIjk[1][0] * rasIjk[2][2] - rasIjk[1][2] * rasIjk[2][0])
            + rasIjk[0][2] * (rasIjk[1][0] * rasIjk[2][1] - rasIjk[1][1] * rasIjk[2][0]);
    assertEquals(det < 0 ? -1 : 1, img.pixdim()[0]);
    assertAffineEquals(img.sformAffine(), img.qformAffine(), 1e-4);
    assertAffineEquals(a, img.affineLps(), 1e-4);
  }

  @Test
  void channelsAreTheFourthNiftiDimensionAndTheLastArrayAxis() throws IOException {
    NdArray a = NdArray.zeros(DType.INT32, 2, 3, 4, 5);
    for (int f = 0; f < a.size(); f++) {
      a.setFlatLong(f, f * 7 - 100);
    }
    Path p = dir.resolve("c.nii.gz");
    Nifti1.write(p, a, NrrdTest.oblique());
    Nifti1Image img = Nifti1.read(p);
    assertArrayEquals(new int[] {4, 4, 3, 2, 5, 1, 1, 1}, img.dim());
    assertEquals(a, img.array());
  }

  @Test
  void writtenFilesMatchAnIndependentNumpyParser() throws Exception {
    NdArray a = NdArray.zeros(DType.FLOAT32, 2, 3, 4, 2);
    for (int f = 0; f < a.size(); f++) {
      a.setFlatDouble(f, f * 0.5 - 3);
    }
    for (String name : new String[] {"le.nii", "be.nii.gz"}) {
      Path p = dir.resolve(name);
      Nifti1.write(
          p,
          a,
          NrrdTest.oblique(),
          name.startsWith("be") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      Map<String, String> py = FormatsTestSupport.python("nifti", p.toString());
      assertEquals(name.startsWith("be") ? ">" : "<", py.get("endian"));
      assertEquals("n+1\0", py.get("magic"));
      assertEquals("4 4 3 2 2 1 1 1", py.get("dim"));
      assertEquals("16", py.get("datatype"));
      assertEquals("32", py.get("bitpix"));
      assertEquals("352.0", py.get("vox_offset"));
      assertEquals("1", py.get("sform_code"));
      assertEquals("1", py.get("qform_code"));
      assertEquals(sha256(a), py.get("sha256"));
      double[][] expectedRas = rasIjk(NrrdTest.oblique());
      assertAffineEquals(expectedRas, matrix(py.get("sform")), 1e-4);
      assertAffineEquals(expectedRas, matrix(py.get("qform")), 1e-4);
    }
  }

  // A 90° rotation about z as a unit quaternion: (a, b, c, d) = (cos 45°, 0, 0, sin 45°).
  static final double S45 = Math.sqrt(0.5);

  String spec(String endian, String dtype, int qcode, int scode, double[] srowFlat, double qfac) {
    StringBuilder srow = new StringBuilder("[");
    for (int r = 0; r < 3; r++) {
      srow.append(r > 0 ? "," : "").append("[");
      for (int c = 0; c < 4; c++) {
        srow.append(c > 0 ? "," : "").append(srowFlat[4 * r + c]);
      }
      srow.append("]");
    }
    srow.append("]");
    return "{\"endian\": \""
        + endian
        + "\", \"dtype\": \""
        + dtype
        + "\", \"shape\": [5, 4, 3], \"pixdim\": ["
        + qfac
        + ", 2.0, 3.0, 4.0], \"qform_code\": "
        + qcode
        + ", \"sform_code\": "
        + scode
        + ", \"quatern\": [0.0, 0.0, "
        + S45
        + "], \"qoffset\": [10.0, 20.0, 30.0], \"srow\": "
        + srow
        + "}";
  }

  static final double[] SROW = {0, 0, 1.5, -5, 0, 1.25, 0, -6, 1, 0, 0, -7};

  @Test
  void numpyWrittenBigEndianQformFileGivesTheStandardsQformAffine() throws Exception {
    String[] dtypes = {"i2", "u2", "f8", "u1", "i4"};
    List<String> args = new ArrayList<>(List.of("make-nifti"));
    for (String dtype : dtypes) {
      args.add(dir.resolve("q-" + dtype + ".nii").toString());
      args.add(spec(">", dtype, 1, 0, SROW, -1));
    }
    FormatsTestSupport.python(args.toArray(new String[0]));
    for (String dtype : dtypes) {
      Path p = dir.resolve("q-" + dtype + ".nii");
      Nifti1Image img = Nifti1.read(p);
      assertEquals(ByteOrder.BIG_ENDIAN, img.byteOrder());
      assertEquals(Nifti1Image.AffineSource.QFORM, img.affineSource());
      // R = 90° about z; columns R·(2, 0, 0), R·(0, 3, 0), R·(0, 0, qfac·4) with qfac = −1.
      double[][] ras = {{0, -3, 0, 10}, {2, 0, 0, 20}, {0, 0, -4, 30}, {0, 0, 0, 1}};
      assertAffineEquals(ras, img.affineRas(), 1e-6);
      // LPS: negate x and y; (slice, row, column) = (k, j, i): reverse the index columns.
      double[][] lps = {{0, 3, 0, -10}, {0, 0, -2, -20}, {-4, 0, 0, 30}, {0, 0, 0, 1}};
      assertAffineEquals(lps, img.affineLps(), 1e-6);
      // Voxel (i, j, k) holds i + 5 (j + 4 k) (mod the type's range) in the file's Fortran order.
      assertArrayEquals(new int[] {3, 4, 5}, img.array().shape());
      long mod = dtype.equals("u1") ? 256 : Long.MAX_VALUE;
      for (int k = 0; k < 3; k++) {
        for (int j = 0; j < 4; j++) {
          for (int i = 0; i < 5; i++) {
            assertEquals((i + 5 * (j + 4 * k)) % mod, (long) img.array().getDouble(k, j, i), dtype);
          }
        }
      }
    }
  }

  @Test
  void affinePrecedenceIsSformThenQformThenPixdim() throws Exception {
    double[][] sform = {{0, 0, 1.5, -5}, {0, 1.25, 0, -6}, {1, 0, 0, -7}, {0, 0, 0, 1}};
    double[][] qform = {{0, -3, 0, 10}, {2, 0, 0, 20}, {0, 0, 4, 30}, {0, 0, 0, 1}};
    double[][] pixdim = {{2, 0, 0, 0}, {0, 3, 0, 0}, {0, 0, 4, 0}, {0, 0, 0, 1}};
    Object[][] cases = {
      {1, 2, Nifti1Image.AffineSource.SFORM, sform},
      {0, 4, Nifti1Image.AffineSource.SFORM, sform},
      {2, 0, Nifti1Image.AffineSource.QFORM, qform},
      {0, 0, Nifti1Image.AffineSource.PIXDIM, pixdim},
    };
    List<String> args = new ArrayList<>(List.of("make-nifti"));
    for (int n = 0; n < cases.length; n++) {
      args.add(dir.resolve("prec" + n + ".nii.gz").toString());
      args.add(spec("<", "u1", (int) cases[n][0], (int) cases[n][1], SROW, 1));
    }
    FormatsTestSupport.python(args.toArray(new String[0]));
    int n = 0;
    for (Object[] c : cases) {
      Path p = dir.resolve("prec" + n++ + ".nii.gz");
      Nifti1Image img = Nifti1.read(p);
      assertEquals(c[2], img.affineSource(), p.toString());
      assertAffineEquals((double[][]) c[3], img.affineRas(), 1e-6);
      assertEquals(c[0], img.qformCode());
      assertEquals(c[1], img.sformCode());
    }
  }

  /** Returns a valid little-endian header + data for a 2 x 1 x 1 int16 image, to corrupt. */
  static ByteBuffer validFile() {
    ByteBuffer bb = ByteBuffer.allocate(352 + 4).order(ByteOrder.LITTLE_ENDIAN);
    bb.putInt(0, 348);
    short[] dim = {3, 2, 1, 1, 1, 1, 1, 1};
    for (int i = 0; i < 8; i++) {
      bb.putShort(40 + 2 * i, dim[i]);
    }
    bb.putShort(70, (short) 4);
    bb.putShort(72, (short) 16);
    for (int i = 1; i < 4; i++) {
      bb.putFloat(76 + 4 * i, 1f);
    }
    bb.putFloat(108, 352f);
    bb.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
    bb.putShort(352, (short) 300);
    bb.putShort(354, (short) -2);
    return bb;
  }

  Path write(String name, byte[] b) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, b);
    return p;
  }

  @Test
  void sclSlopeAndInterScaleTheValuesButNotTheRawArray() throws IOException {
    ByteBuffer bb = validFile();
    bb.putFloat(112, 0.5f);
    bb.putFloat(116, -1f);
    Nifti1Image img = Nifti1.read(write("s.nii", bb.array()));
    assertTrue(img.hasScaling());
    assertEquals(300, img.array().getLong(0, 0, 0));
    assertEquals(DType.FLOAT64, img.scaledArray().dtype());
    assertEquals(149.0, img.scaledArray().getDouble(0, 0, 0));
    assertEquals(-2.0, img.scaledArray().getDouble(0, 0, 1));
    assertEquals(149.0, LabelMapImage.read(dir.resolve("s.nii")).array().getDouble(0, 0, 0));
    // slope 0 means no scaling; slope 1 and intercept 0 change nothing.
    bb.putFloat(112, 0f);
    assertFalse(Nifti1.read(write("s0.nii", bb.array())).hasScaling());
    bb.putFloat(112, 1f);
    bb.putFloat(116, 0f);
    assertFalse(Nifti1.read(write("s1.nii", bb.array())).hasScaling());
  }

  @Test
  void validHandMadeFileReads() throws IOException {
    Nifti1Image img = Nifti1.read(write("ok.nii", validFile().array()));
    assertEquals(NdArray.wrap(DType.INT16, new short[] {300, -2}, 1, 1, 2), img.array());
    assertEquals(Nifti1Image.AffineSource.PIXDIM, img.affineSource());
  }

  @Test
  void gzipContentIsRecognisedWhateverTheName() throws IOException {
    Path p = write("compressed-but-named.nii", gzip(validFile().array()));
    assertEquals(300, Nifti1.read(p).array().getLong(0, 0, 0));
  }

  @Test
  void dataAfterAnExtensionIsFoundThroughVoxOffset() throws IOException {
    ByteBuffer ok = validFile();
    ByteBuffer bb = ByteBuffer.allocate(352 + 16 + 4).order(ByteOrder.LITTLE_ENDIAN);
    bb.put(ok.array(), 0, 352);
    bb.putFloat(108, 368f);
    bb.put(348, (byte) 1); // extension flag, then one 16-byte extension (esize, ecode, data)
    bb.putInt(352, 16).putInt(356, 4);
    bb.putShort(368, (short) 300).putShort(370, (short) -2);
    Nifti1Image img = Nifti1.read(write("ext.nii", bb.array()));
    assertEquals(368, img.voxOffset());
    assertEquals(NdArray.wrap(DType.INT16, new short[] {300, -2}, 1, 1, 2), img.array());
  }

  void assertRejected(ByteBuffer bb, String fragment) throws IOException {
    assertRejected(bb.array(), "bad.nii", fragment);
  }

  void assertRejected(byte[] b, String name, String fragment) throws IOException {
    Path p = write(name, b);
    ImageFormatException e = assertThrows(ImageFormatException.class, () -> Nifti1.read(p));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertTrue(e.getMessage().startsWith("NIfTI-1 "), e.getMessage());
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(o)) {
      g.write(b);
    }
    return o.toByteArray();
  }

  @Test
  void malformedHeadersAreRejectedNamingFieldAndOffset() throws IOException {
    assertRejected(new byte[100], "short.nii", "header (byte 100) truncated (expected 348 bytes)");
    assertRejected(validFile().putInt(0, 349), "sizeof_hdr");
    assertRejected(validFile().putInt(0, 540), "NIfTI-2");
    assertRejected(validFile().put(345, (byte) 'i'), "two-file");
    assertRejected(validFile().put(344, (byte) 'x'), "magic (byte 344)");
    assertRejected(validFile().putShort(40, (short) 9), "dim[0] (byte 40)");
    assertRejected(validFile().putShort(40, (short) 1), "dim[0]");
    assertRejected(validFile().putShort(44, (short) 0), "dim[2] (byte 44)");
    assertRejected(validFile().putShort(40, (short) 5).putShort(50, (short) 3), "dim[5]");
    assertRejected(validFile().putShort(70, (short) 128), "rgb24");
    assertRejected(validFile().putShort(70, (short) 1024), "int64");
    assertRejected(validFile().putShort(70, (short) 8), "bitpix");
    assertRejected(validFile().putFloat(108, 100f), "vox_offset");
    assertRejected(validFile().putFloat(108, 352.5f), "vox_offset");
    assertRejected(validFile().putFloat(108, Float.NaN), "vox_offset");
  }

  @Test
  void declaredSizesBeyondTheFileAreRejectedBeforeAllocating() throws IOException {
    ByteBuffer huge =
        validFile().putShort(42, (short) 32767).putShort(44, (short) 32767).putShort(46, (short) 3);
    assertRejected(huge, "too many voxels");
    ByteBuffer big = validFile().putShort(42, (short) 2000).putShort(44, (short) 2000);
    assertRejected(big, "more data than the file holds");
    assertRejected(gzip(big.array()), "big.nii.gz", "more data than the compressed file can hold");
    byte[] truncated = validFile().putShort(42, (short) 50).array();
    assertRejected(gzip(truncated), "t.nii.gz", "truncated");
    assertRejected(truncated, "t.nii", "more data than the file holds");
    assertRejected(validFile().array(), "notgz.nii.gz", "gzip");
    assertRejected(new byte[0], "empty.nii.gz", "gzip");
  }

  @Test
  void writingRejectsBadArguments() {
    Path p = dir.resolve("x.nii");
    assertThrows(
        IllegalArgumentException.class,
        () -> Nifti1.write(p, NdArray.zeros(DType.UINT8, 2, 2), NrrdTest.oblique()));
    assertThrows(
        IllegalArgumentException.class,
        () -> Nifti1.write(p, NdArray.zeros(DType.UINT8, 40000, 1, 1), NrrdTest.oblique()));
    assertThrows(
        IllegalArgumentException.class,
        () -> Nifti1.write(p, NrrdTest.ramp(DType.UINT8), new double[4][4]));
    assertThrows(
        NullPointerException.class, () -> Nifti1.write(p, NrrdTest.ramp(DType.UINT8), null));
  }

  @Test
  void quaternionOfRotationsRoundTripsThroughTheStandardsMatrix() {
    // Rotations whose trace is ≤ 0 take the other branches of the conversion.
    double[][][] rotations = {
      {{1, 0, 0}, {0, -1, 0}, {0, 0, -1}},
      {{-1, 0, 0}, {0, 1, 0}, {0, 0, -1}},
      {{-1, 0, 0}, {0, -1, 0}, {0, 0, 1}},
      {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}},
      {{0, 0, 1}, {0, -1, 0}, {1, 0, 0}},
    };
    for (double[][] r : rotations) {
      double[] q = Nifti1.quaternion(r);
      double a = q[0];
      double b = q[1];
      double c = q[2];
      double d = q[3];
      assertTrue(a >= 0);
      double[][] back = {
        {a * a + b * b - c * c - d * d, 2 * b * c - 2 * a * d, 2 * b * d + 2 * a * c},
        {2 * b * c + 2 * a * d, a * a + c * c - b * b - d * d, 2 * c * d - 2 * a * b},
        {2 * b * d - 2 * a * c, 2 * c * d + 2 * a * b, a * a + d * d - c * c - b * b}
      };
      for (int i = 0; i < 3; i++) {
        assertArrayEquals(r[i], back[i], 1e-12);
      }
    }
  }
}
