package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Volumes from the real series of {@code ../shared/testdata} through {@link
 * Image#getVolumeFromSeries} and {@link Image#getVolume}: every slice's Image Position (Patient),
 * read directly from its file or frame, must be the affine applied to its volume index, the
 * affine's direction cosines must be the file's Image Orientation (Patient), every slice's stored
 * values must hash to the reference decoding of its file ({@code ../shared/reference/pixels.tsv}),
 * and the default (FLOAT64) volume must equal stored values × slope + intercept read from the file.
 */
class VolumesCorpusTest {
  static Path shared;
  static Map<String, String> referenceHashes = new HashMap<>();

  static Path sharedDir() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    return p == null ? null : p.resolve("shared");
  }

  @BeforeAll
  static void locate() throws IOException {
    shared = sharedDir();
    if (shared == null) {
      if (System.getenv("CI") != null) {
        fail("../shared/testdata is missing (required when CI is set)");
      }
      System.out.println("VolumesCorpusTest: ../shared/testdata not found, corpus tests skipped");
      return;
    }
    for (String line : Files.readAllLines(shared.resolve("reference/pixels.tsv"))) {
      String[] f = line.split("\t", -1);
      if (f.length > 14 && !f[2].isEmpty()) {
        referenceHashes.put(f[0] + "#" + f[2], f[13]);
      }
    }
  }

  static Path data(String relative) {
    Assumptions.assumeTrue(shared != null, "../shared/testdata not found");
    return shared.resolve("testdata").resolve(relative);
  }

  static final PixelTransformOptions INT16 = PixelTransformOptions.storedValues(DType.INT16);
  static final VolumeReadOptions DEFAULTS = VolumeReadOptions.defaults();

  static List<Image> images(List<DicomFile> files) {
    List<Image> out = new ArrayList<>();
    for (DicomFile f : files) {
      out.add(Image.fromDataset(f.dataset(), f.transferSyntax()));
    }
    return out;
  }

  static List<DicomFile> readDir(String relative) throws IOException {
    List<DicomFile> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(data(relative))) {
      for (Path p : s.sorted().toList()) {
        out.add(DicomReader.read(p));
      }
    }
    return out;
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Checks positions and stored values of every file against the volume. */
  static void checkSeries(String dir, List<DicomFile> files, Volume stored) throws IOException {
    List<Path> paths;
    try (Stream<Path> s = Files.list(data(dir))) {
      paths = s.sorted().toList();
    }
    boolean[] seen = new boolean[stored.spatialShape()[0]];
    for (int i = 0; i < files.size(); i++) {
      DicomDataset ds = files.get(i).dataset();
      double[] ipp = ds.getDoubles(Tag.ImagePositionPatient);
      double[] idx = stored.mapReferenceToIndices(new double[][] {ipp}, false, true)[0];
      int k = (int) Math.rint(idx[0]);
      assertArrayEquals(new double[] {k, 0, 0}, idx, 1e-4, "index of " + paths.get(i));
      assertArrayEquals(
          ipp, stored.mapIndicesToReference(new double[][] {{k, 0, 0}})[0], 1e-4, "IPP");
      assertArrayEquals(
          ds.getDoubles(Tag.ImageOrientationPatient), stored.directionCosines(), 1e-6, "IOP");
      seen[k] = true;
      String rel = shared.resolve("testdata").relativize(paths.get(i)).toString();
      String expected = referenceHashes.get(rel + "#1");
      assertEquals(expected, sha256(stored.array().get(k).toLittleEndian()), "pixels of " + rel);
    }
    for (int k = 0; k < seen.length; k++) {
      if (!seen[k]) {
        assertEquals(0, stored.array().get(k).max(), "gap slice " + k);
      }
    }
  }

  /** Checks that each slice of {@code hu} is the stored slice × slope + intercept of its file. */
  static void checkRescaled(List<DicomFile> files, Volume stored, Volume hu) {
    assertEquals(DType.FLOAT64, hu.dtype());
    assertTrue(hu.geometryEqual(stored, 0.0));
    for (DicomFile f : files) {
      DicomDataset ds = f.dataset();
      double slope = ds.getDouble(Tag.RescaleSlope, 1.0);
      double intercept = ds.getDouble(Tag.RescaleIntercept, 0.0);
      double[] idx =
          stored
              .mapReferenceToIndices(
                  new double[][] {ds.getDoubles(Tag.ImagePositionPatient)}, true, true)[0];
      NdArray s = stored.array().get((int) idx[0]);
      NdArray h = hu.array().get((int) idx[0]);
      for (int i = 0; i < s.size(); i++) {
        assertEquals(s.getFlatDouble(i) * slope + intercept, h.getFlatDouble(i), 1e-9);
      }
    }
  }

  @Test
  void ct5nSeriesStacksFiveSlicesFromHeadToFeet() throws IOException {
    List<DicomFile> files = readDir("pydicom/dicomdirtests/98892001/CT5N");
    List<Image> images = images(files);
    Volume v = Image.getVolumeFromSeries(images, INT16, DEFAULTS);
    assertArrayEquals(new int[] {5, 16, 16}, v.shape());
    assertEquals(DType.INT16, v.dtype());
    assertEquals(2.5, v.spacingBetweenSlices(), 1e-4);
    assertArrayEquals(new double[] {0.488281, 0.488281}, v.pixelSpacing(), 1e-9);
    // the first slice is the most superior one (z = 8.7625), the axis runs to the feet
    assertArrayEquals(new double[] {-72.199997, -143.0, 8.7625}, v.position(), 1e-5);
    assertArrayEquals(new double[] {0, 0, -2.5}, v.spacingVectors()[0], 1e-4);
    assertEquals(AxisHandedness.RIGHT_HANDED, v.handedness());
    checkSeries("pydicom/dicomdirtests/98892001/CT5N", files, v);
    checkRescaled(files, v, Image.getVolumeFromSeries(images));
  }

  @Test
  void volumesReadFromPathsEqualVolumesFromImages() throws IOException {
    List<Path> paths;
    try (Stream<Path> s = Files.list(data("pydicom/dicomdirtests/98892001/CT5N"))) {
      paths = s.toList();
    }
    List<DicomFile> files = readDir("pydicom/dicomdirtests/98892001/CT5N");
    Volume fromImages = Image.getVolumeFromSeries(images(files));
    Volume fromPaths = Volumes.read(paths);
    assertEquals(fromImages.array(), fromPaths.array());
    assertTrue(fromImages.geometryEqual(fromPaths, 0.0));
    Volume fromFiles = Volumes.fromFiles(files, INT16, DEFAULTS);
    checkSeries("pydicom/dicomdirtests/98892001/CT5N", files, fromFiles);
  }

  @Test
  void rescaledVolumeAppliesSlopeAndIntercept() throws IOException {
    List<DicomFile> files = readDir("dcmqi-segmentations/ct-3slice");
    Volume stored = Image.getVolumeFromSeries(images(files), INT16, DEFAULTS);
    checkSeries("dcmqi-segmentations/ct-3slice", files, stored);
    Volume hu = Image.getVolumeFromSeries(images(files));
    checkRescaled(files, stored, hu);
    // dcmqi's label map of this series (ITK, LPS): origin at the most inferior slice
    // (-235.2, -226.8, -128.69), directions +x, +y, +z with spacing 0.810547, 0.810547, 1
    VolumeGeometry nrrd =
        VolumeGeometry.fromComponents(
            new int[] {3, 512, 512},
            AffineComponents.spacing(1, 0.810547, 0.810547)
                .position(-235.2, -226.8, -128.69)
                .patientOrientation("HPL"),
            CoordinateSystemNames.PATIENT,
            null);
    assertTrue(stored.toPatientOrientation("HPL").geometryEqual(nrrd, 1e-4));
    Volume matched = stored.matchGeometry(nrrd, PadModes.CONSTANT, 0, false, 1e-4);
    assertEquals(
        sha256(stored.array().get(2).toLittleEndian()),
        sha256(matched.array().get(0).toLittleEndian()));
  }

  @Test
  void seriesWithAGapNeedsMissingPositionsAllowed() throws IOException {
    List<DicomFile> files = readDir("pydicom/dicomdirtests/77654033/CT2");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Image.getVolumeFromSeries(images(files), INT16, DEFAULTS));
    assertTrue(e.getMessage().startsWith("Series is not a regularly-spaced volume."));
    // z = 105.52, 104.27, 103.02 and, 164 slices of 1.25 mm further, -99.48
    Volume v =
        Image.getVolumeFromSeries(images(files), INT16, DEFAULTS.withAllowMissingPositions(true));
    assertEquals(165, v.spatialShape()[0]);
    assertEquals(1.25, v.spacingBetweenSlices(), 1e-4);
    checkSeries("pydicom/dicomdirtests/77654033/CT2", files, v);
  }

  @Test
  void localizersWithDifferentOrientationsAreRejected() throws IOException {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Image.getVolumeFromSeries(images(readDir("pydicom/dicomdirtests/98892001/CT2N"))));
    assertTrue(e.getMessage().startsWith("Images do not have the same orientation."));
    List<Image> mr700 = images(readDir("pydicom/dicomdirtests/98892003/MR700"));
    IllegalArgumentException tol =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Image.getVolumeFromSeries(
                    mr700, PixelTransformOptions.DEFAULT, DEFAULTS.withOrientationTol(1e-3)));
    assertTrue(
        tol.getMessage()
            .startsWith("Orientations are not consistent within the specified tolerance."),
        tol.getMessage());
  }

  @Test
  void imagesOfSeveralSeriesAreRejected() throws IOException {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Image.getVolumeFromSeries(images(readDir("pydicom/dicomdirtests/98892003/MR1"))));
    assertTrue(e.getMessage().startsWith("Images do not belong to the same series."));
  }

  @Test
  void imagesWithoutAFrameOfReferenceHaveNoVolume() throws IOException {
    Image cr = Image.read(data("pydicom/dicomdirtests/77654033/CR1/6154"));
    assertEquals(Optional.empty(), cr.coordinateSystem());
    assertEquals(Optional.empty(), cr.getVolumeGeometry());
    assertThrows(IllegalStateException.class, cr::getVolume);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Image.getVolumeFromSeries(List.of(cr)));
    assertTrue(e.getMessage().startsWith("Dataset should exist in the patient coordinate_system."));
  }

  @Test
  void singleMrImageIsAOneSliceVolumeWithItsSliceSpacing() throws IOException {
    Path p = data("pydicom/dicomdirtests/98892003/MR1/4919");
    DicomFile f = DicomReader.read(p);
    Image image = Image.read(p);
    Volume v = image.getVolume(INT16, DEFAULTS);
    assertEquals(1, v.spatialShape()[0]);
    double[] sbs = f.dataset().getDoubles(Tag.SpacingBetweenSlices);
    assertEquals(sbs.length == 0 ? 1.0 : sbs[0], v.spacingBetweenSlices(), 1e-9);
    assertArrayEquals(
        f.dataset().getDoubles(Tag.ImageOrientationPatient), v.directionCosines(), 1e-5);
    assertArrayEquals(f.dataset().getDoubles(Tag.ImagePositionPatient), v.position(), 1e-9);
    assertEquals(
        referenceHashes.get("pydicom/dicomdirtests/98892003/MR1/4919#1"),
        sha256(v.array().get(0).toLittleEndian()));
    Volume fromSeries = Image.getVolumeFromSeries(List.of(image), INT16, DEFAULTS);
    assertEquals(v.array(), fromSeries.array());
    assertTrue(v.geometryEqual(fromSeries, 0.0));
  }

  @Test
  void enhancedCtFramesBecomeSlicesAtTheirPlanePositions() throws IOException {
    Path p = data("pydicom-data/eCT_Supplemental.dcm");
    DicomDataset ds = DicomReader.read(p).dataset();
    Image image = Image.read(p, ImageReadOptions.LAZY);
    Volume v = image.getVolume(INT16, DEFAULTS);
    assertArrayEquals(new int[] {2, 512, 512}, v.shape());
    double[] iop =
        ds.getItem(Tag.SharedFunctionalGroupsSequence)
            .getItem(Tag.PlaneOrientationSequence)
            .getDoubles(Tag.ImageOrientationPatient);
    assertArrayEquals(iop, v.directionCosines(), 1e-9);
    // orientation (-1,0,0, 0,1,0): column x row = (0,0,1), so z = -159 comes first
    assertEquals(10.0, v.spacingBetweenSlices(), 1e-6);
    DicomDataset pvt =
        ds.getItem(Tag.SharedFunctionalGroupsSequence)
            .getItem(Tag.PixelValueTransformationSequence);
    double slope = pvt.getDouble(Tag.RescaleSlope, Double.NaN);
    double intercept = pvt.getDouble(Tag.RescaleIntercept, Double.NaN);
    Volume hu =
        image.getVolume(
            PixelTransformOptions.builder().applyRealWorldTransform(false).build(), DEFAULTS);
    var perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    for (int frame = 1; frame <= 2; frame++) {
      double[] ipp =
          perFrame
              .get(frame - 1)
              .getItem(Tag.PlanePositionSequence)
              .getDoubles(Tag.ImagePositionPatient);
      double[] idx = v.mapReferenceToIndices(new double[][] {ipp}, false, true)[0];
      int k = (int) Math.rint(idx[0]);
      assertArrayEquals(new double[] {k, 0, 0}, idx, 1e-6);
      assertArrayEquals(ipp, v.mapIndicesToReference(new double[][] {{k, 0, 0}})[0], 1e-6);
      assertEquals(
          referenceHashes.get("pydicom-data/eCT_Supplemental.dcm#" + frame),
          sha256(v.array().get(k).toLittleEndian()));
      NdArray s = v.array().get(k);
      NdArray h = hu.array().get(k);
      for (int i = 0; i < s.size(); i += 97) {
        assertEquals(s.getFlatDouble(i) * slope + intercept, h.getFlatDouble(i), 1e-9);
      }
    }
    assertTrue(image.getVolumeGeometry().orElseThrow().geometryEqual(v));
    assertEquals(2, v.getPlanePositions().size());
    assertTrue(image.areDimensionIndicesUnique(Tag.InStackPositionNumber));
    assertTrue(Volumes.fromMultiFrame(DicomReader.read(p), INT16, DEFAULTS).geometryEqual(v, 0.0));
  }

  @Test
  void enhancedCtSubVolumeEqualsTheSlicedVolume() throws IOException {
    Image image = Image.read(data("pydicom-data/eCT_Supplemental.dcm"));
    Volume full = image.getVolume(INT16, DEFAULTS);
    Volume sub = image.getVolume(2, null, 11, null, 21, -100, false, INT16, DEFAULTS);
    Volume expected = full.slice("1:, 10:, 20:-100");
    assertArrayEquals(new int[] {1, 502, 392}, sub.shape());
    assertEquals(expected.array(), sub.array());
    assertTrue(sub.geometryEqual(expected, 1e-9));
  }

  @Test
  void tiledSlideImageIsAOneSliceVolumeOfItsTotalPixelMatrix() throws IOException {
    Path p = data("highdicom/sm_image_grayscale.dcm");
    DicomDataset ds = DicomReader.read(p).dataset();
    Image image = Image.read(p);
    assertEquals(Optional.of(CoordinateSystemNames.SLIDE), image.coordinateSystem());
    PixelTransformOptions t = PixelTransformOptions.builder().dtype(DType.UINT16).build();
    Volume v = image.getVolume(t, DEFAULTS);
    assertEquals(CoordinateSystemNames.SLIDE, v.coordinateSystem());
    assertArrayEquals(
        new int[] {
          1, ds.getInt(Tag.TotalPixelMatrixRows, 0), ds.getInt(Tag.TotalPixelMatrixColumns, 0)
        },
        v.shape());
    DicomDataset origin = ds.getItem(Tag.TotalPixelMatrixOriginSequence);
    assertArrayEquals(
        new double[] {
          origin.getDouble(Tag.XOffsetInSlideCoordinateSystem, Double.NaN),
          origin.getDouble(Tag.YOffsetInSlideCoordinateSystem, Double.NaN),
          origin.getDouble(Tag.ZOffsetInSlideCoordinateSystem, 0)
        },
        v.position(),
        1e-9);
    assertArrayEquals(ds.getDoubles(Tag.ImageOrientationSlide), v.directionCosines(), 1e-9);
    assertEquals(image.getTotalPixelMatrix(t), v.array().get(0));
    Volume region = image.getVolume(null, null, 8, 23, 5, -1, false, t, DEFAULTS);
    assertEquals(image.getTotalPixelMatrix(8, 23, 5, -1, false, t), region.array().get(0));
    assertTrue(region.geometryEqual(v.slice("0:1, 7:22, 4:-1"), 1e-9));
  }

  @Test
  void segmentationReferencesAndDimensionIndicesMatchPydicom() throws Exception {
    Path p = data("highdicom/seg_image_ct_binary.dcm");
    Image seg = Image.read(p);
    String script =
        "import pydicom\n"
            + "ds = pydicom.dcmread(r'"
            + p
            + "', stop_before_pixels=True)\n"
            + "for s in ds.ReferencedSeriesSequence:\n"
            + "    for i in s.ReferencedInstanceSequence:\n"
            + "        print(ds.StudyInstanceUID, s.SeriesInstanceUID, i.ReferencedSOPInstanceUID)\n";
    StringBuilder actual = new StringBuilder();
    for (InstanceUids u : seg.getSourceImageUids()) {
      actual
          .append(u.studyInstanceUid())
          .append(' ')
          .append(u.seriesInstanceUid())
          .append(' ')
          .append(u.sopInstanceUid())
          .append('\n');
    }
    assertEquals(Corpus.python(script), actual.toString().strip());
    // one segment in three frames: the segment number alone does not identify a frame
    assertFalse(seg.areDimensionIndicesUnique(Tag.ReferencedSegmentNumber));
    assertTrue(
        seg.areDimensionIndicesUnique(Tag.ReferencedSegmentNumber, Tag.ImagePositionPatient));
  }
}
