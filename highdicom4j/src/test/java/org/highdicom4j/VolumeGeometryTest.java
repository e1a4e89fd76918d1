package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VolumeGeometryTest {
  static final double EPS = 1e-9;

  /** Axial geometry: position (10, 20, 30), unit orientation, 0.5 mm rows, 0.7 mm columns, 2 mm. */
  static VolumeGeometry axial(int slices, int rows, int cols) {
    return VolumeGeometry.fromAttributes(
        new double[] {10, 20, 30},
        new double[] {1, 0, 0, 0, 1, 0},
        rows,
        cols,
        new double[] {0.5, 0.7},
        2.0,
        slices,
        CoordinateSystemNames.PATIENT,
        "1.2.3");
  }

  static void assertMatrix(double[][] expected, double[][] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], actual[i], EPS, "row " + i);
    }
  }

  @Test
  void fromAttributesStacksSlicesAlongColumnCrossRowForARightHandedAffine() {
    // Axis 0 = (column cosines x row cosines) * 2 = (0,1,0)x(1,0,0)*2 = (0,0,-2);
    // axis 1 = column cosines * row spacing; axis 2 = row cosines * column spacing.
    double[][] expected = {
      {0, 0, 0.7, 10}, {0, 0.5, 0, 20}, {-2, 0, 0, 30}, {0, 0, 0, 1},
    };
    VolumeGeometry g = axial(5, 30, 40);
    assertMatrix(expected, g.affine());
    assertArrayEquals(new double[] {2, 0.5, 0.7}, g.spacing(), EPS);
    assertArrayEquals(new double[] {0.5, 0.7}, g.pixelSpacing(), EPS);
    assertEquals(2.0, g.spacingBetweenSlices(), EPS);
    assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0}, g.directionCosines(), EPS);
    assertEquals(AxisHandedness.RIGHT_HANDED, g.handedness());
    assertArrayEquals(new int[] {5, 30, 40}, g.spatialShape());
    assertEquals(2 * 0.5 * 0.7, g.voxelVolume(), EPS);
    assertArrayEquals(new double[] {10, 15, 28}, g.physicalExtent(), EPS);
    assertArrayEquals(new double[] {2, 14.5, 19.5}, g.centerIndices(), EPS);
    assertArrayEquals(new int[] {2, 14, 19}, g.nearestCenterIndices());
  }

  @Test
  void mapsIndicesToLpsAndBack() {
    VolumeGeometry g = axial(5, 30, 40);
    double[][] lps = g.mapIndicesToReference(new double[][] {{3, 4, 5}, {0, 0, 0}});
    assertArrayEquals(new double[] {10 + 5 * 0.7, 20 + 4 * 0.5, 30 - 3 * 2}, lps[0], EPS);
    assertArrayEquals(new double[] {10, 20, 30}, lps[1], EPS);
    double[][] back = g.mapReferenceToIndices(lps, false, true);
    assertArrayEquals(new double[] {3, 4, 5}, back[0], EPS);
    double[][] rounded =
        g.mapReferenceToIndices(new double[][] {{10 + 5.2 * 0.7, 20, 30}}, true, false);
    assertArrayEquals(new double[] {0, 0, 5}, rounded[0], EPS);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> g.mapReferenceToIndices(new double[][] {{0, 0, 0}}, false, true));
    assertTrue(e.getMessage().contains("Bounds check failed"));
    assertMatrix(
        new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}},
        org.highdicom4j.internal.Mat.multiply(g.affine(), g.inverseAffine()));
  }

  @Test
  void indexingUpdatesOriginAndShapeLikeHighdicomGetItem() {
    VolumeGeometry g = axial(5, 30, 40);
    VolumeGeometry s = g.slice("1, 10:, 20:");
    assertArrayEquals(new int[] {1, 20, 20}, s.spatialShape());
    assertArrayEquals(new double[] {10 + 20 * 0.7, 20 + 10 * 0.5, 30 - 2}, s.position(), EPS);
    assertArrayEquals(g.spacing(), s.spacing(), EPS);
    // Negative index counts from the end.
    assertArrayEquals(
        g.mapIndicesToReference(new double[][] {{4, 0, 0}})[0], g.slice("-1").position(), EPS);
  }

  @Test
  void negativeStepsScaleAndReverseTheAxisVector() {
    VolumeGeometry g = axial(20, 20, 20);
    VolumeGeometry s = g.slice("12:14, :, 12:6:-2");
    assertArrayEquals(new int[] {2, 20, 3}, s.spatialShape());
    double[][] a = s.affine();
    assertArrayEquals(new double[] {-1.4, 0, 0}, new double[] {a[0][2], a[1][2], a[2][2]}, EPS);
    assertArrayEquals(g.mapIndicesToReference(new double[][] {{12, 0, 12}})[0], s.position(), EPS);
    // voxel (1, 3, 2) of the slice is voxel (13, 3, 8) of the original
    assertArrayEquals(
        g.mapIndicesToReference(new double[][] {{13, 3, 8}})[0],
        s.mapIndicesToReference(new double[][] {{1, 3, 2}})[0],
        EPS);
    assertEquals(AxisHandedness.LEFT_HANDED, s.handedness());
  }

  @Test
  void rejectsBadIndexing() {
    VolumeGeometry g = axial(5, 6, 7);
    assertThrows(IndexOutOfBoundsException.class, () -> g.slice("5"));
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> g.slice("3:3"));
    assertEquals("Indexing would result in an empty array.", empty.getMessage());
    assertThrows(IllegalArgumentException.class, () -> g.slice(":, 9:"));
    assertThrows(IllegalArgumentException.class, () -> g.slice("1:a"));
    assertThrows(IllegalArgumentException.class, () -> g.slice("::0"));
    assertThrows(IllegalArgumentException.class, () -> g.slice("0,0,0,0"));
  }

  @Test
  void flipMovesOriginToTheLastVoxelAndChangesHandedness() {
    VolumeGeometry g = axial(5, 6, 7);
    VolumeGeometry f = g.flipSpatial(0);
    assertArrayEquals(g.mapIndicesToReference(new double[][] {{4, 0, 0}})[0], f.position(), EPS);
    assertArrayEquals(new double[] {0, 0, 2}, f.spacingVectors()[0], EPS);
    assertEquals(AxisHandedness.LEFT_HANDED, f.handedness());
    assertTrue(f.flipSpatial(0).geometryEqual(g));
    assertEquals(AxisHandedness.RIGHT_HANDED, g.flipSpatial(0, 1).handedness());
    assertThrows(IllegalArgumentException.class, () -> g.flipSpatial(3));
  }

  @Test
  void permuteReordersAxisVectorsAndShape() {
    VolumeGeometry g = axial(5, 6, 7);
    VolumeGeometry p = g.permuteSpatialAxes(2, 0, 1);
    assertArrayEquals(new int[] {7, 5, 6}, p.spatialShape());
    assertArrayEquals(g.spacingVectors()[2], p.spacingVectors()[0], EPS);
    assertArrayEquals(g.spacingVectors()[0], p.spacingVectors()[1], EPS);
    assertArrayEquals(g.position(), p.position(), EPS);
    // a cyclic permutation keeps the handedness, a swap changes it
    assertEquals(AxisHandedness.RIGHT_HANDED, p.handedness());
    assertEquals(AxisHandedness.LEFT_HANDED, g.swapSpatialAxes(1, 2).handedness());
    assertThrows(IllegalArgumentException.class, () -> g.permuteSpatialAxes(0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> g.swapSpatialAxes(1, 1));
  }

  @Test
  void ensureHandednessFlipsOrSwapsOnlyWhenNeeded() {
    VolumeGeometry g = axial(5, 6, 7);
    assertTrue(g.ensureHandedness(AxisHandedness.RIGHT_HANDED, 0) == g);
    VolumeGeometry left = g.ensureHandedness(AxisHandedness.LEFT_HANDED, 2);
    assertEquals(AxisHandedness.LEFT_HANDED, left.handedness());
    assertArrayEquals(new double[] {-0.7, 0, 0}, left.spacingVectors()[2], EPS);
    VolumeGeometry swapped = g.ensureHandednessBySwap(AxisHandedness.LEFT_HANDED, 1, 2);
    assertArrayEquals(new int[] {5, 7, 6}, swapped.spatialShape());
  }

  @Test
  void rasAffineNegatesTheFirstTwoRows() {
    VolumeGeometry g = axial(5, 6, 7);
    double[][] lps = g.affine();
    double[][] ras = g.getAffine("RAS");
    double[][] rah = g.getAffine("RAH");
    for (int j = 0; j < 4; j++) {
      assertEquals(-lps[0][j], ras[0][j], EPS);
      assertEquals(-lps[1][j], ras[1][j], EPS);
      assertEquals(lps[2][j], ras[2][j], EPS);
    }
    assertMatrix(ras, rah);
    // "PLH" swaps the first two rows
    double[][] plh = g.getAffine("PLH");
    assertArrayEquals(lps[1], plh[0], EPS);
    assertArrayEquals(lps[0], plh[1], EPS);
    assertThrows(IllegalArgumentException.class, () -> g.getAffine("LLH"));
  }

  @Test
  void reorientsToPatientOrientationsWithoutResampling() {
    VolumeGeometry g = axial(5, 6, 7);
    assertArrayEquals(
        new PatientOrientationValuesBiped[] {
          PatientOrientationValuesBiped.F,
          PatientOrientationValuesBiped.P,
          PatientOrientationValuesBiped.L
        },
        g.getClosestPatientOrientation());
    VolumeGeometry lps = g.toPatientOrientation("LPS");
    assertArrayEquals(new int[] {7, 6, 5}, lps.spatialShape());
    assertMatrix(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, lps.direction());
    // new origin: the most inferior slice's first voxel
    assertArrayEquals(g.mapIndicesToReference(new double[][] {{4, 0, 0}})[0], lps.position(), EPS);
    VolumeGeometry ras = g.toPatientOrientation("RAH");
    assertMatrix(new double[][] {{-1, 0, 0}, {0, -1, 0}, {0, 0, 1}}, ras.direction());
    assertArrayEquals(g.mapIndicesToReference(new double[][] {{4, 5, 6}})[0], ras.position(), EPS);
    // same physical set of voxel centres: the centre is unchanged
    assertArrayEquals(g.centerPosition(), ras.centerPosition(), EPS);
    assertTrue(ras.matchOrientation(g).geometryEqual(g));
  }

  @Test
  void padAndCropMoveTheOrigin() {
    VolumeGeometry g = axial(5, 5, 5);
    VolumeGeometry p = g.pad(2);
    assertArrayEquals(new int[] {9, 9, 9}, p.spatialShape());
    assertArrayEquals(g.mapIndicesToReference(new double[][] {{-2, -2, -2}})[0], p.position(), EPS);
    VolumeGeometry q = g.padToSpatialShape(new int[] {8, 6, 5}, PadModes.CONSTANT, 0, false);
    assertArrayEquals(new int[] {8, 6, 5}, q.spatialShape());
    assertArrayEquals(g.mapIndicesToReference(new double[][] {{-1, 0, 0}})[0], q.position(), EPS);
    VolumeGeometry c = g.cropToSpatialShape(new int[] {2, 5, 3});
    assertArrayEquals(g.mapIndicesToReference(new double[][] {{1, 0, 1}})[0], c.position(), EPS);
    VolumeGeometry pc = g.padOrCropToSpatialShape(new int[] {7, 3, 5}, PadModes.CONSTANT, 0, false);
    assertArrayEquals(new int[] {7, 3, 5}, pc.spatialShape());
    assertArrayEquals(g.mapIndicesToReference(new double[][] {{-1, 1, 0}})[0], pc.position(), EPS);
    assertThrows(IllegalArgumentException.class, () -> g.pad(-1));
    assertThrows(IllegalArgumentException.class, () -> g.pad(new int[][] {{1}, {1, 2}, {1}}));
    assertThrows(IllegalArgumentException.class, () -> g.cropToSpatialShape(new int[] {6, 5, 5}));
    assertThrows(
        IllegalArgumentException.class,
        () -> g.padToSpatialShape(new int[] {4, 5, 5}, PadModes.CONSTANT, 0, false));
    VolumeGeometry r = g.randomSpatialCrop(new Random(1), new int[] {2, 2, 2});
    assertArrayEquals(new int[] {2, 2, 2}, r.spatialShape());
  }

  @Test
  void matchGeometryRegridsByPermuteFlipCropAndPad() {
    VolumeGeometry g = axial(5, 6, 7);
    VolumeGeometry other = g.flipSpatial(1).slice("1:3, :, 2:").pad(1).permuteSpatialAxes(2, 1, 0);
    VolumeGeometry m = g.matchGeometry(other);
    assertTrue(m.geometryEqual(other));
    assertFalse(g.geometryEqual(other));
    VolumeGeometry shifted =
        new VolumeGeometry(
            translate(g.affine(), 0.25, 0, 0),
            g.spatialShape(),
            CoordinateSystemNames.PATIENT,
            null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> g.matchGeometry(shifted));
    assertTrue(e.getMessage().contains("non-integer multiple"));
  }

  static double[][] translate(double[][] a, double dx, double dy, double dz) {
    a[0][3] += dx;
    a[1][3] += dy;
    a[2][3] += dz;
    return a;
  }

  @Test
  void exportsPlanePositionsOrientationAndPixelMeasures() {
    VolumeGeometry g = axial(3, 6, 7);
    List<PlanePositionSequence> pos = g.getPlanePositions();
    assertEquals(3, pos.size());
    for (int k = 0; k < 3; k++) {
      assertArrayEquals(new double[] {10, 20, 30 - 2 * k}, pos.get(k).imagePosition(), EPS);
    }
    assertArrayEquals(
        new double[] {10, 20, 30},
        pos.get(0).toItem().getDoubles(org.highdicom4j.dicom.dict.Tag.ImagePositionPatient),
        EPS);
    assertArrayEquals(
        new double[] {1, 0, 0, 0, 1, 0}, g.getPlaneOrientation().imageOrientation(), EPS);
    PixelMeasuresSequence pm = g.getPixelMeasures();
    assertArrayEquals(new double[] {0.5, 0.7}, pm.pixelSpacing(), EPS);
    assertEquals(2.0, pm.sliceThickness(), EPS);
    org.highdicom4j.dicom.data.DicomDataset fg = new org.highdicom4j.dicom.data.DicomDataset();
    pm.addTo(fg);
    assertEquals(
        pm,
        PixelMeasuresSequence.fromSequence(
            fg.getSequence(org.highdicom4j.dicom.dict.Tag.PixelMeasuresSequence)));
    assertThrows(IllegalArgumentException.class, () -> g.getPlanePosition(3));
  }

  @Test
  void fromComponentsPlacesTheCentre() {
    AffineComponents c =
        AffineComponents.spacing(1, 2, 3).centerPosition(0, 0, 0).patientOrientation("FPL");
    VolumeGeometry g =
        VolumeGeometry.fromComponents(new int[] {3, 5, 7}, c, CoordinateSystemNames.PATIENT, null);
    // position = centre - (axis0 * 1 * 1 + axis1 * 2 * 2 + axis2 * 3 * 3), F=(0,0,-1), P=(0,1,0),
    // L=(1,0,0)
    assertArrayEquals(new double[] {-9, -4, 1}, g.position(), EPS);
    assertArrayEquals(new double[] {0, 0, 0}, g.centerPosition(), EPS);
    VolumeGeometry d =
        VolumeGeometry.fromComponents(
            new int[] {2, 2, 2},
            AffineComponents.spacing(2).position(1, 2, 3).direction(0, 1, 0, 1, 0, 0, 0, 0, 1),
            CoordinateSystemNames.SLIDE,
            null);
    assertArrayEquals(new double[] {0, 2, 0}, d.spacingVectors()[0], EPS);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            VolumeGeometry.fromComponents(
                new int[] {2, 2, 2}, c, CoordinateSystemNames.SLIDE, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> AffineComponents.spacing(1).direction(1, 0, 0, 1, 0, 0, 0, 0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> AffineComponents.spacing(1).patientOrientation("FPL").toAffine(new int[] {1, 1, 1}));
  }

  @Test
  void rejectsInvalidAffines() {
    double[][] skew = {{1, 0.5, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new VolumeGeometry(skew, new int[] {1, 1, 1}, CoordinateSystemNames.PATIENT, null));
    assertTrue(e.getMessage().contains("orthogonal"));
    double[][] singular = {{0, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new VolumeGeometry(
                    singular, new int[] {1, 1, 1}, CoordinateSystemNames.PATIENT, null));
    assertTrue(e.getMessage().contains("orthogonal"));
    double[][] lastRow = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 1, 1}};
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new VolumeGeometry(lastRow, new int[] {1, 1, 1}, CoordinateSystemNames.PATIENT, null));
    // orthogonal with different scales is accepted (scale-invariant check)
    double[][] scaled = {{1000, 0, 0, 0}, {0, 0.001, 0, 0}, {0, 0, 3, 0}, {0, 0, 0, 1}};
    new VolumeGeometry(scaled, new int[] {1, 1, 1}, CoordinateSystemNames.PATIENT, null);
    assertThrows(
        IllegalArgumentException.class,
        () -> new VolumeGeometry(scaled, new int[] {1, 0, 1}, CoordinateSystemNames.PATIENT, null));
  }

  @Test
  void patientOperationsRequireThePatientCoordinateSystem() {
    VolumeGeometry slide =
        new VolumeGeometry(
            org.highdicom4j.internal.Mat.identity(4),
            new int[] {1, 2, 3},
            CoordinateSystemNames.SLIDE,
            null);
    assertThrows(IllegalStateException.class, () -> slide.toPatientOrientation("LPH"));
    assertThrows(IllegalStateException.class, slide::getClosestPatientOrientation);
    assertArrayEquals(new int[] {1, 1}, slide.getPlanePosition(0).pixelMatrixPosition());
  }

  @Test
  void volumeToVolumeTransformerMapsIndicesBetweenGeometries() {
    VolumeGeometry g = axial(5, 6, 7);
    VolumeGeometry sub = g.slice("1:, 2:, ::-1");
    VolumeToVolumeTransformer t = new VolumeToVolumeTransformer(g, sub, true, false);
    assertArrayEquals(new double[] {0, 0, 6}, t.apply(new int[][] {{1, 2, 0}})[0], EPS);
    VolumeToVolumeTransformer checked = new VolumeToVolumeTransformer(g, sub, false, true);
    assertThrows(IllegalArgumentException.class, () -> checked.apply(new int[][] {{0, 0, 0}}));
  }
}
