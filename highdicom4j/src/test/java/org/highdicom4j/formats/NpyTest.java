package org.highdicom4j.formats;

import static org.highdicom4j.formats.FormatsTestSupport.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NumPy .npy reading of numpy's own files, writing checked by numpy, malformed headers. */
class NpyTest {
  @TempDir Path dir;

  static final String[] CODES = {"b1", "u1", "i1", "u2", "i2", "u4", "i4", "f4", "f8"};
  static final DType[] TYPES = {
    DType.BOOL,
    DType.UINT8,
    DType.INT8,
    DType.UINT16,
    DType.INT16,
    DType.UINT32,
    DType.INT32,
    DType.FLOAT32,
    DType.FLOAT64
  };

  /** The value numpy's arange(24).reshape(2, 3, 4) has at (a, b, c), as formats_check writes. */
  static double expected(DType t, int a, int b, int c) {
    int v = 12 * a + 4 * b + c;
    return t == DType.BOOL ? (v % 3 == 0 ? 1 : 0) : v;
  }

  @Test
  void numpyFilesOfEveryTypeOrderAndVersionRead() throws Exception {
    List<String> args = new ArrayList<>(List.of("npy-save"));
    List<Integer> typeOf = new ArrayList<>();
    for (int t = 0; t < CODES.length; t++) {
      String[] orders = CODES[t].endsWith("1") ? new String[] {"|"} : new String[] {"<", ">"};
      for (String endian : orders) {
        for (String layout : new String[] {"C", "F"}) {
          for (String major : new String[] {"1", "2", "3"}) {
            Path p =
                dir.resolve(CODES[t] + (endian.equals(">") ? "b" : "l") + layout + major + ".npy");
            args.addAll(List.of(p.toString(), endian + CODES[t], layout, major));
            typeOf.add(t);
          }
        }
      }
    }
    FormatsTestSupport.python(args.toArray(new String[0]));
    for (int f = 0; f < typeOf.size(); f++) {
      Path p = Path.of(args.get(1 + 4 * f));
      DType type = TYPES[typeOf.get(f)];
      NdArray a = Npy.read(p);
      assertEquals(type, a.dtype(), p.toString());
      assertArrayEquals(new int[] {2, 3, 4}, a.shape());
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 3; j++) {
          for (int k = 0; k < 4; k++) {
            assertEquals(expected(type, i, j, k), a.getDouble(i, j, k), p.toString());
          }
        }
      }
    }
    assertEquals(3 * 2 * (3 + 6 * 2), typeOf.size());
  }

  static NdArray sample(DType t) {
    NdArray a = NdArray.zeros(t, 2, 3, 4);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 4; k++) {
          a.setDouble(expected(t, i, j, k), i, j, k);
        }
      }
    }
    return a;
  }

  @Test
  void everyTypeRoundTripsInCAndFortranOrder() throws IOException {
    for (DType t : TYPES) {
      for (boolean fortran : new boolean[] {false, true}) {
        Path p = dir.resolve(t + "-" + fortran + ".npy");
        Npy.write(p, sample(t), fortran);
        assertEquals(sample(t), Npy.read(p), p.toString());
      }
    }
    // One- and zero-extent shapes.
    NdArray one = NdArray.wrap(DType.INT16, new short[] {1, -2, 3}, 3);
    Npy.write(dir.resolve("one.npy"), one, true);
    assertEquals(one, Npy.read(dir.resolve("one.npy")));
    NdArray empty = NdArray.zeros(DType.UINT8, 0, 4);
    Npy.write(dir.resolve("empty.npy"), empty);
    assertEquals(empty, Npy.read(dir.resolve("empty.npy")));
  }

  @Test
  void numpyLoadsOurFilesWithTheSameTypeShapeAndValues() throws Exception {
    List<String> args = new ArrayList<>(List.of("npy-load"));
    for (int t = 0; t < TYPES.length; t++) {
      for (boolean fortran : new boolean[] {false, true}) {
        Path p = dir.resolve(t + "-" + fortran + ".npy");
        Npy.write(p, sample(TYPES[t]), fortran);
        args.add(p.toString());
      }
    }
    Map<String, String> py = FormatsTestSupport.python(args.toArray(new String[0]));
    for (int f = 0; f < 2 * TYPES.length; f++) {
      int t = f / 2;
      boolean fortran = f % 2 == 1;
      String endian = CODES[t].endsWith("1") ? "|" : "<";
      assertEquals(endian + CODES[t], py.get(f + ".descr"), args.get(f + 1));
      assertEquals("2 3 4", py.get(f + ".shape"));
      assertEquals(fortran ? "True" : "False", py.get(f + ".fortran"));
      double[] v = doubles(py.get(f + ".values"));
      for (int e = 0; e < 24; e++) {
        assertEquals(expected(TYPES[t], e / 12, e / 4 % 3, e % 4), v[e]);
      }
    }
  }

  @Test
  void headerIsPaddedToSixtyFourBytesInVersionOne() throws IOException {
    Path p = dir.resolve("h.npy");
    Npy.write(p, sample(DType.INT16));
    byte[] b = Files.readAllBytes(p);
    assertEquals(1, b[6]);
    int headerLen = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    assertEquals(0, (10 + headerLen) % 64);
    assertEquals('\n', b[10 + headerLen - 1]);
    assertEquals(10 + headerLen + 48, b.length);
  }

  static byte[] npy(int major, String header, int dataBytes) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
    if (major == 1) {
      o.writeBytes(new byte[] {(byte) h.length, (byte) (h.length >> 8)});
    } else {
      o.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(h.length).array());
    }
    o.writeBytes(h);
    o.writeBytes(new byte[dataBytes]);
    return o.toByteArray();
  }

  void assertRejected(byte[] b, String fragment) throws IOException {
    Path p = dir.resolve("bad.npy");
    Files.write(p, b);
    ImageFormatException e = assertThrows(ImageFormatException.class, () -> Npy.read(p));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertTrue(e.getMessage().startsWith("NPY "), e.getMessage());
  }

  static String dict(String descr, String shape) {
    return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }\n";
  }

  @Test
  void malformedFilesAreRejected() throws IOException {
    assertRejected("hello world".getBytes(StandardCharsets.US_ASCII), "magic");
    assertRejected(new byte[] {(byte) 0x93, 'N'}, "truncated");
    assertRejected(npy(4, dict("<u2", "(2,)"), 4), "version");
    assertRejected(npy(1, dict("<i8", "(2,)"), 16), "descr");
    assertRejected(npy(1, dict("<c8", "(2,)"), 16), "descr");
    assertRejected(npy(1, dict("<U10", "(2,)"), 16), "descr");
    assertRejected(
        npy(1, "{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': (2,), }\n", 8), "descr");
    assertRejected(npy(1, dict("<u2", "(2,)").replace("False", "Maybe"), 4), "header");
    assertRejected(npy(1, dict("<u2", "(2, -1)"), 4), "shape");
    assertRejected(npy(1, dict("<u2", "(100000, 100000)"), 4), "too many elements");
    assertRejected(npy(1, dict("<u2", "(1000, 1000)"), 4), "shorter than shape");
    assertRejected(npy(2, "{'descr': '<u2', 'shape': (2,)", 4), "header");
    assertRejected(npy(1, "{'descr': '<u2', 'shape': (2,)}", 4), "fortran_order");
    byte[] lying = npy(2, dict("<u2", "(2,)"), 4);
    ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0x7fffffff);
    assertRejected(lying, "exceeds the file");
  }
}
