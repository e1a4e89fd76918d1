package org.highdicom4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.highdicom4j.DType;
import org.highdicom4j.Image;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** IO-01: the frame reader over real files of {@code ../shared/testdata}. */
class ImageFileReaderTest {

  static Path file(String relative) {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    if (p == null) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("../shared/testdata is missing but CI is set");
      }
      Assumptions.abort("corpus ../shared/testdata absent: skipping corpus test");
    }
    return p.resolve("shared/testdata").resolve(relative);
  }

  @Test
  void readsMetadataWithoutPixelDataAndFramesByZeroBasedIndex() throws Exception {
    Path path = file("pydicom-data/emri_small_RLE.dcm");
    DicomDataset full = DicomReader.read(path).dataset();
    Image image = Image.read(path);
    try (ImageFileReader reader = new ImageFileReader(path)) {
      IllegalStateException closed =
          assertThrows(IllegalStateException.class, reader::numberOfFrames);
      assertTrue(closed.getMessage().startsWith("ImageFileReader is not open"));
      reader.open();
      assertEquals(10, reader.numberOfFrames());
      assertEquals("1.2.840.10008.1.2.5", reader.transferSyntax().uid());
      DicomDataset meta = reader.metadata();
      assertFalse(meta.contains(Tag.PixelData));
      assertEquals(full.getString(Tag.SOPInstanceUID), meta.getString(Tag.SOPInstanceUID));
      for (int i = 0; i < 10; i++) {
        assertArrayEquals(image.getRawFrame(i + 1), reader.readFrameRaw(i));
        assertEquals(image.getStoredFrame(i + 1), reader.readFrame(i));
      }
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> reader.readFrame(10));
      assertTrue(e.getMessage().startsWith("Frame index is out of range"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> reader.readFrameRaw(-1));
    }
  }

  @Test
  void colourCorrectionConvertsYbrFramesToRgb() throws Exception {
    Path path = file("pydicom-data/SC_ybr_full_uncompressed.dcm");
    try (ImageFileReader reader = new ImageFileReader(path)) {
      reader.open();
      NdArray ybr = reader.readFrame(0, false);
      NdArray rgb = reader.readFrame(0);
      assertEquals(DType.UINT8, rgb.dtype());
      assertArrayEquals(ybr.shape(), rgb.shape());
      assertNotEquals(ybr, rgb);
      // PS3.3 C.7.6.3.1.2: R = Y + 1.402 (Cr - 128), rounded and clipped to 0..255
      double y = ybr.getDouble(10, 10, 0);
      double cr = ybr.getDouble(10, 10, 2);
      long r = Math.max(0, Math.min(255, Math.round(y + 1.402 * (cr - 128))));
      assertEquals(r, rgb.getLong(10, 10, 0), 1.0);
    }
  }

  @Test
  void deflatedFilesAreRefused() throws Exception {
    ImageFileReader reader = new ImageFileReader(file("pydicom/image_dfl.dcm"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, reader::open);
    assertTrue(
        e.getMessage()
            .startsWith("Deflated transfer syntaxes cannot be used with the ImageFileReader."));
    reader.close();
  }
}
