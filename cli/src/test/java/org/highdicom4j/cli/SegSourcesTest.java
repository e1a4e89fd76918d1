package org.highdicom4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/** {@link SegSources}: the label map grid of source images. */
class SegSourcesTest {
  /**
   * A one-frame enhanced image: position, orientation and Pixel Measures (with Slice Thickness) in
   * the shared functional groups, as PS3.3 C.7.6.16.2.1 places them; no top-level Slice Thickness.
   */
  private static DicomDataset oneFrame(double thickness) {
    DicomDataset ds = new DicomDataset();
    ds.setInt(Tag.NumberOfFrames, VR.IS, 1);
    DicomDataset shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addNewItem();
    DicomDataset pm = shared.newSequence(Tag.PixelMeasuresSequence).addNewItem();
    pm.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.75);
    pm.setDouble(Tag.SliceThickness, VR.DS, thickness);
    shared
        .newSequence(Tag.PlaneOrientationSequence)
        .addNewItem()
        .setDouble(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
    ds.newSequence(Tag.PerFrameFunctionalGroupsSequence)
        .addNewItem()
        .newSequence(Tag.PlanePositionSequence)
        .addNewItem()
        .setDouble(Tag.ImagePositionPatient, VR.DS, -4, -5, 6);
    return ds;
  }

  @Test
  void oneFrameSliceAxisSpansTheFunctionalGroupSliceThickness() {
    double[][] a = SegSources.multiFrameAffine(oneFrame(3.0));
    assertNotNull(a);
    // Axis 0 along the normal (0, 0, 1) by Slice Thickness; axis 1 (rows) along the column
    // cosines by the row spacing, axis 2 along the row cosines by the column spacing.
    assertArrayEquals(new double[] {0, 0, 3.0}, new double[] {a[0][0], a[1][0], a[2][0]}, 1e-12);
    assertArrayEquals(new double[] {0, 0.5, 0}, new double[] {a[0][1], a[1][1], a[2][1]}, 1e-12);
    assertArrayEquals(new double[] {0.75, 0, 0}, new double[] {a[0][2], a[1][2], a[2][2]}, 1e-12);
    assertArrayEquals(new double[] {-4, -5, 6}, new double[] {a[0][3], a[1][3], a[2][3]}, 1e-12);
  }
}
