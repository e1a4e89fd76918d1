package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.highdicom4j.DType;
import org.highdicom4j.DimensionOrganizationTypeValues;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Scenario matrix for segmentations of tiled slide microscopy images (highdicom's test slides, 50 x
 * 50 total pixel matrix in 10 x 10 tiles): segmentation type × dimension organisation (TILED_SPARSE
 * omitting empty tiles, TILED_FULL with every tile) × input arrangement (frames 1:1 with the source
 * tiles; total pixel matrix cut into the source's tiles; total pixel matrix cut into 16 x 12 tiles,
 * which divide neither side) × transfer syntax (native, and a compressed one the type allows).
 * Every file must pass dciodvfy with no errors, be read by dcmdump, and give back the input total
 * pixel matrix, whole and in regions that cut through tiles, when read with {@link
 * Segmentation#read}.
 *
 * <p>Ignored dciodvfy messages, each for the reason given in {@link #TILED_FULL_IGNORES} and {@link
 * SegmentationConformanceTest#LABELMAP_IGNORES}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentationTiledConformanceTest {
  /**
   * dciodvfy (dicom3tools 2022) checks the per-frame functional group macros of a segmentation even
   * when Dimension Organization Type is TILED_FULL, where PS3.3 C.7.6.16 (Per-Frame Functional
   * Groups Sequence required only if not TILED_FULL, since CP-1915/Sup 222 for SEG) and C.7.6.17.3
   * place every frame implicitly. highdicom's own TILED_FULL file
   * (testdata/highdicom/seg_image_sm_dots_tiled_full.dcm) draws the same messages.
   */
  static final Map<String, String> TILED_FULL_IGNORES = new LinkedHashMap<>();

  static {
    TILED_FULL_IGNORES.put(
        "Missing attribute Type 1 Required Element=<PerFrameFunctionalGroupsSequence>",
        "TILED_FULL has no per-frame functional groups (C.7.6.17.3)");
    TILED_FULL_IGNORES.put(
        "Missing attribute Type 1 Required Element=<PlanePositionSequence>",
        "the patient plane position macro does not apply to a SLIDE image");
    TILED_FULL_IGNORES.put(
        "Missing attribute Type 1 Required Element=<PlaneOrientationSequence>",
        "the patient plane orientation macro does not apply to a SLIDE image");
    TILED_FULL_IGNORES.put(
        "Missing attribute Type 1 Required Element=<PlanePositionSlideSequence>",
        "TILED_FULL positions are implicit (C.7.6.17.3)");
    TILED_FULL_IGNORES.put(
        "Missing attribute Type 1 Required Element=<SegmentIdentificationSequence>",
        "TILED_FULL frames are segment-major in an implicit order (C.7.6.17.3)");
  }

  /**
   * dciodvfy (dicom3tools 2022) requires the Plane Orientation (Patient) functional group in every
   * segmentation frame without a Derivation Image functional group, as are tiles that do not
   * coincide with a source tile. A SLIDE segmentation records its orientation in Image Orientation
   * (Slide) (0048,0102) at the top level (PS3.3 C.8.12.4); the patient macro cannot hold it
   * (dciodvfy then asks for Image Orientation (Patient), which a slide image has not). highdicom
   * writes the same attributes.
   */
  static final Map<String, String> OFF_GRID_IGNORES = new LinkedHashMap<>();

  static {
    OFF_GRID_IGNORES.put(
        "Missing attribute Type 1 Required Element=<PlaneOrientationSequence>",
        "SLIDE orientation is Image Orientation (Slide), not a patient functional group");
  }

  enum Arrangement {
    FRAMES,
    TPM_SOURCE_TILES,
    TPM_16X12
  }

  record Scenario(
      String source,
      SegmentationTypeValues type,
      DimensionOrganizationTypeValues organisation,
      Arrangement arrangement,
      String ts) {
    String name() {
      return source.replace(".dcm", "").replace("sm_image", "sm")
          + "-"
          + type
          + "-"
          + organisation.value()
          + "-"
          + arrangement
          + "-"
          + SegmentationConformanceTest.tsName(ts);
    }

    boolean tiledFull() {
      return organisation == DimensionOrganizationTypeValues.TILED_FULL;
    }
  }

  record Built(Scenario scenario, Path file, NdArray tpm, int frames) {}

  private Path dir;
  private final List<Built> built = new ArrayList<>();
  private final Map<String, String> validation = new HashMap<>();
  private final Map<String, SegTestData.Result> dumps = new HashMap<>();
  private boolean sourcesPresent;
  private boolean toolsPresent;

  @BeforeAll
  void buildAll() throws Exception {
    Path shared = SegTestData.shared();
    Path data = shared == null ? null : shared.resolve("testdata/highdicom");
    sourcesPresent = data != null && Files.isRegularFile(data.resolve("sm_image.dcm"));
    if (!sourcesPresent) {
      return;
    }
    dir = Files.createTempDirectory("seg-tiled-matrix");
    for (String name : List.of("sm_image.dcm", "sm_image_dots.dcm")) {
      DicomDataset src = DicomReader.read(data.resolve(name)).dataset();
      for (SegmentationTypeValues type : SegmentationTypeValues.values()) {
        String compressed =
            type == SegmentationTypeValues.BINARY
                ? UID.JPEG2000Lossless
                : type == SegmentationTypeValues.FRACTIONAL ? UID.RLELossless : UID.JPEGLSLossless;
        List<String> syntaxes =
            name.equals("sm_image.dcm")
                ? List.of(UID.ExplicitVRLittleEndian, compressed)
                : List.of(UID.ExplicitVRLittleEndian);
        for (DimensionOrganizationTypeValues org :
            List.of(
                DimensionOrganizationTypeValues.TILED_SPARSE,
                DimensionOrganizationTypeValues.TILED_FULL)) {
          for (Arrangement arrangement : Arrangement.values()) {
            for (String ts : syntaxes) {
              built.add(build(new Scenario(name, type, org, arrangement, ts), src));
            }
          }
        }
      }
    }
    toolsPresent =
        shared != null
            && Files.isExecutable(shared.resolve("tools/dicom-validate"))
            && SegTestData.onPath("dciodvfy")
            && SegTestData.onPath("dcmdump");
    if (toolsPresent) {
      runValidators(shared);
    }
  }

  @AfterAll
  void cleanUp() throws IOException {
    if (dir != null && !Boolean.getBoolean("seg.keep")) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * A 50 x 50 label map: segment 1 a disk across four tiles, segment 2 a band in tile row 3,
   * segment 3 a corner pixel; the first tile row is empty, so TILED_SPARSE omits tiles.
   */
  static NdArray labels(int third) {
    NdArray a = NdArray.zeros(DType.UINT8, 50, 50);
    for (int r = 10; r < 50; r++) {
      for (int c = 0; c < 50; c++) {
        int v = 0;
        if ((r - 30) * (r - 30) + (c - 20) * (c - 20) < 64) {
          v = 1;
        } else if (r >= 20 && r < 23 && c >= 5) {
          v = 2;
        } else if (r == 49 && c == 49) {
          v = third;
        }
        a.setDouble(v, r, c);
      }
    }
    return a;
  }

  /** Two fractional segments with values k / 10 below row 10. */
  static NdArray fractional() {
    NdArray a = NdArray.zeros(DType.FLOAT32, 50, 50, 2);
    for (int r = 10; r < 50; r++) {
      for (int c = 0; c < 50; c++) {
        a.setDouble(((r + c) % 11) / 10.0, r, c, 0);
        a.setDouble(r > 35 ? ((r * c) % 7) / 6.0 : 0, r, c, 1);
      }
    }
    return a;
  }

  /** Splits a total pixel matrix into the 10 x 10 source tiles, row by row (frames input). */
  static NdArray frames(NdArray tpm) {
    int[] s = tpm.shape();
    int channels = s.length == 3 ? s[2] : 0;
    NdArray out =
        channels > 0
            ? NdArray.zeros(tpm.dtype(), 25, 10, 10, channels)
            : NdArray.zeros(tpm.dtype(), 25, 10, 10);
    for (int t = 0; t < 25; t++) {
      for (int r = 0; r < 10; r++) {
        for (int c = 0; c < 10; c++) {
          int tr = (t / 5) * 10 + r;
          int tc = (t % 5) * 10 + c;
          if (channels == 0) {
            out.setDouble(tpm.getDouble(tr, tc), t, r, c);
          } else {
            for (int k = 0; k < channels; k++) {
              out.setDouble(tpm.getDouble(tr, tc, k), t, r, c, k);
            }
          }
        }
      }
    }
    return out;
  }

  private Built build(Scenario sc, DicomDataset src) throws IOException {
    NdArray tpm;
    List<SegmentDescription> descriptions;
    if (sc.type == SegmentationTypeValues.FRACTIONAL) {
      tpm = fractional();
      descriptions = SegTestData.descriptions(1, 2);
    } else if (sc.type == SegmentationTypeValues.LABELMAP) {
      tpm = labels(5);
      descriptions = SegTestData.descriptions(5, 1, 2);
    } else {
      tpm = labels(3);
      descriptions = SegTestData.descriptions(1, 2, 3);
    }
    Segmentation.Builder b =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(List.of(src))
            .segmentationType(sc.type)
            .segmentDescriptions(descriptions)
            .transferSyntaxUid(sc.ts)
            .dimensionOrganizationType(sc.organisation)
            .omitEmptyFrames(!sc.tiledFull())
            .contentDescription(sc.name());
    switch (sc.arrangement) {
      case FRAMES:
        b.pixelArray(frames(tpm));
        break;
      case TPM_SOURCE_TILES:
        b.pixelArray(tpm).tilePixelArray(true);
        break;
      default:
        b.pixelArray(tpm).tilePixelArray(true).tileSize(16, 12);
        break;
    }
    Segmentation seg = b.build();
    Path file = dir.resolve(sc.name() + ".dcm");
    seg.write(file);
    return new Built(sc, file, tpm, seg.numberOfFrames());
  }

  /** The dciodvfy messages a scenario may draw, each for a reason given where it is defined. */
  static List<String> ignores(Scenario sc) {
    List<String> out = new ArrayList<>();
    if (sc.type == SegmentationTypeValues.LABELMAP) {
      out.addAll(SegmentationConformanceTest.LABELMAP_IGNORES.keySet());
    }
    if (sc.tiledFull()) {
      out.addAll(TILED_FULL_IGNORES.keySet());
    }
    if (sc.arrangement == Arrangement.TPM_16X12) {
      out.addAll(OFF_GRID_IGNORES.keySet());
    }
    return out;
  }

  private void runValidators(Path shared) throws Exception {
    Map<List<String>, List<String>> commands = new LinkedHashMap<>();
    for (Built b : built) {
      List<String> ignores = ignores(b.scenario);
      List<String> cmd =
          commands.computeIfAbsent(
              ignores,
              k -> {
                List<String> c = new ArrayList<>();
                c.add(shared.resolve("tools/dicom-validate").toString());
                for (String re : k) {
                  c.add("--ignore");
                  c.add(re);
                }
                return c;
              });
      boolean lm = b.scenario.type == SegmentationTypeValues.LABELMAP;
      cmd.add(lm ? SegTestData.asSegmentationStorage(b.file, dir).toString() : b.file.toString());
    }
    for (List<String> cmd : commands.values()) {
      String current = null;
      for (String line : SegTestData.run(cmd).out().split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        if (!line.startsWith(" ")) {
          current = Path.of(line.split("\t")[0]).getFileName().toString().replace(".as66.4", "");
          validation.put(current, line);
        } else {
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

  @TestFactory
  Stream<DynamicTest> everyTiledScenarioIsValidAndGivesBackItsTotalPixelMatrix() {
    SegTestData.require(sourcesPresent, "../shared/testdata/highdicom/sm_image.dcm");
    return built.stream()
        .map(
            b ->
                DynamicTest.dynamicTest(
                    b.scenario.name(),
                    () -> {
                      String name = b.file.getFileName().toString();
                      if (toolsPresent) {
                        String v = validation.get(name);
                        assertNotNull(v, "no dciodvfy result for " + name);
                        assertTrue(v.contains("\t0 errors"), "dciodvfy: " + v);
                        SegTestData.Result d = dumps.get(name);
                        assertEquals(0, d.exit(), "dcmdump exit: " + d.err());
                        assertEquals("", d.err().strip(), "dcmdump stderr");
                      }
                      checkFrameCount(b);
                      checkTotalPixelMatrix(b);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> validatorsArePresent() {
    // One visible skip when the validators are missing, instead of silently weaker scenarios.
    return Stream.of(
        DynamicTest.dynamicTest(
            "dciodvfy and dcmdump",
            () ->
                SegTestData.require(
                    !sourcesPresent || toolsPresent, "dciodvfy, dcmdump and ../shared/tools")));
  }

  /** TILED_FULL stores every tile of every segment; TILED_SPARSE only non-empty ones. */
  private static void checkFrameCount(Built b) {
    Scenario sc = b.scenario;
    int tileRows = sc.arrangement == Arrangement.TPM_16X12 ? 16 : 10;
    int tileCols = sc.arrangement == Arrangement.TPM_16X12 ? 12 : 10;
    int perRow = (50 + tileCols - 1) / tileCols;
    int perCol = (50 + tileRows - 1) / tileRows;
    int segments =
        sc.type == SegmentationTypeValues.LABELMAP
            ? 1
            : sc.type == SegmentationTypeValues.FRACTIONAL ? 2 : 3;
    int expected = 0;
    for (int s = 0; s < segments; s++) {
      for (int t = 0; t < perRow * perCol; t++) {
        if (sc.tiledFull() || !tileEmpty(b.tpm, sc.type, s, t, tileRows, tileCols, perRow)) {
          expected++;
        }
      }
    }
    assertEquals(expected, b.frames, "number of frames");
  }

  private static boolean tileEmpty(
      NdArray tpm, SegmentationTypeValues type, int s, int t, int tr, int tc, int perRow) {
    int r0 = (t / perRow) * tr;
    int c0 = (t % perRow) * tc;
    for (int r = r0; r < Math.min(50, r0 + tr); r++) {
      for (int c = c0; c < Math.min(50, c0 + tc); c++) {
        double v = tpm.ndim() == 3 ? tpm.getDouble(r, c, s) : tpm.getDouble(r, c);
        boolean set =
            type == SegmentationTypeValues.LABELMAP
                ? v != 0
                : type == SegmentationTypeValues.FRACTIONAL ? v != 0 : v == s + 1;
        if (set) {
          return false;
        }
      }
    }
    return true;
  }

  /** Reads the file back: whole matrix and regions crossing tile borders equal the input. */
  private static void checkTotalPixelMatrix(Built b) throws IOException {
    Segmentation seg = Segmentation.read(b.file);
    boolean fractional = b.scenario.type == SegmentationTypeValues.FRACTIONAL;
    SegmentPixelOptions o =
        fractional
            ? SegmentPixelOptions.DEFAULT.withRescaleFractional(false)
            : SegmentPixelOptions.DEFAULT.withCombineSegments(true);
    int[][] regions = {{1, 51, 1, 51}, {7, 23, 13, 38}, {41, 51, 45, 51}, {-5, -1, 2, 9}};
    for (int[] reg : regions) {
      NdArray got = seg.getTotalPixelMatrix(reg[0], reg[1], reg[2], reg[3], false, o);
      int r0 = (reg[0] < 0 ? 51 + reg[0] : reg[0]) - 1;
      int r1 = (reg[1] < 0 ? 51 + reg[1] : reg[1]) - 1;
      int c0 = reg[2] - 1;
      int c1 = reg[3] - 1;
      assertEquals(r1 - r0, got.shape(0), "rows of region " + java.util.Arrays.toString(reg));
      assertEquals(c1 - c0, got.shape(1), "columns of region " + java.util.Arrays.toString(reg));
      for (int r = r0; r < r1; r++) {
        for (int c = c0; c < c1; c++) {
          if (fractional) {
            for (int k = 0; k < 2; k++) {
              // Stored as numpy.around(value * 255) of the float32 input (PS3.3 C.8.20.2.3).
              long expected = (long) Math.rint((float) b.tpm.getDouble(r, c, k) * 255f);
              assertEquals(expected, got.getLong(r - r0, c - c0, k), "pixel " + r + "," + c);
            }
          } else {
            assertEquals(b.tpm.getLong(r, c), got.getLong(r - r0, c - c0), "pixel " + r + "," + c);
          }
        }
      }
    }
    assertArrayEquals(
        new int[] {50, 50},
        new int[] {
          seg.dataset().getInt(Tag.TotalPixelMatrixRows, 0),
          seg.dataset().getInt(Tag.TotalPixelMatrixColumns, 0)
        });
  }
}
