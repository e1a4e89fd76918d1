package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.stream.Stream;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Volumes from the real series of {@code ../shared/testdata}: every slice's Image Position
 * (Patient) must be the affine applied to its volume index, and every slice's stored values must
 * hash to the reference decoding of its file ({@code ../shared/reference/pixels.tsv}).
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
      seen[k] = true;
      String rel = shared.resolve("testdata").relativize(paths.get(i)).toString();
      String expected = referenceHashes.get(rel + "#1");
      assertEquals(expected, sha256(stored.array().get(k).toLittleEndian()), "pixels of " + rel);
    }
  }

  @Test
  void ct5nSeriesStacksFiveSlicesFromHeadToFeet() throws IOException {
    List<DicomFile> files = readDir("pydicom/dicomdirtests/98892001/CT5N");
    Volume v = Volumes.fromFiles(files, VolumeReadOptions.storedValues());
    assertArrayEquals(new int[] {5, 16, 16}, v.shape());
    assertEquals(DType.INT16, v.dtype());
    assertEquals(2.5, v.spacingBetweenSlices(), 1e-4);
    assertArrayEquals(new double[] {0.488281, 0.488281}, v.pixelSpacing(), 1e-9);
    // the first slice is the most superior one (z = 8.7625), the axis runs to the feet
    assertArrayEquals(new double[] {-72.199997, -143.0, 8.7625}, v.position(), 1e-5);
    assertArrayEquals(new double[] {0, 0, -2.5}, v.spacingVectors()[0], 1e-4);
    assertEquals(AxisHandedness.RIGHT_HANDED, v.handedness());
    checkSeries("pydicom/dicomdirtests/98892001/CT5N", files, v);
  }

  @Test
  void rescaledVolumeAppliesSlopeAndIntercept() throws IOException {
    List<DicomFile> files = readDir("dcmqi-segmentations/ct-3slice");
    Volume stored = Volumes.fromFiles(files, VolumeReadOptions.storedValues());
    checkSeries("dcmqi-segmentations/ct-3slice", files, stored);
    Volume hu = Volumes.fromFiles(files, VolumeReadOptions.defaults());
    assertEquals(DType.FLOAT32, hu.dtype());
    // RescaleSlope 1, RescaleIntercept -1024
    assertEquals(stored.array().getDouble(1, 200, 300) - 1024, hu.array().getDouble(1, 200, 300));
    assertEquals(stored.array().min() - 1024, hu.array().min());
    assertTrue(hu.geometryEqual(stored, 0.0));
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
        stored.array().get(2).toLittleEndian().length,
        matched.array().get(0).toLittleEndian().length);
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
            () -> Volumes.fromFiles(files, VolumeReadOptions.storedValues()));
    assertTrue(e.getMessage().startsWith("Series is not a regularly-spaced volume"));
    // z = 105.52, 104.27, 103.02 and, 164 slices of 1.25 mm further, -99.48
    Volume v =
        Volumes.fromFiles(files, VolumeReadOptions.storedValues().withAllowMissingPositions(true));
    assertEquals(165, v.spatialShape()[0]);
    assertEquals(1.25, v.spacingBetweenSlices(), 1e-4);
    checkSeries("pydicom/dicomdirtests/77654033/CT2", files, v);
    assertEquals(0, v.array().get(100).max());
  }

  @Test
  void localizersWithDifferentOrientationsAreRejected() throws IOException {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Volumes.fromFiles(
                    readDir("pydicom/dicomdirtests/98892001/CT2N"), VolumeReadOptions.defaults()));
    assertTrue(e.getMessage().startsWith("Images do not share an orientation"), e.getMessage());
    List<DicomFile> mr700 = readDir("pydicom/dicomdirtests/98892003/MR700");
    assertThrows(
        IllegalArgumentException.class,
        () -> Volumes.fromFiles(mr700, VolumeReadOptions.defaults()));
  }

  @Test
  void imagesOfSeveralSeriesAreRejected() throws IOException {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Volumes.fromFiles(
                    readDir("pydicom/dicomdirtests/98892003/MR1"), VolumeReadOptions.defaults()));
    assertTrue(e.getMessage().startsWith("Images do not belong to the same series"));
  }

  @Test
  void singleMrImageIsAOneSliceVolumeWithItsSliceSpacing() throws IOException {
    DicomFile f = DicomReader.read(data("pydicom/dicomdirtests/98892003/MR1/4919"));
    Volume v = Volumes.fromFiles(List.of(f), VolumeReadOptions.storedValues());
    assertEquals(1, v.spatialShape()[0]);
    double[] sbs = f.dataset().getDoubles(Tag.SpacingBetweenSlices);
    assertEquals(sbs.length == 0 ? 1.0 : sbs[0], v.spacingBetweenSlices(), 1e-9);
    assertArrayEquals(
        f.dataset().getDoubles(Tag.ImageOrientationPatient), v.directionCosines(), 1e-5);
    assertArrayEquals(f.dataset().getDoubles(Tag.ImagePositionPatient), v.position(), 1e-9);
  }

  @Test
  void enhancedCtFramesBecomeSlicesAtTheirPlanePositions() throws IOException {
    Path p = data("pydicom-data/eCT_Supplemental.dcm");
    DicomFile f = DicomReader.read(p);
    Volume v = Volumes.fromMultiFrame(f, VolumeReadOptions.storedValues());
    assertArrayEquals(new int[] {2, 512, 512}, v.shape());
    // orientation (-1,0,0, 0,1,0): column x row = (0,0,1), so z = -159 comes first
    assertArrayEquals(new double[] {-1, 0, 0, 0, 1, 0}, v.directionCosines(), 1e-9);
    assertEquals(10.0, v.spacingBetweenSlices(), 1e-6);
    var perFrame = f.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence);
    for (int frame = 1; frame <= 2; frame++) {
      double[] ipp =
          perFrame
              .get(frame - 1)
              .getItem(Tag.PlanePositionSequence)
              .getDoubles(Tag.ImagePositionPatient);
      int k = (int) Math.rint(v.mapReferenceToIndices(new double[][] {ipp}, false, true)[0][0]);
      assertArrayEquals(ipp, v.mapIndicesToReference(new double[][] {{k, 0, 0}})[0], 1e-6);
      assertEquals(
          referenceHashes.get("pydicom-data/eCT_Supplemental.dcm#" + frame),
          sha256(v.array().get(k).toLittleEndian()));
    }
    Volume hu = Volumes.fromMultiFrame(f, VolumeReadOptions.defaults());
    assertEquals(v.array().getDouble(1, 256, 256) - 1024, hu.array().getDouble(1, 256, 256), 1e-6);
    assertTrue(
        Volumes.multiFrameGeometry(f.dataset(), VolumeReadOptions.defaults()).geometryEqual(v));
    assertEquals(2, v.getPlanePositions().size());
  }
}
