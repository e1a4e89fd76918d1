package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.highdicom4j.ChannelDescriptor;
import org.highdicom4j.CoordinateSystemNames;
import org.highdicom4j.DType;
import org.highdicom4j.DimensionOrganizationTypeValues;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segmentations of tiled slide microscopy images built from synthetic sources: tile positions
 * against the arithmetic of PS3.3 C.8.12.4.1 (a pixel at 0-based row r and column c of the total
 * pixel matrix lies at origin + c × column spacing × row cosines + r × row spacing × column
 * cosines), the TILED_FULL layout of C.7.6.17.3, and the builder's argument checks.
 */
class SegmentationTiledTest {
  @TempDir Path dir;

  /** Row direction cosines then column direction cosines, as in highdicom's test slides. */
  static final double[] SLIDE_ORIENTATION = {0, -1, 0, -1, 0, 0};

  static final double[] ORIGIN = {10.0, 20.0};

  /** 20 x 15 total pixel matrix, 8 x 6 tiles (neither divides): 3 x 3 tiles. */
  static DicomDataset source() {
    return SegTestData.wholeSlide(20, 15, 8, 6, ORIGIN, SLIDE_ORIENTATION, 0.5, 0.25);
  }

  /** Label map 20 x 15 with one pixel of value 1 (or 2 on odd tiles) in every source tile. */
  static NdArray everyTile() {
    NdArray a = NdArray.zeros(DType.UINT8, 20, 15);
    for (int tr = 0; tr < 3; tr++) {
      for (int tc = 0; tc < 3; tc++) {
        a.setDouble((tr * 3 + tc) % 2 == 0 ? 1 : 2, tr * 8 + 1, tc * 6 + 2);
      }
    }
    return a;
  }

  static Segmentation.Builder builder(DicomDataset src, NdArray array) {
    return SegTestData.identity(Segmentation.builder())
        .sourceImages(List.of(src))
        .pixelArray(array)
        .segmentationType(SegmentationTypeValues.BINARY)
        .segmentDescriptions(SegTestData.descriptions(1, 2));
  }

  private static DicomDataset position(DicomDataset frame) {
    return frame.getItem(Tag.PlanePositionSlideSequence);
  }

