package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.junit.jupiter.api.Test;

/**
 * Volumes from images built in code (IMG-07, IMG-09 … IMG-11): every expected value follows from
 * how the test writes its frames. Frame f holds the stored value {@code 100 f + 10 r + c} at row r,
 * column c; the rescale is slope 2, intercept -5; frames lie in axial planes (orientation 1\0\0
 * 0\1\0, so the volume axis column x row = (0, 0, -1) puts the highest z first).
 */
class ImageVolumeTest {
  static final int ROWS = 4;
  static final int COLS = 5;
  static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

  static byte[] pixels(int frames) {
    byte[] b = new byte[frames * ROWS * COLS * 2];
    int i = 0;
    for (int f = 0; f < frames; f++) {
      for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < COLS; c++) {
          int v = 100 * f + 10 * r + c;
          b[i++] = (byte) v;
          b[i++] = (byte) (v >> 8);
        }
      }
    }
    return b;
  }

  static void pixelModule(DicomDataset ds, int frames) {
    ds.setInt(Tag.Rows, VR.US, ROWS);
    ds.setInt(Tag.Columns, VR.US, COLS);
    ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
    ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
    ds.setInt(Tag.BitsAllocated, VR.US, 16);
    ds.setInt(Tag.BitsStored, VR.US, 16);
    ds.setInt(Tag.HighBit, VR.US, 15);
    ds.setInt(Tag.PixelRepresentation, VR.US, 1);
    ds.setBytes(Tag.PixelData, VR.OW, pixels(frames));
  }

  /** An enhanced multi-frame image with one frame at each z, in the given order. */
  static Image multiFrame(double... z) {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3.1");
    ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.2");
    ds.setString(Tag.FrameOfReferenceUID, VR.UI, "1.2.3.4");
    ds.setInt(Tag.NumberOfFrames, VR.IS, z.length);
    pixelModule(ds, z.length);
    DicomDataset dis = ds.newSequence(Tag.DimensionIndexSequence).addNewItem();
    dis.setInt(Tag.DimensionIndexPointer, VR.AT, Tag.ImagePositionPatient);
    DicomDataset shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addNewItem();
    shared
        .newSequence(Tag.PlaneOrientationSequence)
        .addNewItem()
        .setDouble(Tag.ImageOrientationPatient, VR.DS, AXIAL);
    shared
        .newSequence(Tag.PixelMeasuresSequence)
        .addNewItem()
        .setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.25);
    DicomDataset pvt = shared.newSequence(Tag.PixelValueTransformationSequence).addNewItem();
    pvt.setDouble(Tag.RescaleSlope, VR.DS, 2);
    pvt.setDouble(Tag.RescaleIntercept, VR.DS, -5);
    Sequence perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
    for (int f = 0; f < z.length; f++) {
      DicomDataset item = perFrame.addNewItem();
      item.newSequence(Tag.PlanePositionSequence)
          .addNewItem()
          .setDouble(Tag.ImagePositionPatient, VR.DS, -10, 20, z[f]);
      item.newSequence(Tag.FrameContentSequence)
          .addNewItem()
          .setInt(Tag.DimensionIndexValues, VR.UL, f + 1);
    }
    return Image.fromDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
  }

  /** A single-frame CT slice at z whose stored values are those of frame {@code value}. */
  static DicomDataset slice(double z, int value) {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3.1");
    ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.2");
    ds.setString(Tag.FrameOfReferenceUID, VR.UI, "1.2.3.4");
    ds.setDouble(Tag.ImagePositionPatient, VR.DS, -10, 20, z);
    ds.setDouble(Tag.ImageOrientationPatient, VR.DS, AXIAL);
    ds.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.25);
    ds.setDouble(Tag.RescaleSlope, VR.DS, 2);
    ds.setDouble(Tag.RescaleIntercept, VR.DS, -5);
    pixelModule(ds, value + 1);
    byte[] all = ds.getBytes(Tag.PixelData);
    byte[] one = new byte[ROWS * COLS * 2];
    System.arraycopy(all, value * one.length, one, 0, one.length);
    ds.setBytes(Tag.PixelData, VR.OW, one);
    return ds;
  }

  static List<Image> series(DicomDataset... slices) {
    List<Image> out = new ArrayList<>();
    for (DicomDataset ds : slices) {
      out.add(Image.fromDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
    }
    return out;
  }

  static double stored(int frame, int r, int c) {
    return 100 * frame + 10 * r + c;
  }

  // ---------------------------------------------------------------- multi-frame (IMG-09, IMG-10)

  @Test
  void geometryOfShuffledFramesStartsAtTheHighestZ() {
    // frames 0..3 at z 5, 0, 7.5, 2.5
    VolumeGeometry g = multiFrame(5, 0, 7.5, 2.5).getVolumeGeometry().orElseThrow();
    assertArrayEquals(new int[] {4, ROWS, COLS}, g.spatialShape());
    assertArrayEquals(new double[] {-10, 20, 7.5}, g.position(), 1e-12);
    assertArrayEquals(new double[] {2.5, 0.5, 0.25}, g.spacing(), 1e-12);
    assertArrayEquals(new double[] {0, 0, -2.5}, g.spacingVectors()[0], 1e-12);
    assertEquals(CoordinateSystemNames.PATIENT, g.coordinateSystem());
    assertEquals("1.2.3.4", g.frameOfReferenceUid());
  }

  @Test
  void volumeAppliesTheRescaleAsFloat64InSliceOrder() throws IOException {
    Volume v = multiFrame(5, 0, 7.5, 2.5).getVolume();
    assertEquals(DType.FLOAT64, v.dtype());
    int[] frameOfSlice = {2, 0, 3, 1}; // z 7.5, 5, 2.5, 0
    for (int s = 0; s < 4; s++) {
      for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < COLS; c++) {
          assertEquals(stored(frameOfSlice[s], r, c) * 2 - 5, v.array().getDouble(s, r, c));
        }
      }
    }
  }

  @Test
  void storedValuesAsInt16AreTheFramesAsStored() throws IOException {
    Image image = multiFrame(5, 0, 7.5, 2.5);
    Volume v =
        image.getVolume(
            PixelTransformOptions.storedValues(DType.INT16), VolumeReadOptions.defaults());
    assertEquals(DType.INT16, v.dtype());
    assertEquals(image.getStoredFrame(3), v.array().get(0)); // frame 3 (z 7.5) first
    assertEquals(image.getStoredFrame(2), v.array().get(3)); // frame 2 (z 0) last
  }

  @Test
  void integerOutputThatCannotHoldTheRescaleIsRejected() {
    Image image = multiFrame(0, 2.5);
    PixelTransformOptions uint8 = PixelTransformOptions.builder().dtype(DType.UINT8).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> image.getVolume(uint8, VolumeReadOptions.defaults()));
    assertEquals(
        "An unsigned integer data type cannot be used if the intercept is negative.",
        e.getMessage());
  }

  @Test
  void subVolumeBoundsAreOneBasedEndExclusiveWithNegativeIndices() throws IOException {
    Image image = multiFrame(5, 0, 7.5, 2.5);
    PixelTransformOptions t = PixelTransformOptions.DEFAULT;
    VolumeReadOptions o = VolumeReadOptions.defaults();
    Volume full = image.getVolume();
    // slices 2.., rows 3.., columns 2..COLS-1 (end -1 is exclusive)
    Volume sub = image.getVolume(2, null, 3, null, 2, -1, false, t, o);
    Volume expected = full.slice("1:, 2:, 1:-1");
    assertArrayEquals(new int[] {3, 2, 3}, sub.shape());
    assertEquals(expected.array(), sub.array());
    assertTrue(sub.geometryEqual(expected, 1e-12));
    // voxel (0, 0, 0) of the sub-volume is slice 1 (z 5), row 2, column 1
    assertArrayEquals(new double[] {-10 + 1 * 0.25, 20 + 2 * 0.5, 5}, sub.position(), 1e-12);
    assertEquals(sub.array(), image.getVolume(1, null, 2, null, 1, 4, true, t, o).array());
    // one slice: number 3 (z 2.5), given as -2
    Volume one = image.getVolume(-2, -1, null, null, null, null, false, t, o);
    assertEquals(full.slice("2:3, :, :").array(), one.array());
  }

  @Test
  void subVolumeBoundsOutsideTheVolumeOrEmptyAreRejected() {
    Image image = multiFrame(5, 0, 7.5, 2.5);
    PixelTransformOptions t = PixelTransformOptions.DEFAULT;
    VolumeReadOptions o = VolumeReadOptions.defaults();
    IllegalArgumentException zero =
        assertThrows(
            IllegalArgumentException.class,
            () -> image.getVolume(0, null, null, null, null, null, false, t, o));
    assertTrue(zero.getMessage().contains("slice_start"), zero.getMessage());
    IllegalArgumentException outside =
        assertThrows(
            IllegalArgumentException.class,
            () -> image.getVolume(null, null, null, 9, null, null, false, t, o));
    assertTrue(outside.getMessage().contains("row_end\" is outside the volume"));
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class,
            () -> image.getVolume(3, 3, null, null, null, null, false, t, o));
    assertTrue(empty.getMessage().startsWith("Volume region is empty"), empty.getMessage());
  }

  @Test
  void gapsNeedMissingPositionsAllowedAndAreFilledWithZeros() throws IOException {
    Image image = multiFrame(0, 7.5, 2.5); // nothing at z 5
    assertEquals(Optional.empty(), image.getVolumeGeometry());
    IllegalStateException e = assertThrows(IllegalStateException.class, image::getVolume);
    assertTrue(
        e.getMessage().startsWith("This image does not represent a regularly-spaced volume"),
        e.getMessage());
    VolumeGeometry g = image.getVolumeGeometry(null, null, null, true, true).orElseThrow();
    assertArrayEquals(new int[] {4, ROWS, COLS}, g.spatialShape());
    Volume v =
        image.getVolume(
            PixelTransformOptions.DEFAULT,
            VolumeReadOptions.defaults().withAllowMissingPositions(true));
    assertEquals(0.0, v.array().get(1).min());
    assertEquals(0.0, v.array().get(1).max());
    assertEquals(stored(1, 3, 4) * 2 - 5, v.array().getDouble(0, 3, 4)); // frame 1 at z 7.5
    assertEquals(stored(0, 0, 0) * 2 - 5, v.array().getDouble(3, 0, 0)); // frame 0 at z 0
  }

  @Test
  void duplicatePositionsGiveAGeometryButNoVolume() {
    Image image = multiFrame(0, 2.5, 2.5);
    VolumeGeometry g = image.getVolumeGeometry().orElseThrow();
    assertArrayEquals(new int[] {2, ROWS, COLS}, g.spatialShape());
    assertEquals(Optional.empty(), image.getVolumeGeometry(null, null, null, false, false));
    assertThrows(IllegalStateException.class, image::getVolume);
  }

  @Test
  void perpendicularToleranceDecidesAboutShearedStacks() {
    // z steps 2.5 with x shifted by 0.2 per slice: cos = 2.5 / sqrt(2.5² + 0.2²) ≈ 0.99682
    Image image = multiFrame(0, 2.5, 5);
    DicomDataset ds = image.dataset().deepCopy();
    Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    for (int f = 0; f < 3; f++) {
      perFrame
          .get(f)
          .getItem(Tag.PlanePositionSequence)
          .setDouble(Tag.ImagePositionPatient, VR.DS, -10 + 0.2 * f, 20, 2.5 * f);
    }
    Image sheared = Image.fromDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    assertEquals(Optional.empty(), sheared.getVolumeGeometry());
    assertTrue(sheared.getVolumeGeometry(null, null, 0.01, false, true).isPresent());
  }

  @Test
  void framesDecodeInParallelOnTheGivenExecutor() throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Image image = multiFrame(5, 0, 7.5, 2.5, 10, 12.5, -2.5);
      Image onPool =
          Image.fromDataset(
              image.dataset(),
              TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
              ImageReadOptions.DEFAULT.withExecutor(pool));
      assertEquals(image.getVolume().array(), onPool.getVolume().array());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void singleFrameImageIsAOneSliceVolume() throws IOException {
    Image image = Image.fromDataset(slice(3, 2), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    VolumeGeometry g = image.getVolumeGeometry().orElseThrow();
    assertArrayEquals(new int[] {1, ROWS, COLS}, g.spatialShape());
    assertEquals(1.0, g.spacingBetweenSlices()); // no SpacingBetweenSlices (0018,0088)
    Volume v = image.getVolume();
    assertEquals(stored(2, 1, 1) * 2 - 5, v.array().getDouble(0, 1, 1));
  }

  @Test
  void imageWithoutFrameOfReferenceHasNoCoordinateSystemOrVolume() {
    DicomDataset ds = slice(0, 0);
    ds.remove(Tag.FrameOfReferenceUID);
    Image image = Image.fromDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    assertEquals(Optional.empty(), image.coordinateSystem());
    assertEquals(Optional.empty(), image.getVolumeGeometry());
    assertThrows(IllegalStateException.class, image::getVolume);
    assertEquals(
        Optional.of(CoordinateSystemNames.PATIENT),
        Image.fromDataset(slice(0, 0), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
            .coordinateSystem());
  }

  // ---------------------------------------------------------------- series (IMG-11)

  @Test
  void seriesIsSortedAlongTheNormalAndRescaled() throws IOException {
    // slice i at z = 2.5 i holds the values of frame i
    List<Image> images = series(slice(2.5, 1), slice(7.5, 3), slice(0, 0), slice(5, 2));
    Volume v = Image.getVolumeFromSeries(images);
    assertEquals(DType.FLOAT64, v.dtype());
    assertArrayEquals(new int[] {4, ROWS, COLS}, v.shape());
    assertArrayEquals(new double[] {-10, 20, 7.5}, v.position(), 1e-12);
    assertArrayEquals(new double[] {0, 0, -2.5}, v.spacingVectors()[0], 1e-12);
    for (int s = 0; s < 4; s++) {
      assertEquals(stored(3 - s, 2, 3) * 2 - 5, v.array().getDouble(s, 2, 3));
    }
    Volume raw =
        Image.getVolumeFromSeries(
            images, PixelTransformOptions.storedValues(DType.INT16), VolumeReadOptions.defaults());
    assertEquals(DType.INT16, raw.dtype());
    assertEquals(images.get(1).getStoredFrame(1), raw.array().get(0));
    assertTrue(raw.geometryEqual(v, 0.0));
  }

  @Test
  void seriesMixingSeriesFramesOfReferenceOrMultiFrameImagesIsRejected() {
    DicomDataset other = slice(2.5, 1);
    other.setString(Tag.SeriesInstanceUID, VR.UI, "9.9");
    assertMessage("Images do not belong to the same series.", series(slice(0, 0), other));
    DicomDataset otherFor = slice(2.5, 1);
    otherFor.setString(Tag.FrameOfReferenceUID, VR.UI, "9.9");
    assertMessage("Images do not share a frame of reference.", series(slice(0, 0), otherFor));
    DicomDataset noPosition = slice(2.5, 1);
    noPosition.remove(Tag.ImagePositionPatient);
    assertMessage(
        "Dataset should exist in the patient coordinate_system.", series(slice(0, 0), noPosition));
    List<Image> withMultiFrame = series(slice(0, 0));
    withMultiFrame.add(multiFrame(2.5, 5));
    assertMessage("Datasets should be single-frame images.", withMultiFrame);
    assertMessage("List must not be empty.", List.of());
  }

  @Test
  void seriesOrientationsMustBeEqualOrWithinTheOrientationTolerance() throws IOException {
    DicomDataset tilted = slice(2.5, 1);
    tilted.setDouble(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 0.99999, 0.00447);
    List<Image> images = series(slice(0, 0), tilted, slice(5, 2));
    assertMessage("Images do not have the same orientation.", images);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Image.getVolumeFromSeries(
                    images,
                    PixelTransformOptions.DEFAULT,
                    VolumeReadOptions.defaults().withOrientationTol(1e-3)));
    assertTrue(
        e.getMessage()
            .startsWith("Orientations are not consistent within the specified tolerance."),
        e.getMessage());
    Volume v =
        Image.getVolumeFromSeries(
            images,
            PixelTransformOptions.DEFAULT,
            VolumeReadOptions.defaults().withOrientationTol(0.01));
    assertArrayEquals(AXIAL, v.directionCosines(), 1e-12); // the first image's orientation
  }

  @Test
  void seriesWithIrregularSpacingOrMismatchedPixelsIsRejected() {
    assertMessage(
        "Series is not a regularly-spaced volume.",
        series(slice(0, 0), slice(2.5, 1), slice(6, 2)));
    DicomDataset wide = slice(2.5, 1);
    wide.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.5);
    assertMessage("Images do not share a pixel spacing.", series(slice(0, 0), wide));
    DicomDataset twelveBit = slice(2.5, 1);
    twelveBit.setInt(Tag.BitsStored, VR.US, 12);
    assertMessage("Images do not share the Image Pixel Module", series(slice(0, 0), twelveBit));
    DicomDataset spacing = slice(0, 0);
    spacing.setDouble(Tag.SpacingBetweenSlices, VR.DS, 3.0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Image.getVolumeFromSeries(series(spacing, slice(2.5, 1), slice(5, 2))));
    assertTrue(e.getMessage().startsWith("Inferred spacing (2.500)"), e.getMessage());
  }

  @Test
  void volumesFromDatasetsMatchVolumesFromImages() throws IOException {
    List<DicomDataset> datasets = List.of(slice(5, 2), slice(0, 0), slice(2.5, 1));
    Volume fromDatasets =
        Volumes.fromSeries(datasets, PixelTransformOptions.DEFAULT, VolumeReadOptions.defaults());
    List<Image> images = new ArrayList<>();
    for (DicomDataset ds : datasets) {
      images.add(Image.fromDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
    }
    Volume fromImages = Image.getVolumeFromSeries(images);
    assertEquals(fromImages.array(), fromDatasets.array());
    assertTrue(fromImages.geometryEqual(fromDatasets, 0.0));
    assertTrue(
        Volumes.seriesGeometry(datasets, VolumeReadOptions.defaults())
            .geometryEqual(fromImages, 0.0));
  }

  static void assertMessage(String prefix, List<Image> images) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Image.getVolumeFromSeries(images));
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
  }

  // ---------------------------------------------------------------- introspection (IMG-07)

  @Test
  void dimensionIndicesAreUniqueWhenNoTwoFramesShareTheirValues() {
    Image image = multiFrame(0, 2.5, 5);
    assertTrue(image.areDimensionIndicesUnique(Tag.ImagePositionPatient));
    assertTrue(image.areDimensionIndicesUnique("ImagePositionPatient"));
    DicomDataset ds = image.dataset().deepCopy();
    ds.getSequence(Tag.PerFrameFunctionalGroupsSequence)
        .get(2)
        .getItem(Tag.FrameContentSequence)
        .setInt(Tag.DimensionIndexValues, VR.UL, 1);
    Image repeated = Image.fromDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    assertFalse(repeated.areDimensionIndicesUnique(Tag.ImagePositionPatient));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> image.areDimensionIndicesUnique(Tag.SegmentNumber));
    assertTrue(e.getMessage().startsWith("DimensionIndexSequence (0020,9222)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> image.areDimensionIndicesUnique("NoSuch"));
  }

  @Test
  void sourceImageUidsComeFromTheCommonInstanceReferenceModule() {
    DicomDataset ds = slice(0, 0);
    Sequence series = ds.newSequence(Tag.ReferencedSeriesSequence);
    DicomDataset s1 = series.addNewItem();
    s1.setString(Tag.SeriesInstanceUID, VR.UI, "1.5");
    Sequence instances = s1.newSequence(Tag.ReferencedInstanceSequence);
    for (String uid : new String[] {"1.5.1", "1.5.2", "1.5.1"}) {
      DicomDataset i = instances.addNewItem();
      i.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
      i.setString(Tag.ReferencedSOPInstanceUID, VR.UI, uid);
    }
    DicomDataset study =
        ds.newSequence(Tag.StudiesContainingOtherReferencedInstancesSequence).addNewItem();
    study.setString(Tag.StudyInstanceUID, VR.UI, "7.7");
    DicomDataset s2 = study.newSequence(Tag.ReferencedSeriesSequence).addNewItem();
    s2.setString(Tag.SeriesInstanceUID, VR.UI, "7.8");
    s2.newSequence(Tag.ReferencedInstanceSequence)
        .addNewItem()
        .setString(Tag.ReferencedSOPInstanceUID, VR.UI, "7.8.1");
    Image image = Image.fromDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    assertEquals(
        List.of(
            new InstanceUids("1.2.3.1", "1.5", "1.5.1"),
            new InstanceUids("1.2.3.1", "1.5", "1.5.2"),
            new InstanceUids("7.7", "7.8", "7.8.1")),
        image.getSourceImageUids());
    assertEquals(
        List.of(),
        Image.fromDataset(slice(0, 0), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
            .getSourceImageUids());
  }
}
