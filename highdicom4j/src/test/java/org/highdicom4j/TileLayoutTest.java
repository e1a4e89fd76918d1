package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.junit.jupiter.api.Test;

class TileLayoutTest {
  private static final int CORRUPT = Integer.MAX_VALUE;

  /**
   * A 4 x 4 total pixel matrix of 2 x 2 tiles, 8-bit; frame k holds the value k + 1 in every pixel.
   */
  private static DicomDataset tiled(int storedFrames, int numberOfFrames, boolean tiledFull) {
    DicomDataset ds = new DicomDataset();
    ds.setInt(Tag.Rows, VR.US, 2);
    ds.setInt(Tag.Columns, VR.US, 2);
    ds.setInt(Tag.TotalPixelMatrixRows, VR.UL, 4);
    ds.setInt(Tag.TotalPixelMatrixColumns, VR.UL, 4);
    ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
    ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
    ds.setInt(Tag.BitsAllocated, VR.US, 8);
    ds.setInt(Tag.BitsStored, VR.US, 8);
    ds.setInt(Tag.HighBit, VR.US, 7);
    ds.setInt(Tag.PixelRepresentation, VR.US, 0);
    ds.setInt(Tag.NumberOfFrames, VR.IS, numberOfFrames);
    byte[] px = new byte[storedFrames * 4];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) (i / 4 + 1);
    }
    ds.setBytes(Tag.PixelData, VR.OB, px);
    if (tiledFull) {
      ds.setString(Tag.DimensionOrganizationType, VR.CS, "TILED_FULL");
    } else {
      Sequence pffg = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
      for (int k = 0; k < 4; k++) {
        DicomDataset pos =
            pffg.addNewItem().newSequence(Tag.PlanePositionSlideSequence).addNewItem();
        pos.setInt(Tag.RowPositionInTotalImagePixelMatrix, VR.SL, k / 2 * 2 + 1);
        pos.setInt(Tag.ColumnPositionInTotalImagePixelMatrix, VR.SL, k % 2 * 2 + 1);
      }
    }
    return ds;
  }

  private static Image image(DicomDataset ds) {
    return Image.fromDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
  }

  @Test
  void tiledFullImageStitchesTilesRowByRow() throws Exception {
    Image img = image(tiled(4, 4, true));
    assertTrue(img.isIndexableAsTotalPixelMatrix());
    NdArray tpm =
        img.getTotalPixelMatrix(PixelTransformOptions.builder().dtype(DType.UINT8).build());
    // PS3.3 C.7.6.17.3: TILED_FULL frames fill the matrix row by row, 2 tiles per row
    byte[] expected = {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4};
    assertEquals(java.util.HexFormat.of().formatHex(expected), hex(tpm.toLittleEndian()));
  }

  private static String hex(byte[] b) {
    return java.util.HexFormat.of().formatHex(b);
  }

  @Test
  void rejectsCorruptNumberOfFramesOfTiledFullImageBeforeSizingTheLayout() {
    Image img = image(tiled(4, CORRUPT, true));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, img::isIndexableAsTotalPixelMatrix);
    assertTrue(e.getMessage().startsWith("NumberOfFrames (0028,0008)"), e.getMessage());
    assertTrue(e.getMessage().endsWith(": " + CORRUPT), e.getMessage());
  }

  @Test
  void rejectsTiledFullNumberOfFramesAboveTheTileCount() {
    // the Pixel Data holds 5 frames, but a 4 x 4 matrix of 2 x 2 tiles has only 4 positions
    Image img = image(tiled(5, 5, true));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, img::isIndexableAsTotalPixelMatrix);
    assertTrue(e.getMessage().startsWith("NumberOfFrames (0028,0008)"), e.getMessage());
    assertTrue(e.getMessage().contains("(expected ≤ 4"), e.getMessage());
  }

  @Test
  void rejectsCorruptNumberOfFramesOfTiledSparseImage() {
    Image img = image(tiled(4, CORRUPT, false));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> img.getTotalPixelMatrix(PixelTransformOptions.DEFAULT));
    assertTrue(e.getMessage().startsWith("NumberOfFrames (0028,0008)"), e.getMessage());
  }

  @Test
  void rejectsNumberOfFramesThatDisagreesWithThePerFrameFunctionalGroups() {
    // 5 frames of Pixel Data, 4 Per-Frame Functional Groups items
    Image img = image(tiled(5, 5, false));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, img::isIndexableAsTotalPixelMatrix);
    assertTrue(e.getMessage().startsWith("NumberOfFrames (0028,0008)"), e.getMessage());
    assertTrue(e.getMessage().contains("PerFrameFunctionalGroupsSequence (5200,9230)"));
  }

  @Test
  void rejectsCorruptNumberOfFramesOfEncapsulatedTiledImageByItsFragmentCount() {
    DicomDataset ds = tiled(4, CORRUPT, true);
    Fragments f = new Fragments();
    f.add(new byte[0]);
    for (int k = 0; k < 4; k++) {
      f.add(new byte[] {1, 2});
    }
    ds.setFragments(Tag.PixelData, VR.OB, f);
    Image img = Image.fromDataset(ds, TransferSyntax.ENCAPSULATED_UNCOMPRESSED);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, img::isIndexableAsTotalPixelMatrix);
    assertTrue(e.getMessage().startsWith("NumberOfFrames (0028,0008)"), e.getMessage());
    assertTrue(e.getMessage().contains("4 fragments"), e.getMessage());
  }

  @Test
  void allFramesOfCorruptNumberOfFramesFailAsUnusableBytes() {
    Image img = image(tiled(4, CORRUPT, true));
    DicomStreamException e = assertThrows(DicomStreamException.class, img::getStoredFrames);
    assertTrue(e.getMessage().startsWith("NumberOfFrames (0028,0008)"), e.getMessage());
    assertThrows(DicomStreamException.class, () -> img.getFrames(PixelTransformOptions.DEFAULT));
  }
}
