package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.highdicom4j.DType;
import org.highdicom4j.DimensionOrganizationTypeValues;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segmentation pyramids of highdicom's test slide (50 x 50 total pixel matrix, 10 x 10 tiles, Pixel
 * Spacing 0.000499 mm): every level must pass dciodvfy, read back to the matrix downsampled
 * independently here, and carry the Total Pixel Matrix size and Pixel Spacing that cover the same
 * slide region (PS3.3 C.8.12.4).
 *
 * <p>Ignored dciodvfy messages: {@link SegmentationConformanceTest#LABELMAP_IGNORES} for the label
 * map pyramid (the validator predates Sup 243), {@link
 * SegmentationTiledConformanceTest#TILED_FULL_IGNORES} for its TILED_FULL levels, and {@link
 * SegmentationTiledConformanceTest#OFF_GRID_IGNORES} for every level: tiles of a downsampled level
 * coincide with no source tile, so they carry no Derivation Image functional group.
 */
class SegmentationPyramidTest {
  private static final double SOURCE_SPACING = 0.000499;

  @TempDir Path dir;
  private DicomDataset source;

  @BeforeEach
  void readSource() throws Exception {
    Path shared = SegTestData.shared();
    Path file = shared == null ? null : shared.resolve("testdata/highdicom/sm_image.dcm");
    SegTestData.require(file != null && Files.isRegularFile(file), "../shared/testdata");
    source = DicomReader.read(file).dataset();
  }

  /** Required options shared by every level, as the caller of highdicom passes them. */
  private static Consumer<Segmentation.Builder> options(
      SegmentationTypeValues type, List<SegmentDescription> descriptions) {
    return b ->
        b.segmentationType(type)
            .segmentDescriptions(descriptions)
            .seriesNumber(7)
            .manufacturer("highdicom4j tests")
            .manufacturerModelName("SegmentationPyramidTest")
            .softwareVersions("0.1")
            .deviceSerialNumber("0001");
  }

  /** A 50 x 50 label map: highdicom's guide rectangle (segment 1), a disk and a stripe. */
  private static NdArray labels() {
    NdArray a = NdArray.zeros(DType.UINT8, 50, 50);
    for (int r = 0; r < 50; r++) {
      for (int c = 0; c < 50; c++) {
        int v = 0;
        if (r >= 38 && r < 43 && c >= 5 && c < 41) {
          v = 1;
        } else if ((r - 15) * (r - 15) + (c - 30) * (c - 30) < 50) {
          v = 2;
        } else if (c == 3 || c == 4) {
          v = 3;
        }
        a.setDouble(v, r, c);
      }
    }
    return a;
  }

  /**
   * The input pixel that holds the centre of output pixel i, found from slide geometry: the centre
   * lies (i + 0.5) level spacings from the matrix edge, and input pixel k spans [k, k + 1) source
   * spacings (nearest neighbour, as highdicom's Pillow NEAREST resize).
   */
  private static int sourceIndex(int i, double levelSpacing) {
    return (int) Math.floor((i + 0.5) * levelSpacing / SOURCE_SPACING + 1e-9);
  }

  @Test
  void downsamplesABinaryMaskByFactorsIntoValidLevelsThatReadBackExactly() throws Exception {
    NdArray mask = labels();
    List<String> uids =
        List.of(UidGenerator.newUid(), UidGenerator.newUid(), UidGenerator.newUid());
    List<SegmentDescription> descriptions = SegTestData.descriptions(1, 2, 3);
    List<Segmentation> levels =
        Segmentation.createSegmentationPyramid(
            List.of(source),
            List.of(mask),
            new double[] {2, 4},
            uids,
            options(SegmentationTypeValues.BINARY, descriptions)
                .andThen(b -> b.pyramidLabel("Nuclei")));
    assertEquals(3, levels.size());
    // int(50 / f) as highdicom: 50, 25, 12 rows and columns.
    int[] sizes = {50, 25, 12};
    List<Path> files = write(levels, "binary");
    checkSeries(levels, uids);
    for (int l = 0; l < 3; l++) {
      Segmentation back = Segmentation.read(files.get(l));
      DicomDataset ds = back.dataset();
      assertEquals("Nuclei", ds.getString(Tag.PyramidLabel));
      checkGeometry(ds, sizes[l]);
      double spacing = pixelSpacing(ds)[0];
      NdArray got = back.getTotalPixelMatrix(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
      assertEquals(sizes[l], got.shape(0));
      assertEquals(sizes[l], got.shape(1));
      for (int r = 0; r < sizes[l]; r++) {
        for (int c = 0; c < sizes[l]; c++) {
          long expected = mask.getLong(sourceIndex(r, spacing), sourceIndex(c, spacing));
          assertEquals(expected, got.getLong(r, c), "level " + l + " pixel " + r + "," + c);
        }
      }
    }
    // Factor 2 samples the second pixel of each 2 x 2 block (centre 2i + 1 in input pixels).
    NdArray half =
        Segmentation.read(files.get(1))
            .getTotalPixelMatrix(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    for (int r = 0; r < 25; r++) {
      for (int c = 0; c < 25; c++) {
        assertEquals(mask.getLong(2 * r + 1, 2 * c + 1), half.getLong(r, c));
      }
    }
    validate(files, List.of(SegmentationTiledConformanceTest.OFF_GRID_IGNORES.keySet()));
  }

  @Test
  void buildsALabelMapPyramidFromCallerArraysWithSpacingFromTheSizeRatio() throws Exception {
    NdArray full = labels();
    NdArray fifth = NdArray.zeros(DType.UINT8, 20, 20);
    NdArray tenth = NdArray.zeros(DType.UINT8, 1, 5, 5);
    for (int r = 0; r < 20; r++) {
      for (int c = 0; c < 20; c++) {
        fifth.setDouble((r + c) % 4, r, c);
      }
    }
    for (int r = 0; r < 5; r++) {
      for (int c = 0; c < 5; c++) {
        tenth.setDouble(r == c ? 2 : 0, 0, r, c);
      }
    }
    List<Segmentation> levels =
        Segmentation.createSegmentationPyramid(
            List.of(source),
            List.of(full.reshape(1, 50, 50), fifth.reshape(1, 20, 20), tenth),
            null,
            null,
            options(SegmentationTypeValues.LABELMAP, SegTestData.descriptions(1, 2, 3))
                .andThen(
                    b ->
                        b.dimensionOrganizationType(DimensionOrganizationTypeValues.TILED_FULL)
                            .omitEmptyFrames(false)));
    List<Path> files = write(levels, "labelmap");
    checkSeries(levels, null);
    NdArray[] expected = {full, fifth, tenth.reshape(5, 5)};
    int[] sizes = {50, 20, 5};
    for (int l = 0; l < 3; l++) {
      Segmentation back = Segmentation.read(files.get(l));
      assertEquals(Segmentation.LABEL_MAP_SEGMENTATION_STORAGE, back.sopClassUid());
      checkGeometry(back.dataset(), sizes[l]);
      NdArray got = back.getTotalPixelMatrix(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
      assertEquals(expected[l], got.astype(DType.UINT8), "level " + l);
    }
    List<String> ignores = new ArrayList<>(SegmentationConformanceTest.LABELMAP_IGNORES.keySet());
    ignores.addAll(SegmentationTiledConformanceTest.TILED_FULL_IGNORES.keySet());
    ignores.addAll(SegmentationTiledConformanceTest.OFF_GRID_IGNORES.keySet());
    List<Path> storage = new ArrayList<>();
    for (Path f : files) {
      storage.add(SegTestData.asSegmentationStorage(f, dir));
    }
    validate(storage, List.of(ignores));
  }

  @Test
  void downsamplesFractionalProbabilitiesWithLinearWeights() throws Exception {
    NdArray p = NdArray.zeros(DType.FLOAT32, 50, 50, 1);
    for (int r = 0; r < 50; r++) {
      for (int c = 0; c < 50; c++) {
        p.setDouble(((r * 7 + c * 3) % 11) / 10.0, r, c, 0);
      }
    }
    List<Segmentation> levels =
        Segmentation.createSegmentationPyramid(
            List.of(source),
            List.of(p.reshape(1, 50, 50, 1)),
            new double[] {2},
            null,
            options(SegmentationTypeValues.FRACTIONAL, SegTestData.descriptions(1)));
    List<Path> files = write(levels, "fractional");
    NdArray got =
        Segmentation.read(files.get(1))
            .getTotalPixelMatrix(SegmentPixelOptions.DEFAULT.withRescaleFractional(false));
    assertEquals(25, got.shape(0));
    // Pillow's bilinear filter at scale 2 spans four input pixels around centre 2i + 1 with
    // weights 1/8, 3/8, 3/8, 1/8 (triangle of half-width 2); interior pixels only.
    double[] w = {1 / 8.0, 3 / 8.0, 3 / 8.0, 1 / 8.0};
    for (int r = 1; r < 24; r++) {
      for (int c = 1; c < 24; c++) {
        double v = 0;
        for (int i = 0; i < 4; i++) {
          for (int j = 0; j < 4; j++) {
            v += w[i] * w[j] * p.getDouble(2 * r - 1 + i, 2 * c - 1 + j, 0);
          }
        }
        assertEquals(v * 255, got.getDouble(r, c, 0), 0.5 + 1e-3, "pixel " + r + "," + c);
      }
    }
    validate(files, List.of(SegmentationTiledConformanceTest.OFF_GRID_IGNORES.keySet()));
  }

  @Test
  void rejectsInconsistentInputsNamingTheParameter() {
    NdArray mask = labels();
    Consumer<Segmentation.Builder> o =
        options(SegmentationTypeValues.BINARY, SegTestData.descriptions(1, 2, 3));
    List<DicomDataset> one = List.of(source);
    assertMessage("downsampleFactors must be given", one, List.of(mask), null, null, o);
    assertMessage(
        "downsampleFactors must not be empty", one, List.of(mask), new double[0], null, o);
    assertMessage(
        "downsampleFactors[0] must be greater than 1",
        one,
        List.of(mask),
        new double[] {1},
        null,
        o);
    assertMessage("strictly ascending", one, List.of(mask), new double[] {4, 2}, null, o);
    assertMessage(
        "downsampleFactors[0] leaves an empty", one, List.of(mask), new double[] {60}, null, o);
    NdArray small = NdArray.zeros(DType.UINT8, 30, 30);
    assertMessage(
        "downsampleFactors must not be given",
        one,
        List.of(mask, small),
        new double[] {2},
        null,
        o);
    assertMessage("strictly decreasing size", one, List.of(mask, small, small), null, null, o);
    assertMessage(
        "dtype of pixelArrays[0]",
        one,
        List.of(mask, NdArray.zeros(DType.UINT16, 30, 30)),
        null,
        null,
        o);
    assertMessage(
        "pixelArrays[0] total pixel matrix is 30 x 30",
        one,
        List.of(small),
        new double[] {2},
        null,
        o);
    assertMessage(
        "sopInstanceUids holds 1",
        one,
        List.of(mask),
        new double[] {2},
        List.of(UidGenerator.newUid()),
        o);
    assertMessage(
        "segmenting a source pyramid is not supported",
        List.of(source, source),
        List.of(mask),
        null,
        null,
        o);
    assertMessage("sourceImages must not be empty", List.of(), List.of(mask), null, null, o);
    assertMessage("pixelArrays must not be empty", one, List.of(), null, null, o);
    assertMessage(
        "options must not set pixelMeasures",
        one,
        List.of(mask),
        new double[] {2},
        null,
        o.andThen(b -> b.pixelMeasures(1, 1, 1, null)));
    assertMessage(
        "options must not set sopInstanceUid or instanceNumber",
        one,
        List.of(mask),
        new double[] {2},
        null,
        o.andThen(b -> b.instanceNumber(3)));
    assertMessage(
        "options must set the same seriesInstanceUid",
        one,
        List.of(mask),
        new double[] {2},
        null,
        o.andThen(b -> b.seriesInstanceUid(UidGenerator.newUid())));
    DicomDataset ct = SegTestData.enhancedCt(2, 4, 4);
    assertMessage("no slide image", List.of(ct), List.of(mask), new double[] {2}, null, o);
    assertThrows(
        NullPointerException.class,
        () ->
            Segmentation.createSegmentationPyramid(
                one, List.of(mask), new double[] {2}, null, null));
  }

  @Test
  void aPyramidLabelNeedsAPyramidUid() {
    Segmentation.Builder b =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(List.of(source))
            .pixelArray(labels())
            .tilePixelArray(true)
            .segmentationType(SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1, 2, 3))
            .pyramidLabel("x");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().contains("pyramidLabel needs a pyramidUid"), e.getMessage());
  }

  private static void assertMessage(
      String fragment,
      List<DicomDataset> sources,
      List<NdArray> arrays,
      double[] factors,
      List<String> uids,
      Consumer<Segmentation.Builder> options) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Segmentation.createSegmentationPyramid(sources, arrays, factors, uids, options));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  private List<Path> write(List<Segmentation> levels, String name) throws Exception {
    List<Path> files = new ArrayList<>();
    for (int l = 0; l < levels.size(); l++) {
      Path f = dir.resolve(name + "-" + l + ".dcm");
      levels.get(l).write(f);
      files.add(f);
    }
    return files;
  }

  /** One series, one pyramid, instance numbers 1..n, distinct SOP instances. */
  private static void checkSeries(List<Segmentation> levels, List<String> uids) {
    Set<String> sops = new HashSet<>();
    String pyramid = levels.get(0).dataset().getString(Tag.PyramidUID);
    assertTrue(pyramid != null && !pyramid.isEmpty(), "PyramidUID present");
    for (int l = 0; l < levels.size(); l++) {
      DicomDataset ds = levels.get(l).dataset();
      assertEquals(levels.get(0).seriesInstanceUid(), levels.get(l).seriesInstanceUid());
      assertEquals(pyramid, ds.getString(Tag.PyramidUID));
      assertEquals(l + 1, ds.getInt(Tag.InstanceNumber, 0));
      assertTrue(sops.add(levels.get(l).sopInstanceUid()));
      if (uids != null) {
        assertEquals(uids.get(l), levels.get(l).sopInstanceUid());
      }
    }
    assertNotEquals(pyramid, levels.get(0).seriesInstanceUid());
  }

  private static double[] pixelSpacing(DicomDataset ds) {
    return ds.getSequence(Tag.SharedFunctionalGroupsSequence)
        .get(0)
        .getSequence(Tag.PixelMeasuresSequence)
        .get(0)
        .getDoubles(Tag.PixelSpacing);
  }

  /**
   * Total Pixel Matrix size as given, Pixel Spacing scaled so the level spans the source's 50
   * pixels (C.8.12.4: spacing x matrix size = imaged extent), origin and orientation of the source.
   */
  private void checkGeometry(DicomDataset ds, int size) {
    assertEquals(size, ds.getInt(Tag.TotalPixelMatrixRows, 0));
    assertEquals(size, ds.getInt(Tag.TotalPixelMatrixColumns, 0));
    double[] spacing = pixelSpacing(ds);
    assertEquals(SOURCE_SPACING * 50 / size, spacing[0], 1e-9);
    assertEquals(SOURCE_SPACING * 50 / size, spacing[1], 1e-9);
    DicomDataset origin = ds.getSequence(Tag.TotalPixelMatrixOriginSequence).get(0);
    DicomDataset srcOrigin = source.getSequence(Tag.TotalPixelMatrixOriginSequence).get(0);
    assertEquals(
        srcOrigin.getDoubles(Tag.XOffsetInSlideCoordinateSystem)[0],
        origin.getDoubles(Tag.XOffsetInSlideCoordinateSystem)[0],
        1e-9);
    assertEquals(
        srcOrigin.getDoubles(Tag.YOffsetInSlideCoordinateSystem)[0],
        origin.getDoubles(Tag.YOffsetInSlideCoordinateSystem)[0],
        1e-9);
    double[] o = ds.getDoubles(Tag.ImageOrientationSlide);
    double[] so = source.getDoubles(Tag.ImageOrientationSlide);
    for (int i = 0; i < 6; i++) {
      assertEquals(so[i], o[i], 1e-9);
    }
  }

  /** Runs dicom-validate; every file must have 0 errors after the named ignores. */
  private static void validate(List<Path> files, List<java.util.Collection<String>> ignoreSets)
      throws Exception {
    Path shared = SegTestData.shared();
    boolean tools =
        shared != null
            && Files.isExecutable(shared.resolve("tools/dicom-validate"))
            && SegTestData.onPath("dciodvfy");
    SegTestData.require(tools, "dciodvfy and ../shared/tools/dicom-validate");
    List<String> cmd = new ArrayList<>();
    cmd.add(shared.resolve("tools/dicom-validate").toString());
    for (java.util.Collection<String> set : ignoreSets) {
      for (String re : set) {
        cmd.add("--ignore");
        cmd.add(re);
      }
    }
    for (Path f : files) {
      cmd.add(f.toString());
    }
    SegTestData.Result r = SegTestData.run(cmd);
    int checked = 0;
    for (String line : r.out().split("\n")) {
      if (!line.isBlank() && !line.startsWith(" ")) {
        assertTrue(line.contains("\t0 errors"), "dciodvfy: " + r.out());
        checked++;
      }
    }
    assertEquals(files.size(), checked, r.out() + r.err());
  }
}
