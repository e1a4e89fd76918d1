package org.highdicom4j.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCtSeriesTest {

  @Test
  void writesSlicesThatReadBackWithTheirGeometryAndPixels(@TempDir Path dir) throws Exception {
    SyntheticCtSeries s = new SyntheticCtSeries(4, 16, 20, 0.5, 2.0);
    List<Path> files = s.writeTo(dir);
    assertEquals(4, files.size());
    DicomDataset ds = DicomReader.read(files.get(2)).dataset();
    assertEquals(UID.CTImageStorage, ds.getString(Tag.SOPClassUID));
    assertEquals(s.seriesInstanceUid(), ds.getString(Tag.SeriesInstanceUID));
    // Slice 2 lies 2 × 2.0 mm along +z; the first pixel centre sits at -(n-1)/2 × spacing.
    assertArrayEquals(
        new double[] {-(20 - 1) * 0.5 / 2, -(16 - 1) * 0.5 / 2, 4.0},
        ds.getDoubles(Tag.ImagePositionPatient),
        1e-9);
    byte[] px = ds.getBytes(Tag.PixelData);
    assertEquals(16 * 20 * 2, px.length);
    short first = (short) ((px[0] & 0xff) | px[1] << 8);
    assertEquals(SyntheticCtSeries.AIR, first, "the corner lies outside the body");
    short[] expected = s.slicePixels(2);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], (short) ((px[2 * i] & 0xff) | px[2 * i + 1] << 8));
    }
  }

  @Test
  void containsEveryOrganAtItsHounsfieldValue() {
    SyntheticCtSeries s = new SyntheticCtSeries(40, 64, 64, 1, 1);
    java.util.Set<Short> seen = new java.util.HashSet<>();
    for (int z = 0; z < 40; z++) {
      for (short v : s.slicePixels(z)) {
        seen.add(v);
      }
    }
    for (SyntheticCtSeries.Organ o : SyntheticCtSeries.Organ.values()) {
      assertEquals(true, seen.contains(o.hounsfieldUnits()), o.label());
    }
  }

  @Test
  void rejectsDegenerateGeometry() {
    assertThrows(IllegalArgumentException.class, () -> new SyntheticCtSeries(0, 16, 16, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new SyntheticCtSeries(1, 16, 16, 0, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new SyntheticCtSeries(2, 16, 16, 1, 1).slice(2));
  }
}
