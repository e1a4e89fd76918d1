package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.spatial.ImageToReferenceTransformer;
import org.highdicom4j.spatial.SpatialInformation;
import org.highdicom4j.spatial.Tiling;
import org.junit.jupiter.api.Test;

class PlanePositionSequenceTest {

  @Test
  void slidePositionsRoundTripWithTheirMatrixPosition() {
    PlanePositionSequence p =
        new PlanePositionSequence(
            CoordinateSystemNames.SLIDE, new double[] {1.5, 2.5, 0}, new int[] {257, 513});
    DicomDataset item = p.toItem();
    assertEquals(257, item.getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 0));
    assertEquals(1.5, item.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0));
    DicomDataset fg = new DicomDataset();
    p.addTo(fg);
    assertEquals(
        p, PlanePositionSequence.fromSequence(fg.getSequence(Tag.PlanePositionSlideSequence)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PlanePositionSequence(CoordinateSystemNames.SLIDE, new double[3], null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PlanePositionSequence(CoordinateSystemNames.PATIENT, new double[3], new int[2]));
    assertThrows(
        IllegalArgumentException.class, () -> PlanePositionSequence.ofPatient(new double[2]));
    assertTrue(p.toString().contains("SLIDE"));
  }

  @Test
  void orientationsRoundTripInBothCoordinateSystems() {
    for (CoordinateSystemNames cs : CoordinateSystemNames.values()) {
      PlaneOrientationSequence o =
          new PlaneOrientationSequence(cs, new double[] {0, 1, 0, 1, 0, 0});
      DicomDataset fg = new DicomDataset();
      o.addTo(fg);
      PlaneOrientationSequence back =
          PlaneOrientationSequence.fromSequence(fg.getSequence(Tag.PlaneOrientationSequence));
      assertEquals(o, back);
      assertEquals(o.hashCode(), back.hashCode());
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> new PlaneOrientationSequence(CoordinateSystemNames.PATIENT, new double[5]));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PixelMeasuresSequence(new double[] {0, 1}, null, null));
  }

  @Test
  void enumsParseTheirValuesAndListTheAllowedOnes() {
    assertEquals(PadModes.MEDIAN, PadModes.fromValue("MEDIAN"));
    assertEquals(AxisHandedness.LEFT_HANDED, AxisHandedness.fromValue("LEFT_HANDED"));
    assertEquals(RGBColorChannels.G, RGBColorChannels.fromValue("G"));
    assertEquals("SLIDE", CoordinateSystemNames.fromValue("SLIDE").value());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CoordinateSystemNames.fromValue("X"));
    assertTrue(e.getMessage().contains("PATIENT, SLIDE"));
    assertThrows(IllegalArgumentException.class, () -> PixelIndexDirections.fromValue("Q"));
  }

  @Test
  void readOptionsCombineAndRejectTwoTolerances() {
    VolumeReadOptions o =
        VolumeReadOptions.defaults()
            .withAtol(0.1)
            .withPerpendicularTol(0.01)
            .withOrientationTol(1e-4)
            .withAllowMissingPositions(true);
    assertEquals(0.1, o.atol());
    assertEquals(0.01, o.perpendicularTol());
    assertEquals(1e-4, o.orientationTol());
    assertTrue(o.allowMissingPositions());
    assertEquals(0.05, o.withRtol(0.05).rtol());
    assertEquals(null, o.withRtol(0.05).atol());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new VolumeReadOptions(1.0, 1.0, null, null, false));
    assertEquals("Arguments 'rtol' and 'atol' may not be provided together.", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> VolumeReadOptions.defaults().withOrientationTol(-1.0));
  }

  /** A TILED_FULL slide image of 5 x 7 pixels in 2 x 3 tiles, two focal planes 0.5 mm apart. */
  static DicomDataset tiledFull() {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.FrameOfReferenceUID, VR.UI, "1.2.3");
    ds.setString(Tag.DimensionOrganizationType, VR.CS, "TILED_FULL");
    ds.setDouble(Tag.ImageOrientationSlide, VR.DS, 0, -1, 0, -1, 0, 0);
    ds.setInt(Tag.Rows, VR.US, 2);
    ds.setInt(Tag.Columns, VR.US, 3);
    ds.setInt(Tag.TotalPixelMatrixRows, VR.UL, 5);
    ds.setInt(Tag.TotalPixelMatrixColumns, VR.UL, 7);
    ds.setInt(Tag.TotalPixelMatrixFocalPlanes, VR.UL, 2);
    ds.setInt(Tag.NumberOfFrames, VR.IS, 18);
    DicomDataset origin = ds.newSequence(Tag.TotalPixelMatrixOriginSequence).addNewItem();
    origin.setDouble(Tag.XOffsetInSlideCoordinateSystem, VR.DS, 20);
    origin.setDouble(Tag.YOffsetInSlideCoordinateSystem, VR.DS, 40);
    DicomDataset shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addNewItem();
    new PixelMeasuresSequence(new double[] {0.1, 0.2}, null, 0.5).addTo(shared);
    return ds;
  }

  @Test
  void tiledFullFramesAreLocatedFromTheTotalPixelMatrix() {
    DicomDataset ds = tiledFull();
    assertTrue(Tiling.isTiledImage(ds));
    // frame 14: second focal plane (z 0.5), tile 5 = column 2 (pixel 3), row 2 (pixel 2)
    SpatialInformation s = SpatialInformation.of(ds, 14, false);
    // x = 20 + row index 2 * 0.1 * (-1), y = 40 + column index 3 * 0.2 * (-1)
    assertArrayEquals(new double[] {19.8, 39.4, 0.5}, s.imagePosition(), 1e-9);
    SpatialInformation tpm = SpatialInformation.of(ds, null, true);
    assertArrayEquals(new double[] {20, 40, 0}, tpm.imagePosition(), 1e-9);
    double[][] corner =
        ImageToReferenceTransformer.forImage(ds, null, true).apply(new double[][] {{0, 0}});
    assertArrayEquals(new double[] {20.05, 40.1, 0}, corner[0], 1e-9);
  }
}
