package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** LUT-05 and PT-07/PT-10: palette colour LUTs, plain and segmented (PS3.3 C.7.9.2). */
class PaletteColorLUTTest {
  private static NdArray u8(int... v) {
    byte[] s = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = (byte) v[i];
    }
    return NdArray.wrap(DType.UINT8, s, v.length);
  }

  private static NdArray u16(int... v) {
    short[] s = new short[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = (short) v[i];
    }
    return NdArray.wrap(DType.UINT16, s, v.length);
  }

  private static void assertMessage(String fragment, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(fragment), x.getMessage());
  }

  @Test
  void rejectsInvalidChannels() {
    assertMessage("\"color\" must be either", () -> new PaletteColorLUT(0, u8(1), "purple"));
    assertMessage("must be non-negative", () -> new PaletteColorLUT(-1, u8(1), "red"));
    assertMessage("2^(bits per entry)", () -> new PaletteColorLUT(256, u8(1), "red"));
    assertMessage(
        "no greater than 2^(bits per entry)",
        () -> new PaletteColorLUT(0, NdArray.zeros(DType.UINT8, 257), "red"));
    assertMessage(
        "uint8 or uint16", () -> new PaletteColorLUT(0, NdArray.zeros(DType.INT8, 2), "red"));
    PaletteColorLUT r = new PaletteColorLUT(0, u8(1, 2), "red");
    PaletteColorLUT g = new PaletteColorLUT(0, u8(1, 2), "green");
    PaletteColorLUT b = new PaletteColorLUT(0, u8(1, 2), "blue");
    assertMessage(
        "does not correspond to red color", () -> new PaletteColorLUTTransformation(g, g, b, null));
    assertMessage(
        "same number of entries",
        () -> new PaletteColorLUTTransformation(r, g, new PaletteColorLUT(0, u8(1), "blue"), null));
    assertMessage(
        "same number of bits per entry",
        () ->
            new PaletteColorLUTTransformation(
                r, g, new PaletteColorLUT(0, u16(1, 2), "blue"), null));
    assertMessage(
        "same first mapped value",
        () ->
            new PaletteColorLUTTransformation(
                r, g, new PaletteColorLUT(1, u8(1, 2), "blue"), null));
  }

  @Test
  void buildsFromColorNamesAndAppliesThem() {
    PaletteColorLUTTransformation t =
        PaletteColorLUTTransformation.fromColors(
            List.of("black", "red", "orange", "#0000ff", "RGB(1, 2, 3)"), 1, "1.2.3");
    assertEquals(5, t.numberOfEntries());
    assertEquals(8, t.bitsPerEntry());
    assertEquals(1, t.firstMappedValue());
    NdArray rgb = t.apply(u8(2, 3, 5), null);
    assertArrayEquals(new int[] {3, 3}, rgb.shape());
    assertEquals(255, rgb.getLong(0, 0));
    assertEquals(165, rgb.getLong(1, 1), "CSS orange is #ffa500");
    assertEquals(3, rgb.getLong(2, 2));
    assertMessage(
        "may not be empty", () -> PaletteColorLUTTransformation.fromColors(List.of(), 0, null));
    assertMessage(
        "unknown color", () -> PaletteColorLUTTransformation.fromColors(List.of("nope"), 0, null));
    DicomDataset ds = t.toDataset();
    assertEquals("1.2.3", ds.getString(Tag.PaletteColorLookupTableUID));
    assertEquals(6, ds.getBytes(Tag.RedPaletteColorLookupTableData).length, "padded to even");
    PaletteColorLUTTransformation back = PaletteColorLUTTransformation.extractFromDataset(ds);
    assertEquals(t.combinedLutData(), back.combinedLutData());
    assertMessage(
        "shape (number_of_entries, 3)",
        () ->
            PaletteColorLUTTransformation.fromCombinedLut(
                NdArray.zeros(DType.UINT8, 4, 2), 0, null));
  }

  @Test
  void expandsDiscreteLinearAndIndirectSegmentsAsPs3Defines() {
    // discrete: 3 values 10 20 30; linear: 4 entries from 30 (exclusive) to 70 (inclusive);
    // indirect: copy 1 segment from offset 0 (the discrete one)
    NdArray seg = u16(0, 3, 10, 20, 30, 1, 4, 70, 2, 1, 0, 0);
    SegmentedPaletteColorLUT s = new SegmentedPaletteColorLUT(0, seg, "green");
    assertEquals(u16(10, 20, 30, 40, 50, 60, 70, 10, 20, 30), s.lutData());
    assertEquals(10, s.numberOfEntries());
    // rounding half to even: 0 → 5 over 2 entries gives 2.5 → 2, then 5
    SegmentedPaletteColorLUT r = new SegmentedPaletteColorLUT(0, u8(0, 1, 0, 1, 2, 5), "red");
    assertEquals(u8(0, 2, 5), r.lutData());
    assertMessage(
        "first segment cannot be a linear",
        () -> new SegmentedPaletteColorLUT(0, u16(1, 2, 5), "red"));
    assertMessage(
        "unknown segment type", () -> new SegmentedPaletteColorLUT(0, u16(7, 1, 1), "red"));
    assertMessage("runs past the data", () -> new SegmentedPaletteColorLUT(0, u16(0, 5, 1), "red"));
    assertMessage(
        "exceeds 65536",
        () -> new SegmentedPaletteColorLUT(0, u16(0, 1, 1, 1, 65535, 1, 1, 65535, 2), "red"));
  }

  @Test
  void segmentedTransformationExpandsAndRoundTrips() {
    SegmentedPaletteColorLUT r = new SegmentedPaletteColorLUT(0, u16(0, 2, 0, 0, 1, 2, 100), "red");
    SegmentedPaletteColorLUT g = new SegmentedPaletteColorLUT(0, u16(0, 4, 1, 2, 3, 4), "green");
    SegmentedPaletteColorLUT b = new SegmentedPaletteColorLUT(0, u16(0, 1, 9, 1, 3, 0), "blue");
    PaletteColorLUTTransformation t = PaletteColorLUTTransformation.ofSegmented(r, g, b, null);
    assertTrue(t.isSegmented());
    assertEquals(4, t.numberOfEntries());
    assertEquals(u16(0, 0, 50, 100), t.redLut().lutData());
    assertEquals(u16(9, 6, 3, 0), t.blueLut().lutData());
    PaletteColorLUTTransformation back =
        PaletteColorLUTTransformation.extractFromDataset(t.toDataset());
    assertTrue(back.isSegmented());
    assertEquals(t.combinedLutData(), back.combinedLutData());
  }

  @Test
  void readsThePaletteIodsOfTheCorpusLikePydicom() throws Exception {
    for (String name : new String[] {"fall", "spring", "summer", "winter", "hotiron", "pet"}) {
      Path p = Corpus.file("pydicom-palettes/" + name + ".dcm");
      PaletteColorLUTTransformation t =
          PaletteColorLUTTransformation.extractFromDataset(DicomReader.read(p).dataset());
      assertEquals(!name.equals("hotiron") && !name.equals("pet"), t.isSegmented(), name);
      NdArray all = NdArray.zeros(DType.UINT16, t.numberOfEntries());
      for (int i = 0; i < all.size(); i++) {
        all.setFlatLong(i, i + t.firstMappedValue());
      }
      NdArray rgb = t.apply(all, DType.FLOAT64);
      Path f64 = Corpus.writeFloat64(rgb);
      String out =
          Corpus.python(
              "import pydicom, numpy as np\n"
                  + "from pydicom.pixel_data_handlers.util import apply_color_lut\n"
                  + "ds = pydicom.dcmread(r'"
                  + p
                  + "')\n"
                  + "n = ds.RedPaletteColorLookupTableDescriptor[0] or 65536\n"
                  + "first = ds.RedPaletteColorLookupTableDescriptor[1]\n"
                  + "ref = apply_color_lut(np.arange(first, first + n, dtype=np.uint16), ds)\n"
                  + "ours = np.fromfile(r'"
                  + f64
                  + "', '<f8').reshape(ref.shape)\n"
                  + "print(float(np.abs(ours - ref).max()))\n");
      assertEquals(0.0, Double.parseDouble(out), name);
    }
    assertFalse(Corpus.file("pydicom-palettes/fall.dcm").toString().isEmpty());
  }
}
