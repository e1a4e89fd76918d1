package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Scenario matrix: segmentation type × source kind × transfer syntax × omit-empty (× overlapping
 * segments for BINARY). Every written file must pass dciodvfy with no errors and be read by dcmdump
 * without errors, and its frames — decoded independently by pydicom (after dcmdjpls or gdcmconv for
 * JPEG-LS and JPEG 2000) — must equal the input at the source plane each frame references.
 *
 * <p>dciodvfy (dicom3tools 2022) does not know the Label Map Segmentation Storage SOP class. A
 * LABELMAP file is therefore also validated as a copy whose SOP Class UID is Segmentation Storage,
 * ignoring only the messages that the LABELMAP definition (Supplement 243) makes obsolete: see
 * {@link #LABELMAP_IGNORES}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentationConformanceTest {
  /**
   * Messages of dciodvfy that Supplement 243 (Label Map Segmentation) supersedes, each with why.
   */
  static final Map<String, String> LABELMAP_IGNORES = new LinkedHashMap<>();

  static {
    LABELMAP_IGNORES.put(
        "Unrecognized enumerated value <LABELMAP>",
        "SegmentationType LABELMAP is defined by Sup 243, after the validator's edition");
    LABELMAP_IGNORES.put(
        "Value is zero for value 1 of attribute <Segment Number>",
        "label maps describe segment 0, the background (Sup 243)");
    LABELMAP_IGNORES.put(
        "SegmentNumber not monotonically increasing from one",
        "label maps describe segment 0 (background) and need not number segments 1, 2, 3");
    LABELMAP_IGNORES.put(
        "Missing attribute Type 1 Required Element=<SegmentIdentificationSequence>",
        "label map frames hold all segments, so Sup 243 drops Segment Identification");
  }

  enum Source {
    SERIES,
    ENHANCED,
    ECT
  }

  record Scenario(
      SegmentationTypeValues type, Source source, String ts, boolean omit, boolean overlap) {
    String name() {
      return type
          + "-"
          + source
          + "-"
          + tsName(ts)
          + (omit ? "-omit" : "-all")
          + (overlap ? "-overlap" : "");
    }
  }

  static String tsName(String ts) {
    switch (ts) {
      case UID.ExplicitVRLittleEndian:
        return "explicit";
      case UID.ImplicitVRLittleEndian:
        return "implicit";
      case UID.RLELossless:
        return "rle";
      case UID.JPEGLSLossless:
        return "jpegls";
      default:
        return "j2k";
    }
  }

  /** Input and sources of one scenario, kept to check the decoded frames. */
  record Built(Scenario scenario, Path file, List<DicomDataset> sources, NdArray input) {}

  private Path dir;
  private final List<Built> built = new ArrayList<>();
  private final Map<String, String> validation = new HashMap<>();
  private final Map<String, SegTestData.Result> dumps = new HashMap<>();
  private final Map<String, List<String[]>> frames = new HashMap<>();
  private final Map<String, byte[]> pixels = new HashMap<>();
  private boolean toolsPresent;

  @BeforeAll
  void buildAll() throws Exception {
    dir = Files.createTempDirectory("seg-matrix");
    Path shared = SegTestData.shared();
    Path ect = shared == null ? null : shared.resolve("testdata/pydicom-data/eCT_Supplemental.dcm");
    boolean haveEct = ect != null && Files.isRegularFile(ect);
    SyntheticCtSeries series = new SyntheticCtSeries(5, 17, 19, 0.8, 2.5);
    List<DicomDataset> slices = new ArrayList<>();
    for (int s = 0; s < series.slices(); s++) {
      slices.add(series.slice(s));
    }
    List<DicomDataset> enhanced = List.of(SegTestData.enhancedCt(4, 16, 16));
    List<DicomDataset> ectSource = haveEct ? List.of(DicomReader.read(ect).dataset()) : null;
    for (SegmentationTypeValues type : SegmentationTypeValues.values()) {
      List<String> syntaxes =
          type == SegmentationTypeValues.BINARY
              ? List.of(
                  UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian, UID.JPEG2000Lossless)
              : List.of(
                  UID.ExplicitVRLittleEndian,
                  UID.ImplicitVRLittleEndian,
                  UID.RLELossless,
                  UID.JPEGLSLossless,
                  UID.JPEG2000Lossless);
      for (Source source : Source.values()) {
        List<DicomDataset> src =
            source == Source.SERIES ? slices : source == Source.ENHANCED ? enhanced : ectSource;
        if (src == null) {
          continue;
        }
        for (String ts : syntaxes) {
          for (boolean omit : new boolean[] {true, false}) {
            for (boolean overlap : new boolean[] {false, true}) {
              if (overlap && type != SegmentationTypeValues.BINARY) {
                continue;
              }
              Scenario sc = new Scenario(type, source, ts, omit, overlap);
              built.add(build(sc, src));
            }
          }
        }
      }
    }
    toolsPresent =
        shared != null
            && Files.isExecutable(shared.resolve("tools/dicom-validate"))
            && SegTestData.onPath("dciodvfy")
            && SegTestData.onPath("dcmdump")
            && SegTestData.onPath("dcmdjpls")
            && SegTestData.onPath("gdcmconv")
            && Files.isExecutable(Path.of("/usr/bin/python3"));
    if (!toolsPresent) {
      return;
    }
    runValidators(shared);
    runDecoder();
  }

  @AfterAll
  void cleanUp() throws IOException {
    // -Dseg.keep=true keeps the written files for inspection.
    if (dir != null && !Boolean.getBoolean("seg.keep")) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private Built build(Scenario sc, List<DicomDataset> src) throws IOException {
    DicomDataset first = src.get(0);
    int planes = src.size() == 1 ? first.getInt(Tag.NumberOfFrames, 1) : src.size();
    int rows = first.getInt(Tag.Rows, 0);
    int cols = first.getInt(Tag.Columns, 0);
    NdArray input;
    List<SegmentDescription> descriptions;
    if (sc.type == SegmentationTypeValues.FRACTIONAL) {
      input = fractional(planes, rows, cols);
      descriptions = SegTestData.descriptions(1, 2);
    } else if (sc.overlap) {
      input = stacked(planes, rows, cols);
      descriptions = SegTestData.descriptions(1, 2, 3);
    } else if (sc.type == SegmentationTypeValues.LABELMAP) {
      input = labels(planes, rows, cols, 5);
      descriptions = SegTestData.descriptions(5, 1, 2);
    } else {
      input = labels(planes, rows, cols, 3);
      descriptions = SegTestData.descriptions(1, 2, 3);
    }
    Segmentation seg =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(src)
            .pixelArray(input)
            .segmentationType(sc.type)
            .segmentDescriptions(descriptions)
            .transferSyntaxUid(sc.ts)
            .omitEmptyFrames(sc.omit)
            .contentDescription("Scenario " + sc.name())
            .build();
    Path file = dir.resolve(sc.name() + ".dcm");
    seg.write(file);
    return new Built(sc, file, src, input);
  }

  /** Label map: plane 0 empty; segment 1 a disk, 2 a band, {@code third} a corner in plane 1. */
  static NdArray labels(int planes, int rows, int cols, int third) {
    NdArray a = NdArray.zeros(DType.UINT8, planes, rows, cols);
    for (int p = 1; p < planes; p++) {
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          double dr = r - rows / 2.0;
          double dc = c - cols / 2.0;
          int v = 0;
          if (dr * dr + dc * dc < rows * cols / 10.0) {
            v = 1;
          } else if (r < rows / 4) {
            v = 2;
          }
          if (p == 1 && r >= rows - 3 && c >= cols - 3) {
            v = third;
          }
          a.setDouble(v, p, r, c);
        }
      }
    }
    return a;
  }

  /** Three overlapping stacked masks; plane 0 empty, segment 3 only in the last plane. */
  static NdArray stacked(int planes, int rows, int cols) {
    NdArray a = NdArray.zeros(DType.BOOL, planes, rows, cols, 3);
    for (int p = 1; p < planes; p++) {
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          a.setDouble(r < rows / 2 ? 1 : 0, p, r, c, 0);
          a.setDouble(c < cols / 2 ? 1 : 0, p, r, c, 1);
          a.setDouble(p == planes - 1 && r == c ? 1 : 0, p, r, c, 2);
        }
      }
    }
    return a;
  }

  /** Two fractional segments with values k / 10; plane 0 empty. */
  static NdArray fractional(int planes, int rows, int cols) {
    NdArray a = NdArray.zeros(DType.FLOAT32, planes, rows, cols, 2);
    for (int p = 1; p < planes; p++) {
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          a.setDouble(((r + c + p) % 11) / 10.0, p, r, c, 0);
          a.setDouble(r > rows / 2 ? ((r * c) % 7) / 6.0 : 0, p, r, c, 1);
        }
      }
    }
    return a;
  }

  private void runValidators(Path shared) throws Exception {
    List<String> plain = new ArrayList<>();
    plain.add(shared.resolve("tools/dicom-validate").toString());
    List<String> labelmap = new ArrayList<>(plain);
    for (String re : LABELMAP_IGNORES.keySet()) {
      labelmap.add("--ignore");
      labelmap.add(re);
    }
    List<String> dump = new ArrayList<>(List.of("dcmdump", "-q", "+E"));
    for (Built b : built) {
      if (b.scenario.type == SegmentationTypeValues.LABELMAP) {
        labelmap.add(SegTestData.asSegmentationStorage(b.file, dir).toString());
      } else {
        plain.add(b.file.toString());
      }
      dump.add(b.file.toString());
    }
    for (List<String> cmd : List.of(plain, labelmap)) {
      String current = null;
      for (String line : SegTestData.run(cmd).out().split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        if (!line.startsWith(" ")) {
          String[] f = line.split("\t");
          current = Path.of(f[0]).getFileName().toString().replace(".as66.4", "");
          validation.put(current, line);
        } else {
          // Error lines follow their file's summary line.
          assertNotNull(current, "dicom-validate output starts with a detail line");
          validation.merge(current, line, (a, c) -> a + "\n" + c);
        }
      }
    }
    for (Built b : built) {
      dumps.put(
          b.file.getFileName().toString(),
          SegTestData.run(List.of("dcmdump", "-q", b.file.toString())));
    }
  }

  private void runDecoder() throws Exception {
    Path script = dir.resolve("seg_frames.py");
    try (InputStream in = getClass().getResourceAsStream("seg_frames.py")) {
      Files.copy(in, script);
    }
    Path decoded = Files.createDirectories(dir.resolve("decoded"));
    List<String> cmd =
        new ArrayList<>(List.of("/usr/bin/python3", script.toString(), decoded.toString()));
    for (Built b : built) {
      Path f = b.file;
      Path nat = decoded.resolve(f.getFileName());
      if (b.scenario.type == SegmentationTypeValues.LABELMAP) {
        // GDCM refuses SOP classes it does not know; the copy differs only in SOP Class UID.
        f = dir.resolve(f.getFileName().toString().replace(".dcm", ".as66.4.dcm"));
      }
      if (b.scenario.ts.equals(UID.JPEGLSLossless)) {
        SegTestData.Result r = SegTestData.run(List.of("dcmdjpls", f.toString(), nat.toString()));
        assertEquals(0, r.exit(), "dcmdjpls " + f + ": " + r.err());
      } else if (b.scenario.ts.equals(UID.JPEG2000Lossless)) {
        SegTestData.Result r =
            SegTestData.run(List.of("gdcmconv", "--raw", f.toString(), nat.toString()));
        assertEquals(0, r.exit(), "gdcmconv " + f + ": " + r.err());
      } else {
        Files.copy(f, nat);
      }
      cmd.add(nat.toString());
    }
    SegTestData.Result r = SegTestData.run(cmd);
    assertEquals(0, r.exit(), "pydicom decoding failed: " + r.err());
    for (String line : r.out().split("\n")) {
      if (!line.isBlank()) {
        String[] f = line.split("\t");
        frames.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
      }
    }
    for (Built b : built) {
      String name = b.file.getFileName().toString();
      pixels.put(name, Files.readAllBytes(decoded.resolve(name + ".raw")));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyScenarioIsValidAndDecodesToItsInput() {
    SegTestData.require(toolsPresent, "dciodvfy, dcmtk, gdcmconv, python3 and ../shared/tools");
    return built.stream()
        .map(
            b ->
                DynamicTest.dynamicTest(
                    b.scenario.name(),
                    () -> {
                      String name = b.file.getFileName().toString();
                      String v = validation.get(name);
                      assertNotNull(v, "no dciodvfy result for " + name);
                      assertTrue(v.contains("\t0 errors"), "dciodvfy: " + v);
                      SegTestData.Result d = dumps.get(name);
                      assertEquals(0, d.exit(), "dcmdump exit: " + d.err());
                      assertEquals("", d.err().strip(), "dcmdump stderr");
                      checkFrames(b, frames.get(name), pixels.get(name));
                    }));
  }

  /** Compares each decoded frame with the input plane its source reference names. */
  private static void checkFrames(Built b, List<String[]> meta, byte[] raw) {
    assertNotNull(meta, "no frames decoded");
    Scenario sc = b.scenario;
    DicomDataset first = b.sources.get(0);
    int rows = first.getInt(Tag.Rows, 0);
    int cols = first.getInt(Tag.Columns, 0);
    int ppf = rows * cols;
    int planes = b.input.shape(0);
    Map<String, Integer> planeOf = new HashMap<>();
    double[][] positions = new double[planes][];
    if (b.sources.size() == 1) {
      Sequence perFrame = first.getSequence(Tag.PerFrameFunctionalGroupsSequence);
      for (int p = 0; p < planes; p++) {
        planeOf.put(first.getString(Tag.SOPInstanceUID) + "#" + (p + 1), p);
        positions[p] =
            perFrame
                .get(p)
                .getSequence(Tag.PlanePositionSequence)
                .get(0)
                .getDoubles(Tag.ImagePositionPatient);
      }
    } else {
      for (int p = 0; p < planes; p++) {
        planeOf.put(b.sources.get(p).getString(Tag.SOPInstanceUID) + "#0", p);
        positions[p] = b.sources.get(p).getDoubles(Tag.ImagePositionPatient);
      }
    }
    ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    Set<String> seen = new HashSet<>();
    int expectedFrames = 0;
    int segments =
        sc.type == SegmentationTypeValues.LABELMAP ? 1 : b.input.ndim() == 4 ? b.input.shape(3) : 3;
    for (int s = 1; s <= segments; s++) {
      for (int p = 0; p < planes; p++) {
        if (!sc.omit || !isEmpty(expectedFrame(b, s, p, ppf, cols))) {
          expectedFrames++;
        }
      }
    }
    assertEquals(expectedFrames, meta.size(), "number of frames");
    for (String[] f : meta) {
      int index = Integer.parseInt(f[1]);
      int segment = Integer.parseInt(f[2]);
      Integer p = planeOf.get(f[4] + "#" + f[5]);
      assertNotNull(p, "frame " + index + " references an unknown source: " + f[4] + "#" + f[5]);
      String[] xyz = f[3].split(",");
      double[] pos = {
        Double.parseDouble(xyz[0]), Double.parseDouble(xyz[1]), Double.parseDouble(xyz[2])
      };
      assertArrayEquals(positions[p], pos, 1e-3, "frame " + index + " position");
      assertTrue(
          seen.add(segment + "/" + p), "duplicate frame for segment/plane " + segment + "/" + p);
      int[] expected =
          expectedFrame(b, sc.type == SegmentationTypeValues.LABELMAP ? 0 : segment, p, ppf, cols);
      int[] actual = new int[ppf];
      for (int i = 0; i < ppf; i++) {
        actual[i] = buf.getShort(2 * (index * ppf + i)) & 0xffff;
      }
      assertArrayEquals(
          expected, actual, "frame " + index + " (segment " + segment + ", plane " + p + ")");
    }
  }

  private static boolean isEmpty(int[] frame) {
    for (int v : frame) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The stored values PS3.3 C.8.20.2 prescribes for segment {@code s} (0: label map) in plane p.
   */
  private static int[] expectedFrame(Built b, int s, int p, int ppf, int cols) {
    int[] out = new int[ppf];
    NdArray in = b.input;
    for (int i = 0; i < ppf; i++) {
      int r = i / cols;
      int c = i % cols;
      if (in.ndim() == 4) {
        double v = in.getDouble(p, r, c, s == 0 ? 0 : s - 1);
        // highdicom stores numpy.around(array * 255): a float32 product, rounded half to even.
        out[i] =
            b.scenario.type == SegmentationTypeValues.FRACTIONAL
                ? (int) Math.rint((float) v * 255f)
                : (v != 0 ? 1 : 0);
      } else {
        int label = (int) in.getLong(p, r, c);
        out[i] = s == 0 ? label : label == s ? 1 : 0;
      }
    }
    return out;
  }
}
