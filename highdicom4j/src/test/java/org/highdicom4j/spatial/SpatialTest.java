package org.highdicom4j.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.highdicom4j.AxisHandedness;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.PatientOrientationValuesBiped;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class SpatialTest {
  static final double EPS = 1e-9;
  static final double[] POS = {56.0, 34.2, 1.0};
  static final double[] ORI = {1, 0, 0, 0, 1, 0};
  static final double[] PS = {0.5, 0.5};

  static void assertRows(double[][] expected, double[][] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], actual[i], 1e-9, "row " + i);
    }
  }

  // The four examples of highdicom's spatial documentation.

  @Test
  void pixelToReferenceMatchesHighdicomsExample() {
    double[][] out =
        new PixelToReferenceTransformer(POS, ORI, PS).apply(new int[][] {{0, 10}, {5, 5}});
    assertRows(new double[][] {{56, 39.2, 1}, {58.5, 36.7, 1}}, out);
  }

  @Test
  void referenceToPixelMatchesHighdicomsExample() {
    double[][] out =
        new ReferenceToPixelTransformer(POS, ORI, PS)
            .apply(new double[][] {{56, 39.2, 1}, {58.5, 36.7, 1}});
    assertRows(new double[][] {{0, 10, 0}, {5, 5, 0}}, out);
  }

  @Test
  void imageToReferenceMatchesHighdicomsExample() {
    double[][] out =
        new ImageToReferenceTransformer(POS, ORI, PS).apply(new double[][] {{0, 10}, {5, 5}});
    assertRows(new double[][] {{55.75, 38.95, 1}, {58.25, 36.45, 1}}, out);
  }

  @Test
  void referenceToImageMatchesHighdicomsExample() {
    double[][] out =
        new ReferenceToImageTransformer(POS, ORI, PS)
            .apply(new double[][] {{56, 39.2, 1}, {58.5, 36.7, 1}});
    assertRows(new double[][] {{0.5, 10.5, 0}, {5.5, 5.5, 0}}, out);
  }

  @Test
  void imageToImageMatchesHighdicomsFlippedAxisExample() {
    SpatialInformation from =
        new SpatialInformation(new double[] {0, 0, 0}, ORI, new double[] {1, 1}, null);
    SpatialInformation to =
        new SpatialInformation(
            new double[] {0, 100, 0}, new double[] {1, 0, 0, 0, -1, 0}, new double[] {1, 1}, null);
    double[][] out = new ImageToImageTransformer(from, to).apply(new double[][] {{0, 0}, {50, 50}});
    assertRows(new double[][] {{0, 101}, {50, 51}}, out);
    double[][] px = new PixelToPixelTransformer(from, to).apply(new int[][] {{0, 0}, {50, 50}});
    assertRows(new double[][] {{0, 100}, {50, 50}}, px);
    SpatialInformation other =
        new SpatialInformation(new double[] {0, 0, 5}, ORI, new double[] {1, 1}, null);
    assertThrows(IllegalArgumentException.class, () -> new PixelToPixelTransformer(from, other));
  }

  @Test
  void dropsTheSliceIndexOnlyForPointsOnThePlane() {
    ReferenceToPixelTransformer t = new ReferenceToPixelTransformer(POS, ORI, PS, 1.0, true, true);
    assertRows(new double[][] {{0, 10}}, t.apply(new double[][] {{56, 39.2, 1.3}}));
    assertThrows(IllegalArgumentException.class, () -> t.apply(new double[][] {{56, 39.2, 2}}));
    ReferenceToImageTransformer u = new ReferenceToImageTransformer(POS, ORI, PS, 1.0, true);
    assertRows(new double[][] {{0.5, 10.5}}, u.apply(new double[][] {{56, 39.2, 1}}));
    assertThrows(IllegalArgumentException.class, () -> u.apply(new double[][] {{56, 39.2, 1.1}}));
  }

  @Test
  void pointFunctionsWrapTheTransformers() {
    assertArrayEquals(
        new double[] {58.5, 36.7, 1},
        Spatial.mapPixelIntoCoordinateSystem(new int[] {5, 5}, POS, ORI, PS),
        EPS);
    // 3 mm above the plane with 1.5 mm slices: slice index 2 (normal = row x column = +z)
    assertArrayEquals(
        new int[] {5, 5, 2},
        Spatial.mapCoordinateIntoPixelMatrix(new double[] {58.5, 36.7, 4}, POS, ORI, PS, 1.5));
  }

  @Test
  void rotationMatrixHasRowColumnAndNormalColumns() {
    double[] ori = {0, 1, 0, 0, 0, -1}; // sagittal
    double[][] r = Spatial.createRotationMatrix(ori);
    assertRows(new double[][] {{0, 0, -1}, {1, 0, 0}, {0, -1, 0}}, r);
    double[][] v =
        Spatial.createRotationMatrix(
            ori, "DR", true, AxisHandedness.RIGHT_HANDED, new double[] {2, 3}, 4);
    // slices first: normal = column x row = (0,0,-1)x(0,1,0) = (1,0,0), times 4
    assertRows(new double[][] {{4, 0, 0}, {0, 0, 3}, {0, -2, 0}}, v);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Spatial.createRotationMatrix(
                ori, "RR", false, AxisHandedness.RIGHT_HANDED, new double[] {1, 1}, 1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Spatial.createRotationMatrix(
                ori, "RD", false, AxisHandedness.RIGHT_HANDED, new double[] {0, 1}, 1));
    assertThrows(IllegalArgumentException.class, () -> Spatial.createRotationMatrix(new double[5]));
  }

  static double[][] zStack(double... z) {
    double[][] p = new double[z.length][];
    for (int i = 0; i < z.length; i++) {
      p[i] = new double[] {-10, 5, z[i]};
    }
    return p;
  }

  @Test
  void volumePositionsSortAlongColumnCrossRow() {
    // normal of "DR" right-handed for axial images is (0, 0, -1): highest z first
    Optional<VolumePositions> vp = Spatial.getVolumePositions(zStack(0, 5, 2.5, 7.5, 10), ORI);
    assertTrue(vp.isPresent());
    assertEquals(2.5, vp.get().spacing(), EPS);
    assertArrayEquals(new int[] {4, 2, 3, 1, 0}, vp.get().positions());
    assertArrayEquals(
        new int[] {4, 3, 1, 2, 0}, Spatial.getPlaneSortIndex(zStack(0, 5, 2.5, 7.5, 10), ORI));
  }

  @Test
  void irregularSpacingIsNoVolumeUnlessWithinTolerance() {
    assertTrue(Spatial.getVolumePositions(zStack(0, 1, 2, 3.5), ORI).isEmpty());
    // 1 % relative tolerance by default: 0.005 mm deviation on 1 mm passes
    assertTrue(Spatial.getVolumePositions(zStack(0, 1.005, 2, 3), ORI).isPresent());
    assertTrue(Spatial.getVolumePositions(zStack(0, 1.02, 2, 3), ORI).isEmpty());
    VolumePositionOptions loose = VolumePositionOptions.defaults().withAtol(0.05);
    assertTrue(Spatial.getVolumePositions(zStack(0, 1.02, 2, 3), ORI, loose).isPresent());
  }

  @Test
  void duplicatesAndGapsNeedTheirOptions() {
    double[][] dup = zStack(0, 1, 1, 2);
    assertTrue(Spatial.getVolumePositions(dup, ORI).isEmpty());
    VolumePositions d =
        Spatial.getVolumePositions(
                dup, ORI, VolumePositionOptions.defaults().withAllowDuplicatePositions(true))
            .orElseThrow();
    assertArrayEquals(new int[] {2, 1, 1, 0}, d.positions());
    double[][] gap = zStack(0, 1, 4);
    assertTrue(Spatial.getVolumePositions(gap, ORI).isEmpty());
    VolumePositions g =
        Spatial.getVolumePositions(
                gap, ORI, VolumePositionOptions.defaults().withAllowMissingPositions(true))
            .orElseThrow();
    assertEquals(1.0, g.spacing(), EPS);
    assertArrayEquals(new int[] {4, 3, 0}, g.positions());
    assertEquals(5, g.numberOfSlices());
    // a gap that is not a multiple of the smallest spacing
    assertTrue(
        Spatial.getVolumePositions(
                zStack(0, 1, 2.5),
                ORI,
                VolumePositionOptions.defaults().withAllowMissingPositions(true))
            .isEmpty());
  }

  @Test
  void singlePlanesAndHintsFollowHighdicom() {
    assertEquals(1.0, Spatial.getVolumePositions(zStack(3), ORI).orElseThrow().spacing(), EPS);
    VolumePositionOptions hint = VolumePositionOptions.defaults().withSpacingHint(-2.0);
    assertEquals(
        2.0, Spatial.getVolumePositions(zStack(3), ORI, hint).orElseThrow().spacing(), EPS);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Spatial.getVolumePositions(zStack(0, 1, 2), ORI, hint));
    assertEquals(
        "Inferred spacing (1.000) does not match the given 'spacing_hint' (2.0).", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> VolumePositionOptions.defaults().withSpacingHint(0.0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            VolumePositionOptions.defaults()
                .withRtol(0.1)
                .withSpacingHint(null)
                .withAtol(1)
                .withRtol(1)
                .withAllowDuplicatePositions(true)
                .withSort(false));
    assertThrows(
        IllegalArgumentException.class, () -> Spatial.getVolumePositions(new double[0][], ORI));
    assertThrows(
        IllegalArgumentException.class,
        () -> Spatial.getVolumePositions(new double[][] {{1, 2}}, ORI));
  }

  @Test
  void unsortedOrderMustBeRegularAsGiven() {
    VolumePositionOptions unsorted = VolumePositionOptions.defaults().withSort(false);
    assertTrue(Spatial.getVolumePositions(zStack(0, 2, 1), ORI, unsorted).isEmpty());
    VolumePositions up = Spatial.getVolumePositions(zStack(0, 1, 2), ORI, unsorted).orElseThrow();
    assertArrayEquals(new int[] {0, 1, 2}, up.positions());
    // increasing z runs against the right-handed normal (0, 0, -1)
    assertTrue(
        Spatial.getVolumePositions(zStack(0, 1, 2), ORI, unsorted.withEnforceHandedness(true))
            .isEmpty());
    assertTrue(
        Spatial.getVolumePositions(zStack(2, 1, 0), ORI, unsorted.withEnforceHandedness(true))
            .isPresent());
  }

  @Test
  void obliqueStacksAreNoVolume() {
    // regular along the normal but shifted in-plane by 1 mm per slice
    double[][] sheared = {{0, 0, 0}, {1, 0, 1}, {2, 0, 2}};
    assertTrue(Spatial.getVolumePositions(sheared, ORI).isEmpty());
  }

  @Test
  void coplanarityUsesTheDistanceFromTheBestFitPlane() {
    double[][] square = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}};
    assertTrue(Spatial.arePointsCoplanar(square, 1e-5));
    double[][] tilted = {{0, 0, 0}, {1, 0, 1}, {0, 1, 0}, {1, 1, 1}};
    assertTrue(Spatial.arePointsCoplanar(tilted, 1e-5));
    double[][] tetra = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    assertFalse(Spatial.arePointsCoplanar(tetra, 1e-5));
    assertTrue(Spatial.arePointsCoplanar(new double[][] {{0, 0, 0}, {1, 2, 3}, {4, 4, 4}}, 0));
  }

  @Test
  void closestPatientOrientationOfObliqueAxes() {
    double c = Math.cos(Math.toRadians(30));
    double s = Math.sin(Math.toRadians(30));
    double[][] m = {{c, -s, 0}, {s, c, 0}, {0, 0, -1}};
    assertArrayEquals(
        new PatientOrientationValuesBiped[] {
          PatientOrientationValuesBiped.L,
          PatientOrientationValuesBiped.P,
          PatientOrientationValuesBiped.F
        },
        Spatial.getClosestPatientOrientation(m));
    double[][] notOrthogonal = {{1, 1, 0}, {0, 1, 0}, {0, 0, 1}};
    assertThrows(
        IllegalArgumentException.class, () -> Spatial.getClosestPatientOrientation(notOrthogonal));
    assertThrows(IllegalArgumentException.class, () -> Spatial.normalizePatientOrientation("LRH"));
    assertThrows(IllegalArgumentException.class, () -> Spatial.normalizePatientOrientation("LPX"));
    assertEquals(
        PatientOrientationValuesBiped.H,
        Spatial.PATIENT_ORIENTATION_OPPOSITES.get(PatientOrientationValuesBiped.F));
  }

  @Test
  void tilesRunRowByRowAndPadAtTheBorder() {
    List<int[]> tiles = Tiling.tilePixelMatrix(5, 7, 2, 3);
    assertEquals(9, tiles.size());
    assertArrayEquals(new int[] {1, 1}, tiles.get(0));
    assertArrayEquals(new int[] {3, 1}, tiles.get(2));
    assertArrayEquals(new int[] {1, 2}, tiles.get(3));
    NdArray tpm = NdArray.zeros(DType.UINT8, 5, 7);
    for (int r = 0; r < 5; r++) {
      for (int c = 0; c < 7; c++) {
        tpm.setDouble(10 * r + c, r, c);
      }
    }
    NdArray tile = Tiling.getTileArray(tpm, 5, 7, 2, 3, true);
    assertArrayEquals(new int[] {2, 3}, tile.shape());
    assertEquals(46, tile.getLong(0, 0));
    assertEquals(0, tile.getLong(1, 2));
    assertArrayEquals(new int[] {1, 1}, Tiling.getTileArray(tpm, 5, 7, 2, 3, false).shape());
    assertEquals(23, Tiling.getTileArray(tpm, 3, 4, 2, 3, true).getLong(0, 0));
    assertThrows(IllegalArgumentException.class, () -> Tiling.getTileArray(tpm, 0, 1, 2, 2, true));
    List<TilePosition> pos =
        Tiling.computeTilePositionsPerFrame(
            2,
            3,
            5,
            7,
            new double[] {1, 2, 0},
            new double[] {0, 1, 0, 1, 0, 0},
            new double[] {0.5, 0.25});
    // tile (column 4, row 3): column index 3 along the row cosines (0,1,0) * 0.25, row index 2
    // along (1,0,0) * 0.5
    TilePosition t = pos.get(4);
    assertEquals(4, t.columnPosition());
    assertEquals(3, t.rowPosition());
    assertArrayEquals(new double[] {2, 2.75, 0}, new double[] {t.x(), t.y(), t.z()}, EPS);
  }

  static DicomDataset enhanced() {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.FrameOfReferenceUID, VR.UI, "1.2.3");
    ds.setInt(Tag.NumberOfFrames, VR.IS, 2);
    ds.setInt(Tag.Rows, VR.US, 4);
    ds.setInt(Tag.Columns, VR.US, 4);
    DicomDataset shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addNewItem();
    new org.highdicom4j.PixelMeasuresSequence(new double[] {0.5, 0.25}, 3.0, null).addTo(shared);
    new org.highdicom4j.PlaneOrientationSequence(org.highdicom4j.CoordinateSystemNames.PATIENT, ORI)
        .addTo(shared);
    var perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
    for (int f = 0; f < 2; f++) {
      org.highdicom4j.PlanePositionSequence.ofPatient(new double[] {1, 2, 3 * f})
          .addTo(perFrame.addNewItem());
    }
    return ds;
  }

  @Test
  void forImageReadsFunctionalGroupsOfEnhancedImages() {
    DicomDataset ds = enhanced();
    SpatialInformation s = SpatialInformation.of(ds, 2, false);
    assertArrayEquals(new double[] {1, 2, 3}, s.imagePosition(), EPS);
    assertArrayEquals(new double[] {0.5, 0.25}, s.pixelSpacing(), EPS);
    double[][] x = PixelToReferenceTransformer.forImage(ds, 2, false).apply(new int[][] {{4, 2}});
    assertArrayEquals(new double[] {2, 3, 3}, x[0], EPS);
    // frame 2 lies 3 mm above frame 1: the pixel-to-pixel map needs coplanar frames
    assertThrows(
        IllegalArgumentException.class,
        () -> PixelToPixelTransformer.forImages(ds, ds, 1, 2, false, false));
    assertRows(
        new double[][] {{4, 2}},
        PixelToPixelTransformer.forImages(ds, ds, 2, 2, false, false).apply(new int[][] {{4, 2}}));
    assertThrows(IllegalArgumentException.class, () -> SpatialInformation.of(ds, null, false));
    assertThrows(IllegalArgumentException.class, () -> SpatialInformation.of(ds, 3, false));
    assertThrows(IllegalArgumentException.class, () -> SpatialInformation.of(ds, null, true));
    assertTrue(Spatial.isMultiFrame(ds));
    assertFalse(Tiling.isTiledImage(ds));
    DicomDataset noFor = new DicomDataset();
    assertTrue(Spatial.getImageCoordinateSystem(noFor).isEmpty());
    assertThrows(
        IllegalArgumentException.class,
        () -> ImageToReferenceTransformer.forImage(noFor, null, false));
  }
}