  @Test
  void tilePositionsFollowTheTotalPixelMatrixOriginOrientationAndSpacing() {
    Segmentation seg = builder(source(), everyTile()).tilePixelArray(true).build();
    DicomDataset ds = seg.dataset();
    Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    // Segment 1 in tiles 0, 2, 4, 6, 8 and segment 2 in tiles 1, 3, 5, 7.
    assertEquals(9, seg.numberOfFrames());
    for (int f = 0; f < perFrame.size(); f++) {
      DicomDataset p = position(perFrame.get(f));
      int row = p.getInt(Tag.RowPositionInTotalImagePixelMatrix, 0);
      int col = p.getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 0);
      assertEquals(0, (row - 1) % 8, "tile rows start every 8 rows: " + row);
      assertEquals(0, (col - 1) % 6, "tile columns start every 6 columns: " + col);
      // Row cosines (0, -1, 0) with column spacing 0.25; column cosines (-1, 0, 0) with row
      // spacing 0.5.
      assertEquals(
          10.0 - (row - 1) * 0.5, p.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0), 1e-9);
      assertEquals(
          20.0 - (col - 1) * 0.25, p.getDouble(Tag.YOffsetInSlideCoordinateSystem, 0), 1e-9);
      assertEquals(0.0, p.getDouble(Tag.ZOffsetInSlideCoordinateSystem, -1), 0);
    }
  }

  @Test
  void rotatedOrientationMovesTilesAlongTheOtherAxes() {
    DicomDataset src =
        SegTestData.wholeSlide(20, 15, 8, 6, ORIGIN, new double[] {1, 0, 0, 0, 1, 0}, 0.5, 0.25);
    NdArray a = NdArray.zeros(DType.UINT8, 20, 15);
    a.setDouble(1, 19, 14); // only the last (padded) tile
    Segmentation seg =
        builder(src, a)
            .segmentDescriptions(SegTestData.descriptions(1))
            .tilePixelArray(true)
            .build();
    assertEquals(1, seg.numberOfFrames());
    DicomDataset p =
        position(seg.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence).get(0));
    assertEquals(17, p.getInt(Tag.RowPositionInTotalImagePixelMatrix, 0));
    assertEquals(13, p.getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 0));
    assertEquals(10.0 + 12 * 0.25, p.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0), 1e-9);
    assertEquals(20.0 + 16 * 0.5, p.getDouble(Tag.YOffsetInSlideCoordinateSystem, 0), 1e-9);
  }

  @Test
  void explicitTotalPixelMatrixPositionMovesEveryTile() {
    Segmentation seg =
        builder(source(), everyTile())
            .tilePixelArray(true)
            .planePositions(new double[][] {{3.0, 4.0, 0.5}})
            .build();
    DicomDataset ds = seg.dataset();
    DicomDataset origin = ds.getItem(Tag.TotalPixelMatrixOriginSequence);
    assertEquals(3.0, origin.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0), 0);
    assertEquals(4.0, origin.getDouble(Tag.YOffsetInSlideCoordinateSystem, 0), 0);
    for (DicomDataset f : ds.getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
      DicomDataset p = position(f);
      int row = p.getInt(Tag.RowPositionInTotalImagePixelMatrix, 0);
      int col = p.getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 0);
      assertEquals(3.0 - (row - 1) * 0.5, p.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0), 1e-9);
      assertEquals(
          4.0 - (col - 1) * 0.25, p.getDouble(Tag.YOffsetInSlideCoordinateSystem, 0), 1e-9);
      assertEquals(0.5, p.getDouble(Tag.ZOffsetInSlideCoordinateSystem, 0), 0);
      // Positions differ from the source's tiles: no frame is derived from a source frame.
      assertNull(f.getSequence(Tag.DerivationImageSequence));
    }
  }

  @Test
  void tilesOnTheSourceGridReferenceTheSourceFrame() {
    DicomDataset src = source();
    Segmentation seg = builder(src, everyTile()).tilePixelArray(true).build();
    for (DicomDataset f : seg.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
      DicomDataset p = position(f);
      int row = p.getInt(Tag.RowPositionInTotalImagePixelMatrix, 0);
      int col = p.getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 0);
      DicomDataset ref = f.getItem(Tag.DerivationImageSequence).getItem(Tag.SourceImageSequence);
      // TILED_FULL source: frame k + 1 is tile k, row by row (PS3.3 C.7.6.17.3).
      int expected = ((row - 1) / 8) * 3 + (col - 1) / 6 + 1;
      assertEquals(expected, ref.getInt(Tag.ReferencedFrameNumber, 0));
      assertEquals(src.getString(Tag.SOPInstanceUID), ref.getString(Tag.ReferencedSOPInstanceUID));
    }
  }

  @Test
  void sourceFramesGiveBackTheirTiles() throws Exception {
    DicomDataset src = source();
    Path file = dir.resolve("by-frame.dcm");
    builder(src, everyTile()).tilePixelArray(true).build().write(file);
    NdArray frames =
        Segmentation.read(file)
            .getPixelsBySourceFrame(
                src.getString(Tag.SOPInstanceUID),
                new int[] {1, 2, 9},
                SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertArrayEquals(new int[] {3, 8, 6}, frames.shape());
    // Frame 2 is tile (0, 1): its pixel (1, 2) is the matrix's (1, 8), set to 2.
    assertEquals(2, frames.getLong(1, 1, 2));
    // Frame 9 is the bottom right tile (rows 17..20, columns 13..15), padded beyond the matrix.
    assertEquals(1, frames.getLong(2, 1, 2));
    assertEquals(0, frames.getLong(2, 7, 5));
  }

  @Test
  void pixelMeasuresAllowATotalPixelMatrixAtAnotherResolution() throws Exception {
    // Half the source resolution: 10 x 8 pixels of 1.0 x 0.5 mm cover the 20 x 15 source.
    NdArray half = NdArray.zeros(DType.UINT8, 10, 8);
    half.setDouble(1, 9, 7);
    Segmentation seg =
        builder(source(), half)
            .segmentDescriptions(SegTestData.descriptions(1))
            .tilePixelArray(true)
            .pixelMeasures(1.0, 0.5, 0.01, null)
            .build();
    DicomDataset ds = seg.dataset();
    assertEquals(10, ds.getInt(Tag.TotalPixelMatrixRows, 0));
    assertEquals(8, ds.getInt(Tag.TotalPixelMatrixColumns, 0));
    assertArrayEquals(
        new double[] {1.0, 0.5},
        ds.getItem(Tag.SharedFunctionalGroupsSequence)
            .getItem(Tag.PixelMeasuresSequence)
            .getDoubles(Tag.PixelSpacing),
        0);
    DicomDataset f = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence).get(0);
    // Tile (1, 1) of 8 x 6 starts at row 9, column 7: X = 10 - 8 x 1.0, Y = 20 - 6 x 0.5.
    assertEquals(9, position(f).getInt(Tag.RowPositionInTotalImagePixelMatrix, 0));
    assertEquals(7, position(f).getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 0));
    assertEquals(2.0, position(f).getDouble(Tag.XOffsetInSlideCoordinateSystem, 0), 1e-12);
    assertEquals(17.0, position(f).getDouble(Tag.YOffsetInSlideCoordinateSystem, 0), 1e-12);
    assertNull(f.getSequence(Tag.DerivationImageSequence));
    Path file = dir.resolve("half.dcm");
    seg.write(file);
    NdArray back =
        Segmentation.read(file)
            .getTotalPixelMatrix(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertEquals(half.astype(back.dtype()), back);
  }

  @Test
  void otherTileSizesDropSourceReferencesAndPadEdgeTiles() throws Exception {
    Segmentation seg = builder(source(), everyTile()).tilePixelArray(true).tileSize(7, 9).build();
    DicomDataset ds = seg.dataset();
    assertEquals(7, ds.getInt(Tag.Rows, 0));
    assertEquals(9, ds.getInt(Tag.Columns, 0));
    assertEquals(20, ds.getInt(Tag.TotalPixelMatrixRows, 0));
    assertEquals(15, ds.getInt(Tag.TotalPixelMatrixColumns, 0));
    for (DicomDataset f : ds.getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
      assertNull(f.getSequence(Tag.DerivationImageSequence));
    }
    Path file = dir.resolve("seg.dcm");
    seg.write(file);
    NdArray tpm =
        Segmentation.read(file)
            .getTotalPixelMatrix(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertEquals(everyTile().astype(tpm.dtype()), tpm);
  }

  @Test
  void framesInputCorrespondsToSourceFrames() {
    NdArray frames = NdArray.zeros(DType.UINT8, 9, 8, 6);
    frames.setDouble(1, 4, 0, 0); // tile 5: second tile row, second column
    Segmentation seg =
        builder(source(), frames).segmentDescriptions(SegTestData.descriptions(1)).build();
    DicomDataset f = seg.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence).get(0);
    assertEquals(9, position(f).getInt(Tag.RowPositionInTotalImagePixelMatrix, 0));
    assertEquals(7, position(f).getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 0));
    assertEquals(
        5,
        f.getItem(Tag.DerivationImageSequence)
            .getItem(Tag.SourceImageSequence)
            .getInt(Tag.ReferencedFrameNumber, 0));
    assertEquals("TILED_SPARSE", seg.dataset().getString(Tag.DimensionOrganizationType));
  }

  @Test
  void slideSegmentationsUseSlideAttributesNotPatientOnes() {
    DicomDataset ds = builder(source(), everyTile()).tilePixelArray(true).build().dataset();
    assertArrayEquals(SLIDE_ORIENTATION, ds.getDoubles(Tag.ImageOrientationSlide), 0);
    assertEquals(1, ds.getInt(Tag.TotalPixelMatrixFocalPlanes, 0));
    assertEquals("SLIDE-1", ds.getString(Tag.ContainerIdentifier));
    DicomDataset shared = ds.getItem(Tag.SharedFunctionalGroupsSequence);
    assertNull(shared.getSequence(Tag.PlaneOrientationSequence));
    assertArrayEquals(
        new double[] {0.5, 0.25},
        shared.getItem(Tag.PixelMeasuresSequence).getDoubles(Tag.PixelSpacing),
        0);
    int[] pointers = new int[6];
    Sequence dims = ds.getSequence(Tag.DimensionIndexSequence);
    for (int i = 0; i < dims.size(); i++) {
      pointers[i] = dims.get(i).getInt(Tag.DimensionIndexPointer, 0);
    }
    assertArrayEquals(
        new int[] {
          Tag.ReferencedSegmentNumber,
          Tag.RowPositionInTotalImagePixelMatrix,
          Tag.ColumnPositionInTotalImagePixelMatrix,
          Tag.XOffsetInSlideCoordinateSystem,
          Tag.YOffsetInSlideCoordinateSystem,
          Tag.ZOffsetInSlideCoordinateSystem
        },
        pointers);
  }

  @Test
  void dimensionIndexValuesRankTheDistinctPositions() {
    Segmentation seg = builder(source(), everyTile()).tilePixelArray(true).build();
    for (DicomDataset f : seg.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
      int[] v = f.getItem(Tag.FrameContentSequence).getInts(Tag.DimensionIndexValues);
      DicomDataset p = position(f);
      int tileRow = (p.getInt(Tag.RowPositionInTotalImagePixelMatrix, 0) - 1) / 8;
      int tileCol = (p.getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 0) - 1) / 6;
      int segment =
          f.getItem(Tag.SegmentIdentificationSequence).getInt(Tag.ReferencedSegmentNumber, 0);
      // X falls as the row grows and Y as the column grows, so their ranks run backwards.
      assertArrayEquals(
          new int[] {segment, tileRow + 1, tileCol + 1, 3 - tileRow, 3 - tileCol, 1}, v);
    }
  }

  @Test
  void readingATiledFullSegmentationWithAHugeMatrixSizeDoesNotWrapTheTileCount() {
    DicomDataset ds =
        builder(source(), everyTile())
            .tilePixelArray(true)
            .omitEmptyFrames(false)
            .dimensionOrganizationType(DimensionOrganizationTypeValues.TILED_FULL)
            .build()
            .dataset()
            .deepCopy();
    // A corrupt matrix size: 65536 x 65536 tiles per plane, 2^32, more than an int holds (it
    // wrapped to 0). The frames then all lie in the first tile row of segment 1 (PS3.3
    // C.7.6.17.3).
    ds.setInt(Tag.TotalPixelMatrixRows, VR.UL, 65536 * ds.getInt(Tag.Rows, 0));
    ds.setInt(Tag.TotalPixelMatrixColumns, VR.UL, 65536 * ds.getInt(Tag.Columns, 0));
    Segmentation seg = Segmentation.fromDataset(ds);
    assertEquals(18, seg.numberOfFrames());
    // TILED_FULL records no source frames: asking for them is misuse, not an arithmetic error.
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                seg.getPixelsBySourceFrame(
                    seg.getSourceImageUids().get(0).sopInstanceUid(), new int[] {1}));
    assertTrue(e.getMessage().contains("TILED_FULL"), e.getMessage());
  }

  @Test
  void tiledFullStoresEveryTileWithoutPerFrameGroups() throws Exception {
    Segmentation seg =
        builder(source(), everyTile())
            .tilePixelArray(true)
            .omitEmptyFrames(false)
            .dimensionOrganizationType(DimensionOrganizationTypeValues.TILED_FULL)
            .build();
    DicomDataset ds = seg.dataset();
    assertEquals(2 * 9, seg.numberOfFrames());
    assertEquals("TILED_FULL", ds.getString(Tag.DimensionOrganizationType));
    assertNull(ds.getSequence(Tag.PerFrameFunctionalGroupsSequence));
    assertNull(ds.getSequence(Tag.DimensionIndexSequence));
    assertNotNull(ds.getSequence(Tag.DimensionOrganizationSequence));
    Path file = dir.resolve("full.dcm");
    seg.write(file);
    Segmentation back = Segmentation.read(file);
    NdArray tpm = back.getTotalPixelMatrix(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertEquals(everyTile().astype(tpm.dtype()), tpm);
    NdArray part =
        back.getTotalPixelMatrix(
            9, 12, 7, 16, false, SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertEquals(3, part.shape(0));
    assertEquals(9, part.shape(1));
    assertEquals(everyTile().getLong(9, 8), part.getLong(1, 2));
  }

  @Test
  void getVolumeOfATiledSegmentationIsOneSliceAtTheMatrixOrigin() throws Exception {
    Path file = dir.resolve("vol.dcm");
    builder(source(), everyTile()).tilePixelArray(true).build().write(file);
    Volume v =
        Segmentation.read(file).getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertArrayEquals(new int[] {1, 20, 15}, v.spatialShape());
    assertEquals(CoordinateSystemNames.SLIDE, v.coordinateSystem());
    double[][] a = v.affine();
    // Axis 1 (rows) moves along the column cosines (-1, 0, 0) by the row spacing 0.5; axis 2
    // (columns) along the row cosines (0, -1, 0) by the column spacing 0.25; the origin is the
    // first pixel's slide position.
    assertArrayEquals(new double[] {-0.5, 0, 0}, new double[] {a[0][1], a[1][1], a[2][1]}, 1e-12);
    assertArrayEquals(new double[] {0, -0.25, 0}, new double[] {a[0][2], a[1][2], a[2][2]}, 1e-12);
    assertArrayEquals(new double[] {10, 20, 0}, new double[] {a[0][3], a[1][3], a[2][3]}, 1e-12);
    for (int r = 0; r < 20; r++) {
      for (int c = 0; c < 15; c++) {
        assertEquals(everyTile().getLong(r, c), v.array().getLong(0, r, c));
      }
    }
  }

  @Test
  void paletteVolumeOfATiledLabelMapHasAnRgbChannel() throws Exception {
    // As for untiled label maps: the palette adds a last axis of R, G, B described by an RGB
    // channel, the spatial shape and affine stay those of the label volume.
    int[] red = {0, 65535, 0};
    int[] green = {0, 0, 65535};
    int[] blue = {0, 0, 0};
    Path file = dir.resolve("palette.dcm");
    builder(source(), everyTile())
        .tilePixelArray(true)
        .segmentationType(SegmentationTypeValues.LABELMAP)
        .paletteColorLut(red, green, blue)
        .build()
        .write(file);
    Segmentation seg = Segmentation.read(file);
    SegmentPixelOptions labels = SegmentPixelOptions.DEFAULT.withCombineSegments(true);
    Volume v = seg.getVolume(labels.withApplyPaletteColorLut(true));
    assertArrayEquals(new int[] {1, 20, 15, 3}, v.array().shape());
    assertArrayEquals(new int[] {1, 20, 15}, v.spatialShape());
    assertTrue(v.channelDescriptors().contains(ChannelDescriptor.RGB_COLOR_CHANNEL_DESCRIPTOR));
    Volume plain = seg.getVolume(labels);
    assertTrue(java.util.Arrays.deepEquals(plain.affine(), v.affine()));
    for (int r = 0; r < 20; r++) {
      for (int c = 0; c < 15; c++) {
        int label = (int) everyTile().getLong(r, c);
        assertEquals(red[label], v.array().getLong(0, r, c, 0));
        assertEquals(green[label], v.array().getLong(0, r, c, 1));
      }
    }
  }

  /** A TILED_SPARSE source with three of the nine tiles, each with its own Plane Position. */
  static DicomDataset sparseSource() {
    DicomDataset ds = source();
    ds.setString(Tag.DimensionOrganizationType, VR.CS, "TILED_SPARSE");
    ds.setInt(Tag.NumberOfFrames, VR.IS, 3);
    Sequence perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
    int[][] tiles = {{9, 1}, {1, 7}, {17, 13}};
    for (int f = 0; f < 3; f++) {
      DicomDataset p =
          perFrame.addNewItem().newSequence(Tag.PlanePositionSlideSequence).addNewItem();
      p.setInt(Tag.RowPositionInTotalImagePixelMatrix, VR.SL, tiles[f][0]);
      p.setInt(Tag.ColumnPositionInTotalImagePixelMatrix, VR.SL, tiles[f][1]);
      // Offsets recorded as given, whatever the origin says: they are copied, not recomputed.
      p.setDouble(Tag.XOffsetInSlideCoordinateSystem, VR.DS, f + 1.0);
      p.setDouble(Tag.YOffsetInSlideCoordinateSystem, VR.DS, 2 * f);
      p.setDouble(Tag.ZOffsetInSlideCoordinateSystem, VR.DS, 0.0);
    }
    return ds;
  }

  @Test
  void framesOfASparseSourceTakeItsRecordedPositionsInMatrixOrder() {
    NdArray frames = NdArray.zeros(DType.UINT8, 3, 8, 6);
    for (int f = 0; f < 3; f++) {
      frames.setDouble(1, f, 0, 0);
    }
    Segmentation seg =
        builder(sparseSource(), frames).segmentDescriptions(SegTestData.descriptions(1)).build();
    Sequence perFrame = seg.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence);
    // Row by row: (1, 7) = source frame 2, (9, 1) = frame 1, (17, 13) = frame 3.
    int[] expectedFrames = {2, 1, 3};
    for (int f = 0; f < 3; f++) {
      DicomDataset item = perFrame.get(f);
      int source = expectedFrames[f];
      assertEquals(
          source,
          item.getItem(Tag.DerivationImageSequence)
              .getItem(Tag.SourceImageSequence)
              .getInt(Tag.ReferencedFrameNumber, 0));
      assertEquals(source, position(item).getDouble(Tag.XOffsetInSlideCoordinateSystem, 0), 0);
    }
    IllegalArgumentException e =
        rejects(
            builder(sparseSource(), frames)
                .segmentDescriptions(SegTestData.descriptions(1))
                .omitEmptyFrames(false)
                .dimensionOrganizationType(DimensionOrganizationTypeValues.TILED_FULL));
    assertTrue(e.getMessage().contains("cover the total pixel matrix"), e.getMessage());
  }

  @Test
  void tilesOfASparseSourceReferenceOnlyTheTilesItHas() {
    Segmentation seg = builder(sparseSource(), everyTile()).tilePixelArray(true).build();
    int referenced = 0;
    for (DicomDataset f : seg.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
      DicomDataset d = f.getItem(Tag.DerivationImageSequence);
      if (d != null) {
        referenced++;
        int row = position(f).getInt(Tag.RowPositionInTotalImagePixelMatrix, 0);
        int frame = d.getItem(Tag.SourceImageSequence).getInt(Tag.ReferencedFrameNumber, 0);
        assertEquals(row == 9 ? 1 : row == 1 ? 2 : 3, frame);
      }
    }
    assertEquals(3, referenced);
  }

  // ---------------------------------------------------------------- argument checks

  private static IllegalArgumentException rejects(Segmentation.Builder b) {
    return assertThrows(IllegalArgumentException.class, b::build);
  }

  @Test
  void rejectsNonPositiveTileSize() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Segmentation.builder().tileSize(0, 5));
    assertTrue(e.getMessage().startsWith("tileSize"), e.getMessage());
  }

  @Test
  void rejectsTotalPixelMatrixOfAnotherSize() {
    IllegalArgumentException e =
        rejects(builder(source(), NdArray.zeros(DType.UINT8, 20, 16)).tilePixelArray(true));
    assertTrue(e.getMessage().contains("TotalPixelMatrixRows (0048,0007)"), e.getMessage());
    assertTrue(e.getMessage().contains("20 x 16"), e.getMessage());
  }

  @Test
  void rejectsTilingWithoutATiledSource() {
    IllegalArgumentException e =
        rejects(
            builder(SegTestData.enhancedCt(2, 4, 4), NdArray.zeros(DType.UINT8, 4, 4))
                .tilePixelArray(true));
    assertTrue(e.getMessage().startsWith("tilePixelArray requires a tiled source"), e.getMessage());
  }

  @Test
  void totalPixelMatrixOfAnUntiledSegmentationNamesTheTotalPixelMatrixTags() {
    // PS3.6: Total Pixel Matrix Columns is (0048,0006), Total Pixel Matrix Rows (0048,0007).
    NdArray labels = NdArray.zeros(DType.UINT8, 2, 4, 4);
    labels.setDouble(1, 0, 1, 1);
    Segmentation seg =
        builder(SegTestData.enhancedCt(2, 4, 4), labels)
            .segmentDescriptions(SegTestData.descriptions(1))
            .build();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> seg.getTotalPixelMatrix(SegmentPixelOptions.DEFAULT));
    assertTrue(e.getMessage().contains("TotalPixelMatrixRows (0048,0007)"), e.getMessage());
    assertTrue(e.getMessage().contains("TotalPixelMatrixColumns (0048,0006)"), e.getMessage());
  }

  @Test
  void rejectsASourceWithoutFrames() {
    DicomDataset src = source();
    src.setInt(Tag.NumberOfFrames, VR.IS, -1);
    IllegalArgumentException e = rejects(builder(src, everyTile()).tilePixelArray(true));
    assertTrue(e.getMessage().contains("NumberOfFrames (0028,0008)"), e.getMessage());
  }

  @Test
  void rejectsATiledFullSourceWithMoreFramesThanTiles() {
    // PS3.3 C.7.6.17.3: a TILED_FULL image has one frame per tile, focal plane and optical path;
    // a corrupt count must not allocate per claimed frame.
    DicomDataset src = source();
    src.setInt(Tag.NumberOfFrames, VR.IS, 2_000_000_000);
    IllegalArgumentException e = rejects(builder(src, everyTile()).tilePixelArray(true));
    assertTrue(e.getMessage().contains("NumberOfFrames (0028,0008)"), e.getMessage());
    assertTrue(e.getMessage().contains("at most 9"), e.getMessage());
  }

  @Test
  void rejectsATiledFullSourceWithFewerFramesThanTiles() {
    // PS3.3 C.7.6.17.3: TILED_FULL stores every tile. A corrupt matrix size (here 10^10 tiles of
    // one pixel for 9 frames) must be rejected, not listed tile by tile.
    DicomDataset src = source();
    src.setInt(Tag.TotalPixelMatrixRows, VR.UL, 100_000);
    src.setInt(Tag.TotalPixelMatrixColumns, VR.UL, 100_000);
    src.setInt(Tag.Rows, VR.US, 1);
    src.setInt(Tag.Columns, VR.US, 1);
    IllegalArgumentException e =
        rejects(builder(src, NdArray.zeros(DType.UINT8, 9, 1, 1)).omitEmptyFrames(false));
    assertTrue(e.getMessage().contains("NumberOfFrames (0028,0008)"), e.getMessage());
    assertTrue(e.getMessage().contains("10000000000 tiles"), e.getMessage());
  }

  @Test
  void rejectsASparseSourceWithMoreFramesThanItems() {
    DicomDataset src = sparseSource();
    src.setInt(Tag.NumberOfFrames, VR.IS, 2_000_000_000);
    IllegalArgumentException e = rejects(builder(src, everyTile()).tilePixelArray(true));
    assertTrue(e.getMessage().contains("PerFrameFunctionalGroupsSequence"), e.getMessage());
  }

  @Test
  void rejectsTiledFullWithOmittedEmptyFrames() {
    IllegalArgumentException e =
        rejects(
            builder(source(), everyTile())
                .tilePixelArray(true)
                .dimensionOrganizationType(DimensionOrganizationTypeValues.TILED_FULL));
    assertTrue(e.getMessage().startsWith("omitEmptyFrames must be false"), e.getMessage());
  }

  @Test
  void rejectsTiledOrganisationsForUntiledSources() {
    IllegalArgumentException e =
        rejects(
            builder(SegTestData.enhancedCt(2, 4, 4), NdArray.zeros(DType.UINT8, 2, 4, 4))
                .omitEmptyFrames(false)
                .dimensionOrganizationType(DimensionOrganizationTypeValues.TILED_FULL));
    assertTrue(e.getMessage().contains("requires a tiled source image"), e.getMessage());
  }

  @Test
  void rejects3dOrganisationForTiledSources() {
    IllegalArgumentException e =
        rejects(
            builder(source(), everyTile())
                .tilePixelArray(true)
                .dimensionOrganizationType(DimensionOrganizationTypeValues.THREE_DIMENSIONAL));
    assertTrue(e.getMessage().contains("expected TILED_SPARSE or TILED_FULL"), e.getMessage());
  }

  @Test
  void rejectsFramesThatDoNotMatchTheSourceTiles() {
    IllegalArgumentException e = rejects(builder(source(), NdArray.zeros(DType.UINT8, 8, 8, 6)));
    assertTrue(e.getMessage().contains("expected one per source frame: 9"), e.getMessage());
    e = rejects(builder(source(), NdArray.zeros(DType.UINT8, 9, 8, 7)));
    assertTrue(
        e.getMessage().contains("expected the source's Rows x Columns 8 x 6"), e.getMessage());
  }

  @Test
  void rejectsSeveralPlanePositionsForATotalPixelMatrix() {
    IllegalArgumentException e =
        rejects(
            builder(source(), everyTile())
                .tilePixelArray(true)
                .planePositions(new double[][] {{0, 0, 0}, {1, 1, 0}}));
    assertTrue(e.getMessage().startsWith("planePositions must hold one position"), e.getMessage());
  }

  @Test
  void rejectsGeometryOptionsForFramesOfATiledSource() {
    IllegalArgumentException e =
        rejects(
            builder(source(), NdArray.zeros(DType.UINT8, 9, 8, 6))
                .planePositions(new double[][] {{0, 0, 0}}));
    assertTrue(e.getMessage().contains("require tilePixelArray(true)"), e.getMessage());
    e = rejects(builder(source(), NdArray.zeros(DType.UINT8, 9, 8, 6)).tileSize(4, 4));
    assertTrue(e.getMessage().startsWith("tileSize requires tilePixelArray"), e.getMessage());
  }

  @Test
  void rejectsSeveralTotalPixelMatrices() {
    IllegalArgumentException e =
        rejects(builder(source(), NdArray.zeros(DType.UINT8, 2, 20, 15, 2)).tilePixelArray(true));
    assertTrue(e.getMessage().contains("one total pixel matrix"), e.getMessage());
  }

  @Test
  void stackedTotalPixelMatrixKeepsSegmentsApart() throws Exception {
    NdArray stacked = NdArray.zeros(DType.UINT8, 20, 15, 2);
    stacked.setDouble(1, 0, 0, 0);
    stacked.setDouble(1, 0, 0, 1); // overlap in the first pixel
    stacked.setDouble(1, 19, 14, 1);
    Segmentation seg = builder(source(), stacked).tilePixelArray(true).build();
    assertEquals(SegmentsOverlapValues.YES, seg.segmentsOverlap());
    assertEquals(3, seg.numberOfFrames());
    Path file = dir.resolve("stacked.dcm");
    seg.write(file);
    NdArray tpm = Segmentation.read(file).getTotalPixelMatrix(SegmentPixelOptions.DEFAULT);
    assertArrayEquals(new int[] {20, 15, 2}, tpm.shape());
    assertEquals(stacked.astype(tpm.dtype()), tpm);
    assertFalse(seg.dataset().contains(Tag.ImageOrientationPatient));
  }
}
