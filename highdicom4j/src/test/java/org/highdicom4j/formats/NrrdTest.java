package org.highdicom4j.formats;

import static org.highdicom4j.formats.FormatsTestSupport.assertAffineEquals;
import static org.highdicom4j.formats.FormatsTestSupport.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NRRD reading of every header variant, writing, and rejection of malformed files. */
class NrrdTest {
  @TempDir Path dir;

  /** An oblique LPS affine (rotation about z by 30°, spacings 2.5, 0.8, 0.7). */
  static double[][] oblique() {
    double c = Math.cos(Math.PI / 6);
    double s = Math.sin(Math.PI / 6);
    return new double[][] {
      {0, -0.8 * s, 0.7 * c, -100.25},
      {0, 0.8 * c, 0.7 * s, 20.5},
      {2.5, 0, 0, -30},
      {0, 0, 0, 1}
    };
  }

  /** Returns values v(k, j, i) = 100 k + 10 j + i of a 3 x 4 x 5 array. */
  static NdArray ramp(DType dtype) {
    NdArray a = NdArray.zeros(dtype, 3, 4, 5);
    for (int k = 0; k < 3; k++) {
      for (int j = 0; j < 4; j++) {
        for (int i = 0; i < 5; i++) {
          long v =
              dtype == DType.BOOL
                  ? (k + j + i) % 2
                  : (dtype == DType.INT8 || dtype == DType.UINT8)
                      ? 20 * k + 4 * j + i
                      : 100 * k + 10 * j + i;
          a.setDouble(dtype == DType.INT8 ? -v : v, k, j, i);
        }
      }
    }
    return a;
  }

  Path file(String name, String header, byte[] data) throws IOException {
    Path p = dir.resolve(name);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(header.getBytes(StandardCharsets.UTF_8));
    if (data != null) {
      b.write(data);
    }
    Files.write(p, b.toByteArray());
    return p;
  }

