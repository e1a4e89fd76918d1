package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** LUT-01…LUT-04 and PT-10: construction checks, round trips and apply(). */
class LUTTest {
  private static NdArray u16(int... v) {
    short[] s = new short[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = (short) v[i];
    }
    return NdArray.wrap(DType.UINT16, s, v.length);
  }

  private static NdArray u8(int... v) {
    byte[] s = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = (byte) v[i];
    }
    return NdArray.wrap(DType.UINT8, s, v.length);
  }

  private static void assertMessage(String fragment, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(fragment), x.getMessage());
  }

  @Test
  void rejectsInvalidLutArguments() {
    assertMessage("must be non-negative", () -> new LUT(-1, u16(1), null));
    assertMessage("must be less than 2^16", () -> new LUT(65536, u16(1), null));
    assertMessage("uint8 or uint16", () -> new LUT(0, NdArray.zeros(DType.INT16, 3), null));
    assertMessage("single dimension", () -> new LUT(0, NdArray.zeros(DType.UINT16, 2, 2), null));
    assertMessage("must not be empty", () -> new LUT(0, NdArray.zeros(DType.UINT16, 0), null));
    assertMessage(
        "no greater than 2^16", () -> new LUT(0, NdArray.zeros(DType.UINT16, 65537), null));
    assertMessage("LUTExplanation", () -> new LUT(0, u16(1), "a\\b"));
    assertMessage("too long", () -> new LUT(0, u16(1), "x".repeat(65)));
    assertThrows(NullPointerException.class, () -> new LUT(0, null, null));
  }

  @Test
  void roundTripsThroughADatasetWithPaddedEightBitData() {
    LUT lut = new LUT(10, u8(5, 6, 7), "three");
    DicomDataset ds = lut.toDataset();
    assertEquals(4, ds.getBytes(Tag.LUTData).length, "padded to even length");
    assertArrayEquals(new int[] {3, 10, 8}, ds.getInts(Tag.LUTDescriptor));
    LUT back = LUT.fromDataset(ds);
    assertEquals(lut.lutData(), back.lutData());
    assertEquals(10, back.firstMappedValue());
    assertEquals(8, back.bitsPerEntry());
    assertEquals("three", back.lutExplanation());
    // 65536 entries are written as 0 in the descriptor (PS3.3 C.11.1.1.1)
    LUT full = new LUT(0, NdArray.zeros(DType.UINT16, 65536), null);
    assertEquals(0, full.toDataset().getInts(Tag.LUTDescriptor)[0]);
    assertEquals(65536, LUT.fromDataset(full.toDataset()).numberOfEntries());
  }

  @Test
  void fromDatasetRequiresDescriptorAndData() {
    DicomDataset ds = new LUT(0, u16(1, 2), null).toDataset();
    ds.remove(Tag.LUTData);
    assertMessage("LUTData (0028,3006) is missing", () -> LUT.fromDataset(ds));
    DicomDataset short1 = new LUT(0, u16(1, 2), null).toDataset();
    short1.setInt(Tag.LUTDescriptor, org.highdicom4j.dicom.data.VR.US, 3, 0, 16);
    assertMessage("does not match the number of entries", () -> LUT.fromDataset(short1));
  }

  @Test
  void appliesWithClippingAtBothEnds() {
    LUT lut = new LUT(2, u16(100, 200, 300), null);
    NdArray in = NdArray.wrap(DType.INT16, new short[] {-5, 2, 3, 4, 9}, 5);
    NdArray out = lut.apply(in, null);
    assertEquals(DType.UINT16, out.dtype());
    assertEquals(u16(100, 100, 200, 300, 300), out);
    assertEquals(DType.INT32, lut.apply(in, DType.INT32).dtype());
    assertMessage("according to the rule 'safe'", () -> lut.apply(in, DType.INT16));
  }

  @Test
  void scalesAndInvertsLutData() {
    LUT lut = new LUT(0, u16(10, 15, 20), null);
    NdArray scaled = lut.getScaledLutData(0, 1, DType.FLOAT64, false);
    assertArrayEquals(new double[] {0, 0.5, 1}, (double[]) scaled.data(), 1e-12);
    NdArray inv = lut.getScaledLutData(-1, 1, DType.FLOAT32, true);
    assertEquals(1.0, inv.getFlatDouble(0), 1e-6);
    assertEquals(-1.0, inv.getFlatDouble(2), 1e-6);
    assertEquals(u16(20, 15, 10), lut.getInvertedLutData());
    assertMessage("is not suitable", () -> lut.getScaledLutData(0, 1, DType.INT32, false));
    assertMessage("Invalid output range", () -> lut.getScaledLutData(1, 1, DType.FLOAT64, false));
  }

  @Test
  void modalityLutCarriesItsTypeAndValidatesIt() {
    ModalityLUT m = new ModalityLUT(RescaleTypeValues.HU, 0, u16(1, 2), null);
    DicomDataset ds = m.toDataset();
    assertEquals("HU", ds.getString(Tag.ModalityLUTType));
    assertEquals("HU", ModalityLUT.fromDataset(ds).lutType());
    assertMessage("ModalityLUTType", () -> new ModalityLUT("a\\b", 0, u16(1), null));
    assertEquals(
        u16(1, 2), VOILUT.fromDataset(new VOILUT(0, u16(1, 2), null).toDataset()).lutData());
    assertEquals(
        3,
        PresentationLUT.fromDataset(new PresentationLUT(0, u16(1, 2, 3), null).toDataset())
            .numberOfEntries());
  }

  @Test
  void modalityTransformationNeedsEitherLutOrAllRescaleArguments() {
    ModalityLUT m = new ModalityLUT("US", 0, u16(1), null);
    assertMessage(
        "\"rescale_intercept\" must not be specified",
        () -> new ModalityLUTTransformation(1.0, null, null, m));
    assertMessage(
        "\"rescale_slope\" must not be specified",
        () -> new ModalityLUTTransformation(null, 1.0, null, m));
    assertMessage(
        "\"rescale_type\" must not be specified",
        () -> new ModalityLUTTransformation(null, null, "HU", m));
    assertMessage(
        "\"rescale_intercept\" must be specified",
        () -> new ModalityLUTTransformation(null, 1.0, "HU", null));
    assertMessage(
        "\"rescale_slope\" must be specified",
        () -> new ModalityLUTTransformation(0.0, null, "HU", null));
    assertMessage(
        "\"rescale_type\" must be specified",
        () -> new ModalityLUTTransformation(0.0, 1.0, null, null));
    assertTrue(ModalityLUTTransformation.ofLut(m).hasLut());
  }

  @Test
  void modalityTransformationAppliesRescaleWithCapacityChecks() {
    ModalityLUTTransformation t =
        ModalityLUTTransformation.ofRescale(-1024, 2, RescaleTypeValues.HU);
    assertFalse(t.hasLut());
    NdArray in = NdArray.wrap(DType.UINT16, new short[] {0, 1000}, 2);
    NdArray out = t.apply(in, null);
    assertEquals(DType.FLOAT64, out.dtype());
    assertArrayEquals(new double[] {-1024, 976}, (double[]) out.data());
    assertMessage("unsigned integer", () -> t.apply(in, DType.UINT32));
    assertMessage("does not have capacity", () -> t.apply(in, DType.INT16));
    assertEquals(976, t.apply(in, DType.INT32).getFlatLong(1));
    ModalityLUTTransformation back = ModalityLUTTransformation.fromDataset(t.toDataset());
    assertEquals(-1024.0, back.rescaleIntercept());
    assertEquals(2.0, back.rescaleSlope());
    assertEquals("HU", back.rescaleType());
    assertNull(ModalityLUTTransformation.fromDataset(new DicomDataset()));
  }

  @Test
  void voiTransformationValidatesLikeHighdicom() {
    double[] one = {1};
    double[] two = {1, 2};
    assertMessage(
        "\"window_width\" is not provided",
        () -> new VOILUTTransformation(one, null, null, null, null));
    assertMessage(
        "\"window_center\" is not provided",
        () -> new VOILUTTransformation(null, one, null, null, null));
    assertMessage(
        "must match length of \"window_center\"",
        () -> new VOILUTTransformation(one, two, null, null, null));
    assertMessage(
        "\"window_explanation\" must match",
        () -> new VOILUTTransformation(one, one, new String[] {"a", "b"}, null, null));
    assertMessage(
        "\"voi_lut_function\" is invalid",
        () ->
            new VOILUTTransformation(
                null,
                null,
                null,
                VOILUTFunctionValues.SIGMOID,
                List.of(new VOILUT(0, u16(1), null))));
    assertMessage(
        "should not be empty", () -> new VOILUTTransformation(null, null, null, null, List.of()));
    assertMessage("At least one of", () -> new VOILUTTransformation(null, null, null, null, null));
    assertMessage(
        "must not be an empty sequence",
        () -> new VOILUTTransformation(new double[0], new double[0], null, null, null));
  }

  @Test
  void voiTransformationAppliesWindowOrLutAndRoundTrips() {
    VOILUT lut = new VOILUT(0, u16(0, 50, 100), "L");
    VOILUTTransformation t =
        new VOILUTTransformation(
            new double[] {40}, new double[] {80}, new String[] {"W"}, null, List.of(lut));
    assertTrue(t.hasLut());
    assertTrue(t.hasWindow());
    NdArray x = NdArray.wrap(DType.INT16, new short[] {0, 1, 2}, 3);
    // the window is preferred unless preferLut
    NdArray w = t.apply(x);
    assertEquals((0 - (40 - 0.5)) / 79 + 0.5, w.getFlatDouble(0), 1e-12);
    NdArray l = t.apply(x, 0, 1, 0, DType.FLOAT64, false, true);
    assertArrayEquals(new double[] {0, 0.5, 1}, (double[]) l.data(), 1e-12);
    NdArray li = t.apply(x, 0, 1, "L", DType.FLOAT64, true, true);
    assertArrayEquals(new double[] {1, 0.5, 0}, (double[]) li.data(), 1e-12);
    assertMessage(
        "Requested 'voi_transform_selector' is not present.",
        () -> t.apply(x, 0, 1, 2, DType.FLOAT64, false, false));
    assertMessage("is not suitable", () -> t.apply(x, 0, 1, 0, DType.INT32, false, false));
    VOILUTTransformation back = VOILUTTransformation.fromDataset(t.toDataset());
    assertArrayEquals(new double[] {40}, back.windowCenter());
    assertArrayEquals(new String[] {"W"}, back.windowExplanation());
    assertEquals(u16(0, 50, 100), back.voiLuts().get(0).lutData());
  }

  @Test
  void presentationTransformationTakesShapeOrLutNotBoth() {
    PresentationLUT lut = new PresentationLUT(0, u16(1), null);
    assertMessage(
        "Only one of arguments",
        () -> new PresentationLUTTransformation(PresentationLUTShapeValues.INVERSE, lut));
    PresentationLUTTransformation dflt = new PresentationLUTTransformation(null, null);
    assertEquals(PresentationLUTShapeValues.IDENTITY, dflt.presentationLutShape());
    assertEquals("IDENTITY", dflt.toDataset().getString(Tag.PresentationLUTShape));
    PresentationLUTTransformation back =
        PresentationLUTTransformation.fromDataset(
            new PresentationLUTTransformation(null, lut).toDataset());
    assertEquals(1, back.presentationLut().numberOfEntries());
  }

  @Test
  void enumsParseTheirDicomValuesAndListAllowedOnes() {
    assertEquals(
        VOILUTFunctionValues.LINEAR_EXACT, VOILUTFunctionValues.fromValue("LINEAR_EXACT "));
    assertEquals(
        PresentationLUTShapeValues.INVERSE, PresentationLUTShapeValues.fromValue("INVERSE"));
    assertEquals(RescaleTypeValues.HU_MOD, RescaleTypeValues.fromValue("HU_MOD"));
    assertMessage("SIGMOID", () -> VOILUTFunctionValues.fromValue("CUBIC"));
    assertMessage("IDENTITY", () -> PresentationLUTShapeValues.fromValue("X"));
    assertMessage("HU", () -> RescaleTypeValues.fromValue("X"));
  }
}
