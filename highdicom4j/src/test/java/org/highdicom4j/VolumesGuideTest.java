package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.highdicom4j.dicom.testing.DocSnippets;
import org.highdicom4j.spatial.PixelToReferenceTransformer;
import org.highdicom4j.spatial.Spatial;
import org.highdicom4j.spatial.VolumePositions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the snippets of {@code docs/volumes.md}; each test body between "// snippet" markers is
 * copied verbatim into the guide.
 */
class VolumesGuideTest {

  @Test
  void buildingAVolume() {
    // snippet: docs/volumes.md build
    NdArray array = NdArray.zeros(DType.UINT8, 32, 256, 256);
    double[][] affine = {
      {1.0, 0.0, 0.0, 10.0},
      {0.0, 0.4, 0.0, 20.0},
      {0.0, 0.0, 0.4, -5.0},
      {0.0, 0.0, 0.0, 1.0},
    };
    Volume vol = new Volume(array, affine, CoordinateSystemNames.PATIENT, null);
    int[] spatialShape = vol.spatialShape(); // {32, 256, 256}
    double[] spacing = vol.spacing(); // {1.0, 0.4, 0.4}
    double[] position = vol.position(); // {10.0, 20.0, -5.0}
    // end snippet
    assertArrayEquals(new int[] {32, 256, 256}, spatialShape);
    assertArrayEquals(new double[] {1.0, 0.4, 0.4}, spacing, 1e-12);
    assertArrayEquals(new double[] {10, 20, -5}, position, 1e-12);
  }

  @Test
  void fromAttributes() {
    // snippet: docs/volumes.md attributes
    NdArray ct = NdArray.zeros(DType.INT16, 10, 512, 512);
    Volume vol =
        Volume.fromAttributes(
            ct,
            new double[] {-250.0, -250.0, 100.0}, // ImagePositionPatient of the first slice
            new double[] {1, 0, 0, 0, 1, 0}, // ImageOrientationPatient
            new double[] {0.8, 0.8}, // PixelSpacing (rows, columns)
            2.5, // spacing between slices
            CoordinateSystemNames.PATIENT,
            "1.2.826.0.1.3680043.8.498.1",
            null);
    // Slices run along column cosines x row cosines: towards the feet for axial images.
    double[] slice3 = vol.mapIndicesToReference(new double[][] {{3, 0, 0}})[0];
    // slice3 == {-250.0, -250.0, 92.5}
    AxisHandedness hand = vol.handedness(); // RIGHT_HANDED
    // end snippet
    assertArrayEquals(new double[] {-250, -250, 92.5}, slice3, 1e-12);
    assertEquals(AxisHandedness.RIGHT_HANDED, hand);
  }

  @Test
  void indexing() {
    // snippet: docs/volumes.md indexing
    VolumeGeometry g =
        VolumeGeometry.fromComponents(
            new int[] {20, 20, 20},
            AffineComponents.spacing(2.0, 1.0, 1.0).position(0, 0, 0).patientOrientation("FPL"),
            CoordinateSystemNames.PATIENT,
            null);
    // Python: g[1, 10:, 20:] is out of range here; g[1, 10:, 5:]
    VolumeGeometry a = g.slice("1, 10:, 5:"); // shape {1, 10, 15}
    // Python: g[12:14, :, 12:6:-2]
    VolumeGeometry b =
        g.slice(SliceSpec.range(12, 14), SliceSpec.all(), SliceSpec.range(12, 6, -2));
    // b has shape {2, 20, 3}; its axis 2 now points to the patient's right, 2 mm per voxel
    // end snippet
    assertArrayEquals(new int[] {1, 10, 15}, a.spatialShape());
    assertArrayEquals(new double[] {5, 10, -2}, a.position(), 1e-12);
    assertArrayEquals(new int[] {2, 20, 3}, b.spatialShape());
    assertArrayEquals(new double[] {-2, 0, 0}, b.spacingVectors()[2], 1e-12);
  }

  @Test
  void reorienting() {
    // snippet: docs/volumes.md orientation
    VolumeGeometry axial =
        VolumeGeometry.fromAttributes(
            new double[] {0, 0, 0},
            new double[] {1, 0, 0, 0, 1, 0},
            512,
            512,
            new double[] {0.7, 0.7},
            1.0,
            100,
            CoordinateSystemNames.PATIENT,
            null);
    PatientOrientationValuesBiped[] now = axial.getClosestPatientOrientation(); // F, P, L
    VolumeGeometry lps = axial.toPatientOrientation("LPS"); // shape {512, 512, 100}
    double[][] rasAffine = lps.getAffine("RAS"); // the affine a NIfTI header would hold
    VolumeGeometry back = lps.matchGeometry(axial); // same geometry as axial again
    // end snippet
    assertArrayEquals(
        new PatientOrientationValuesBiped[] {
          PatientOrientationValuesBiped.F,
          PatientOrientationValuesBiped.P,
          PatientOrientationValuesBiped.L
        },
        now);
    assertArrayEquals(new int[] {512, 512, 100}, lps.spatialShape());
    assertEquals(-0.7, rasAffine[0][0], 1e-12);
    assertTrue(back.geometryEqual(axial));
  }