  static byte[] shorts(ByteOrder order, int... v) {
    ByteBuffer bb = ByteBuffer.allocate(2 * v.length).order(order);
    for (int x : v) {
      bb.putShort((short) x);
    }
    return bb.array();
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(o)) {
      g.write(b);
    }
    return o.toByteArray();
  }

  static final String GEOMETRY =
      "space: left-posterior-superior\n"
          + "space directions: (1,0,0) (0,2,0) (0,0,3)\n"
          + "space origin: (10,20,30)\n";

  // ------------------------------------------------------------ round trips

  @Test
  void rawGzipAndDetachedWritesReadBackEqualForEveryType() throws IOException {
    for (DType t : DType.values()) {
      NdArray a = ramp(t);
      for (String name : new String[] {"a.nrrd", "b.nhdr"}) {
        for (Nrrd.Encoding e : new Nrrd.Encoding[] {Nrrd.Encoding.RAW, Nrrd.Encoding.GZIP}) {
          Path p = dir.resolve(t + "-" + e + "-" + name);
          Nrrd.write(p, a, oblique(), Map.of("k", "v"), e);
          NrrdImage r = Nrrd.read(p);
          NdArray expected = t == DType.BOOL ? a.astype(DType.UINT8) : a;
          assertEquals(expected, r.array(), p.toString());
          assertAffineEquals(oblique(), r.affineLps(), 1e-12);
          assertEquals(e, r.encoding());
          assertEquals(Map.of("k", "v"), r.keyValues());
        }
      }
    }
    assertTrue(Files.exists(dir.resolve("INT16-GZIP-b.raw.gz")));
    assertTrue(Files.exists(dir.resolve("INT16-RAW-b.raw")));
  }

  @Test
  void writtenFilesDecodeIdenticallyWithNumpy() throws Exception {
    NdArray a = ramp(DType.INT16);
    Path raw = dir.resolve("raw.nrrd");
    Path gz = dir.resolve("gz.nrrd");
    Path det = dir.resolve("det.nhdr");
    Nrrd.write(raw, a, oblique(), null, Nrrd.Encoding.RAW);
    Nrrd.write(gz, a, oblique(), null, Nrrd.Encoding.GZIP);
    Nrrd.write(det, a, oblique(), Map.of("Segment0_ID", "x"), Nrrd.Encoding.GZIP);
    Map<String, String> py =
        FormatsTestSupport.python("nrrd", raw.toString(), gz.toString(), det.toString());
    for (int i = 0; i < 3; i++) {
      assertEquals("3 4 5", py.get(i + ".shape"));
      assertEquals("i2", py.get(i + ".dtype"));
      assertEquals(sha256(a), py.get(i + ".sha256"));
    }
    assertEquals("x", py.get("2.keyvalues.Segment0_ID"));
  }

  @Test
  void channelAxisIsWrittenFirstAsListAndReadBackLast() throws IOException {
    NdArray a = NdArray.zeros(DType.UINT8, 3, 4, 5, 2);
    for (int f = 0; f < a.size(); f++) {
      a.setFlatLong(f, f % 251);
    }
    Map<String, String> kv = new LinkedHashMap<>();
    kv.put("Segment0_ID", "Segment_1");
    kv.put("Segment0_Layer", "0");
    kv.put("Segment1_Name", "two\nlines \\ backslash");
    Path p = dir.resolve("seg.nrrd");
    Nrrd.write(p, a, oblique(), kv, Nrrd.Encoding.GZIP);
    String header = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    assertTrue(header.contains("sizes: 2 5 4 3\n"), header);
    assertTrue(header.contains("kinds: list domain domain domain\n"));
    assertTrue(header.contains("space directions: none ("));
    assertTrue(header.contains("Segment1_Name:=two\\nlines \\\\ backslash\n"));
    NrrdImage r = Nrrd.read(p);
    assertEquals(a, r.array());
    assertEquals(0, r.channelAxis());
    assertEquals(kv, r.keyValues());
    assertAffineEquals(oblique(), r.affineLps(), 1e-12);
  }

  @Test
  void withoutAffineNoSpaceFieldsAreWrittenAndNoneIsRead() throws IOException {
    Path p = dir.resolve("plain.nrrd");
    Nrrd.write(p, ramp(DType.UINT16), null, null, Nrrd.Encoding.RAW);
    NrrdImage r = Nrrd.read(p);
    assertNull(r.affineLps());
    assertNull(r.space());
    assertEquals(ramp(DType.UINT16), r.array());
  }

  // ------------------------------------------------------------ header variants

  @Test
  void rasSpaceIsConvertedToLpsByNegatingXAndY() throws IOException {
    Path p =
        file(
            "ras.nrrd",
            "NRRD0005\ntype: unsigned short int\ndimension: 3\nspace: RAS\nsizes: 2 1 1\n"
                + "space directions: (1,0,0) (0,2,0) (0,0,3)\nspace origin: (10,20,30)\n"
                + "endian: big\nencoding: raw\n\n",
            shorts(ByteOrder.BIG_ENDIAN, 7, 65535));
    NrrdImage r = Nrrd.read(p);
    assertEquals("right-anterior-superior", r.space());
    assertEquals(5, r.version());
    assertEquals(DType.UINT16, r.array().dtype());
    assertEquals(7, r.array().getLong(0, 0, 0));
    assertEquals(65535, r.array().getLong(0, 0, 1));
    // (slice, row, column) = (k, j, i): column 0 is the k direction, column 2 the i direction.
    double[][] expected = {{0, 0, -1, -10}, {0, -2, 0, -20}, {3, 0, 0, 30}, {0, 0, 0, 1}};
    assertAffineEquals(expected, r.affineLps(), 0);
  }

  @Test
  void lasSpaceNegatesOnlyY() throws IOException {
    Path p =
        file(
            "las.nrrd",
            "NRRD0004\ntype: uchar\ndimension: 3\nspace: left-anterior-superior\nsizes: 1 1 1\n"
                + "space directions: (1,0,0) (0,1,0) (0,0,1)\nspace origin: (1,2,3)\n"
                + "encoding: raw\n\n",
            new byte[] {9});
    assertArrayEquals(new double[] {1, -2, 3, 1}, column(Nrrd.read(p).affineLps(), 3), 0);
  }

  static double[] column(double[][] m, int c) {
    return new double[] {m[0][c], m[1][c], m[2][c], m[3][c]};
  }

  @Test
  void typeAliasesAllMapToTheirTypes() throws IOException {
    Map<String, DType> aliases = new LinkedHashMap<>();
    aliases.put("signed char", DType.INT8);
    aliases.put("int8_t", DType.INT8);
    aliases.put("unsigned char", DType.UINT8);
    aliases.put("uint8", DType.UINT8);
    aliases.put("short int", DType.INT16);
    aliases.put("signed short int", DType.INT16);
    aliases.put("int16_t", DType.INT16);
    aliases.put("ushort", DType.UINT16);
    aliases.put("uint16_t", DType.UINT16);
    aliases.put("signed int", DType.INT32);
    aliases.put("int32_t", DType.INT32);
    aliases.put("unsigned int", DType.UINT32);
    aliases.put("uint32_t", DType.UINT32);
    aliases.put("float", DType.FLOAT32);
    aliases.put("double", DType.FLOAT64);
    int n = 0;
    for (Map.Entry<String, DType> e : aliases.entrySet()) {
      int size = e.getValue().size();
      Path p =
          file(
              "t" + n++ + ".nrrd",
              "NRRD0004\ntype: "
                  + e.getKey()
                  + "\ndimension: 3\nsizes: 1 1 1\nendian: little\n"
                  + "encoding: raw\n\n",
              new byte[size]);
      assertEquals(e.getValue(), Nrrd.read(p).array().dtype(), e.getKey());
    }
  }

  @Test
  void asciiAndHexEncodingsDecodeToTheSameValues() throws IOException {
    String head = "NRRD0004\ntype: short\ndimension: 3\nsizes: 3 2 1\nendian: big\n";
    NrrdImage ascii =
        Nrrd.read(
            file(
                "a.nrrd",
                head + "encoding: ascii\n\n",
                "1 -2 3\n4\t5,  -32768\n".getBytes(StandardCharsets.US_ASCII)));
    NrrdImage hex =
        Nrrd.read(
            file(
                "h.nrrd",
                head + "encoding: hex\n\n",
                "0001 fffe 0003\n0004 0005 8000\n".getBytes(StandardCharsets.US_ASCII)));
    NdArray expected = NdArray.wrap(DType.INT16, new short[] {1, -2, 3, 4, 5, -32768}, 1, 2, 3);
    assertEquals(expected, ascii.array());
    assertEquals(expected, hex.array());
    assertEquals(Nrrd.Encoding.ASCII, ascii.encoding());
  }

  @Test
  void detachedHeaderHonoursLineSkipAndByteSkip() throws IOException {
    byte[] data = shorts(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("line one\nline two\n".getBytes(StandardCharsets.US_ASCII));
    b.write(new byte[] {0x55, 0x55, 0x55});
    b.write(data);
    Files.write(dir.resolve("payload.bin"), b.toByteArray());
    String head =
        "NRRD0003\ntype: short\ndimension: 3\nsizes: 3 2 1\nendian: little\nencoding: raw\n"
            + "data file: payload.bin\nlineskip: 2\n";
    NdArray expected = NdArray.wrap(DType.INT16, new short[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
    assertEquals(expected, Nrrd.read(file("skip.nhdr", head + "byte skip: 3\n", null)).array());
    // byte skip −1: the data ends the file.
    assertEquals(
        expected,
        Nrrd.read(file("end.nhdr", head.replace("lineskip: 2\n", "") + "byte skip: -1\n", null))
            .array());
  }

  @Test
  void gzipByteSkipAppliesToTheDecompressedData() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(new byte[] {9, 9});
    b.write(shorts(ByteOrder.LITTLE_ENDIAN, 7, 8));
    Path p =
        file(
            "gzskip.nrrd",
            "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 1 1\nendian: little\nencoding: gzip\n"
                + "byte skip: 2\n\n",
            gzip(b.toByteArray()));
    assertEquals(NdArray.wrap(DType.INT16, new short[] {7, 8}, 1, 1, 2), Nrrd.read(p).array());
  }

  @Test
  void fourDimensionalFileWithVectorAxisLastPutsItLast() throws IOException {
    // NRRD axes (i, j, k, c) with c slowest: file C order is (c, k, j, i).
    short[] v = new short[2 * 1 * 2 * 3];
    for (int f = 0; f < v.length; f++) {
      v[f] = (short) f;
    }
    ByteBuffer bb = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    bb.asShortBuffer().put(v);
    Path p =
        file(
            "vec.nrrd",
            "NRRD0004\ntype: short\ndimension: 4\nspace: LPS\nsizes: 3 2 1 2\n"
                + "space directions: (1,0,0) (0,1,0) (0,0,1) none\nkinds: domain domain domain"
                + " vector\nendian: little\nencoding: raw\n\n",
            bb.array());
    NrrdImage r = Nrrd.read(p);
    assertEquals(3, r.channelAxis());
    assertArrayEquals(new int[] {1, 2, 3, 2}, r.array().shape());
    for (int c = 0; c < 2; c++) {
      for (int j = 0; j < 2; j++) {
        for (int i = 0; i < 3; i++) {
          assertEquals(c * 6 + j * 3 + i, r.array().getLong(0, j, i, c));
        }
      }
    }
  }

  @Test
  void singleLayerListAxisIsDropped() throws IOException {
    Path p =
        file(
            "one.nrrd",
            "NRRD0004\ntype: uchar\ndimension: 4\nspace: LPS\nsizes: 1 2 1 1\n"
                + "space directions: none (1,0,0) (0,1,0) (0,0,1)\nkinds: list domain domain"
                + " domain\nencoding: raw\nSegment0_ID:=Segment_1\n\n",
            new byte[] {3, 4});
    NrrdImage r = Nrrd.read(p);
    assertArrayEquals(new int[] {1, 1, 2}, r.array().shape());
    assertEquals("Segment_1", r.keyValues().get("Segment0_ID"));
  }

  @Test
  void commentsCrLfAndKeyValuesWithColonsAreParsed() throws IOException {
    Path p =
        file(
            "crlf.nrrd",
            "NRRD0004\r\n# comment: not a field\r\ntype: uchar\r\ndimension: 3\r\nsizes: 1 1 1\r\n"
                + "encoding: raw\r\ncontent: a:=b\r\nSegment0_Name:=Liver: left lobe\r\n\r\n",
            new byte[] {5});
    NrrdImage r = Nrrd.read(p);
    assertEquals("a:=b", r.fields().get("content"));
    assertEquals("Liver: left lobe", r.keyValues().get("Segment0_Name"));
    assertEquals(5, r.array().getLong(0, 0, 0));
  }

  // ------------------------------------------------------------ malformed

  void assertRejected(String header, byte[] data, String fragment) throws IOException {
    Path p = file("bad.nrrd", header, data);
    ImageFormatException e = assertThrows(ImageFormatException.class, () -> Nrrd.read(p));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertTrue(e.getMessage().startsWith("NRRD "), e.getMessage());
  }

  static final String OK_HEAD =
      "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 1 1\nendian: little\nencoding: raw\n";

  @Test
  void malformedHeadersAreRejectedNamingTheField() throws IOException {
    byte[] four = new byte[4];
    assertRejected("P5\n2 2\n", four, "magic");
    assertRejected("NRRD0009\ntype: short\n\n", four, "unknown version");
    assertRejected(OK_HEAD.replace("type: short\n", "") + "\n", four, "type");
    assertRejected(OK_HEAD.replace("short", "int64") + "\n", four, "64-bit integers");
    assertRejected(OK_HEAD.replace("short", "block") + "\n", four, "block");
    assertRejected(OK_HEAD.replace("short", "quad") + "\n", four, "unknown");
    assertRejected(OK_HEAD.replace("raw", "bzip2") + "\n", four, "bzip2");
    assertRejected(OK_HEAD.replace("endian: little\n", "") + "\n", four, "endian");
    assertRejected(OK_HEAD.replace("sizes: 2 1 1", "sizes: 2 1") + "\n", four, "sizes");
    assertRejected(OK_HEAD.replace("sizes: 2 1 1", "sizes: 2 0 1") + "\n", four, "sizes");
    assertRejected(OK_HEAD.replace("sizes: 2 1 1", "sizes: 2 x 1") + "\n", four, "sizes");
    assertRejected(OK_HEAD.replace("dimension: 3", "dimension: 5") + "\n", four, "dimension");
    assertRejected(OK_HEAD + "type: short\n\n", four, "given twice");
    assertRejected(OK_HEAD + "no separator here\n\n", four, "header line");
    assertRejected(
        OK_HEAD + "space: right-anterior-superior-time\n\n", four, "with time is not supported");
    assertRejected(
        OK_HEAD + "space: LPS\nspace directions: (1,0,0) (0,1,0)\n\n", four, "space directions");
    assertRejected(
        OK_HEAD + "space: LPS\nspace directions: (1,0) (0,1,0) (0,0,1)\n\n", four, "components");
    assertRejected(
        OK_HEAD + "space: LPS\nspace directions: (1,0,0) (0,nan,0) (0,0,1)\n\n", four, "finite");
    assertRejected(OK_HEAD + "space directions: (1,0,0) (0,1,0) (0,0,1)\n\n", four, "needs space");
    assertRejected(
        OK_HEAD.replace("dimension: 3", "dimension: 4").replace("2 1 1", "2 1 1 1") + "\n",
        four,
        "kinds");
    assertRejected(OK_HEAD + "data file: LIST\n\n", four, "LIST");
    assertRejected(OK_HEAD + "data file: missing.raw\n\n", four, "does not exist");
    assertRejected(OK_HEAD, null, "without data");
  }

  @Test
  void sizesLargerThanTheDataAreRejectedBeforeAllocating() throws IOException {
    assertRejected(
        OK_HEAD.replace("sizes: 2 1 1", "sizes: 2000 2000 500") + "\n", new byte[4], "shorter");
    assertRejected(OK_HEAD + "\n", new byte[3], "shorter");
    // A gzip stream of 30 bytes cannot inflate to 8 GB.
    assertRejected(
        OK_HEAD.replace("sizes: 2 1 1", "sizes: 2000 2000 500").replace("raw", "gzip") + "\n",
        gzip(new byte[4]),
        "more data than the compressed bytes can hold");
    assertRejected(
        OK_HEAD.replace("sizes: 2 1 1", "sizes: 46341 46341 2") + "\n",
        new byte[4],
        "too many voxels");
  }

  @Test
  void truncatedOrCorruptCompressedDataIsRejected() throws IOException {
    assertRejected(
        OK_HEAD.replace("sizes: 2 1 1", "sizes: 20 1 1").replace("raw", "gzip") + "\n",
        gzip(new byte[4]),
        "truncated");
    assertRejected(
        OK_HEAD.replace("raw", "gzip") + "\n", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, "gzip");
    byte[] gz = gzip(new byte[400]);
    gz[gz.length / 2] ^= 0x5a;
    gz[gz.length / 2 + 1] ^= 0x33;
    Path p =
        file(
            "corrupt.nrrd",
            OK_HEAD.replace("sizes: 2 1 1", "sizes: 200 1 1").replace("raw", "gzip") + "\n",
            gz);
    assertThrows(ImageFormatException.class, () -> Nrrd.read(p));
    assertRejected(
        OK_HEAD.replace("raw", "ascii") + "\n",
        "1 x".getBytes(StandardCharsets.US_ASCII),
        "not a number");
    assertRejected(
        OK_HEAD.replace("raw", "ascii") + "\n",
        "1 70000".getBytes(StandardCharsets.US_ASCII),
        "out of range");
    assertRejected(
        OK_HEAD.replace("raw", "hex") + "\n",
        "00zz0000".getBytes(StandardCharsets.US_ASCII),
        "hexadecimal");
  }

  @Test
  void writingRejectsBadArguments() {
    Path p = dir.resolve("x.nrrd");
    assertThrows(
        IllegalArgumentException.class,
        () -> Nrrd.write(p, NdArray.zeros(DType.UINT8, 2, 2), null, null, Nrrd.Encoding.RAW));
    assertThrows(
        IllegalArgumentException.class,
        () -> Nrrd.write(p, ramp(DType.UINT8), null, null, Nrrd.Encoding.ASCII));
    assertThrows(
        IllegalArgumentException.class,
        () -> Nrrd.write(p, ramp(DType.UINT8), null, Map.of("a:=b", "c"), Nrrd.Encoding.RAW));
    assertThrows(
        IllegalArgumentException.class,
        () -> Nrrd.write(p, ramp(DType.UINT8), new double[3][4], null, Nrrd.Encoding.RAW));
    assertThrows(
        NullPointerException.class, () -> Nrrd.write(p, null, null, null, Nrrd.Encoding.RAW));
  }
}