  @Test
  void paddingAndIntensities() {
    // snippet: docs/volumes.md preprocessing
    NdArray data = NdArray.wrap(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, 2, 2, 2);
    Volume vol =
        Volume.fromComponents(
            data,
            AffineComponents.spacing(1.0).position(0, 0, 0).patientOrientation("LPH"),
            CoordinateSystemNames.PATIENT,
            null,
            null);
    Volume padded = vol.pad(new int[][] {{1}, {1}, {1}}, PadModes.EDGE, 0, false); // 4 x 4 x 4
    Volume unit = vol.normalizeMinMax(0.0, 1.0, false); // 0 ... 1
    Volume clipped = vol.clip(2.0, 5.0);
    Volume cropped = padded.cropToSpatialShape(new int[] {2, 2, 2}); // equal to vol again
    // end snippet
    assertArrayEquals(new int[] {4, 4, 4}, padded.shape());
    assertEquals(1.0, unit.array().max(), 1e-12);
    assertEquals(2.0, clipped.array().min(), 1e-12);
    assertEquals(vol.array(), cropped.array());
    assertTrue(cropped.geometryEqual(vol));
  }

  @Test
  void spatialHelpers() {
    // snippet: docs/volumes.md spatial
    PixelToReferenceTransformer t =
        new PixelToReferenceTransformer(
            new double[] {56.0, 34.2, 1.0},
            new double[] {1, 0, 0, 0, 1, 0},
            new double[] {0.5, 0.5});
    double[][] xyz = t.apply(new int[][] {{0, 10}, {5, 5}}); // {{56, 39.2, 1}, {58.5, 36.7, 1}}

    double[][] positions = {{0, 0, 5}, {0, 0, 0}, {0, 0, 2.5}};
    Optional<VolumePositions> vp =
        Spatial.getVolumePositions(positions, new double[] {1, 0, 0, 0, 1, 0});
    // spacing 2.5; positions {0, 2, 1}: the highest z is slice 0
    // end snippet
    assertArrayEquals(new double[] {58.5, 36.7, 1}, xyz[1], 1e-12);
    assertEquals(2.5, vp.orElseThrow().spacing(), 1e-12);
    assertArrayEquals(new int[] {0, 2, 1}, vp.orElseThrow().positions());
  }

  @Test
  void readingASeries() throws Exception {
    Path dir = VolumesCorpusTest.sharedDir();
    Assumptions.assumeTrue(dir != null, "../shared/testdata not found");
    Path seriesDirectory = dir.resolve("testdata/dcmqi-segmentations/ct-3slice");
    // snippet: docs/volumes.md series
    List<Path> files;
    try (Stream<Path> s = Files.list(seriesDirectory)) {
      files = s.toList();
    }
    List<Image> images = new ArrayList<>();
    for (Path f : files) {
      images.add(Image.read(f));
    }
    Volume ct = Image.getVolumeFromSeries(images); // rescaled to float64 HU
    Volume raw =
        Image.getVolumeFromSeries(
            images,
            PixelTransformOptions.storedValues(DType.INT16), // int16 stored values
            VolumeReadOptions.defaults());
    PlanePositionSequence first = ct.getPlanePosition(0); // for a SEG or PM per-frame group
    // end snippet
    assertEquals(DType.FLOAT64, ct.dtype());
    assertEquals(raw.array().getDouble(1, 200, 300) - 1024, ct.array().getDouble(1, 200, 300));
    assertEquals(DType.INT16, raw.dtype());
    assertArrayEquals(new double[] {-235.2, -226.8, -126.69}, first.imagePosition(), 1e-4);
  }

  @Test
  void readingAnEnhancedImage() throws Exception {
    Path dir = VolumesCorpusTest.sharedDir();
    Assumptions.assumeTrue(dir != null, "../shared/testdata not found");
    Path path = dir.resolve("testdata/pydicom-data/eCT_Supplemental.dcm");
    // snippet: docs/volumes.md enhanced
    Image image = Image.read(path, ImageReadOptions.LAZY);
    Optional<VolumeGeometry> geometry = image.getVolumeGeometry(); // no pixels are decoded
    Volume volume = image.getVolume(); // every frame, rescaled, float64
    // slices 2.., rows 11.., columns 21.. (1-based and end-exclusive, as in highdicom)
    Volume sub =
        image.getVolume(
            2,
            null,
            11,
            null,
            21,
            null,
            false,
            PixelTransformOptions.DEFAULT,
            VolumeReadOptions.defaults());
    // sub equals volume.slice("1:, 10:, 20:"), affine included
    // end snippet
    assertTrue(geometry.orElseThrow().geometryEqual(volume));
    assertEquals(volume.slice("1:, 10:, 20:").array(), sub.array());
    assertTrue(volume.slice("1:, 10:, 20:").geometryEqual(sub, 1e-9));
  }

  @Test
  void guideContainsTheSnippets() throws Exception {
    assertEquals(
        8,
        DocSnippets.assertGuideContainsSnippets(
            "highdicom4j/src/test/java/org/highdicom4j/VolumesGuideTest.java", "docs/volumes.md"));
  }
}
