package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.DicomWriter;
import org.highdicom4j.dicom.io.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test (or more) per pixel-transform row PT-01…PT-08 of FEATURES.md, on corpus files that carry
 * the transform. Expected values come from the PS3.3 formulas written out here, or from pydicom's
 * {@code apply_modality_lut}, {@code apply_voi_lut} and {@code apply_color_lut}.
 */
class PixelTransformsCorpusTest {
  @TempDir Path tmp;

  private static PixelTransformOptions.Builder opts() {
    return PixelTransformOptions.builder();
  }

  private static void assertMessage(String fragment, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(fragment), x.getMessage());
  }

  /** PS3.3 C.11.2.1.2.1 LINEAR window with output 0..1. */
  private static double linear(double x, double c, double w) {
    if (x <= c - 0.5 - (w - 1) / 2) {
      return 0;
    }
    if (x > c - 0.5 + (w - 1) / 2) {
      return 1;
    }
    return (x - (c - 0.5)) / (w - 1) + 0.5;
  }

  private static DicomFile load(String name) throws Exception {
    return DicomReader.read(Corpus.file(name));
  }

  private static Image image(DicomFile f) {
    return Image.fromDataset(f.dataset(), f.transferSyntax());
  }

  private double pydicomMaxDiff(Path dicom, NdArray ours, String refExpression) throws Exception {
    Path f64 = Corpus.writeFloat64(ours);
    String script =
        "import pydicom, numpy as np\n"
            + "from pydicom.pixel_data_handlers.util import apply_modality_lut, apply_voi_lut,"
            + " apply_color_lut\n"
            + "ds = pydicom.dcmread(r'"
            + dicom
            + "')\n"
            + "arr = ds.pixel_array\n"
            + "ref = np.asarray("
            + refExpression
            + ", np.float64)\n"
            + "ours = np.fromfile(r'"
            + f64
            + "', '<f8').reshape(ref.shape)\n"
            + "print(float(np.abs(ours - ref).max()))\n";
    return Double.parseDouble(Corpus.python(script));
  }

  private Path write(DicomFile f, String name) throws Exception {
    Path p = tmp.resolve(name);
    DicomWriter.write(p, f.dataset(), WriteOptions.DEFAULT);
    return p;
  }

  // ---------------------------------------------------------------- PT-01

  @Test
  void pt01CombinesTransformsFromSharedFunctionalGroups() throws Exception {
    Image ect = Image.read(Corpus.file("pydicom-data/eCT_Supplemental.dcm"));
    NdArray stored = ect.getStoredFrames();
    // default: the shared real-world value map (slope 1, intercept -1024) wins over modality
    NdArray rw = ect.getFrames(PixelTransformOptions.DEFAULT);
    // without it: the modality rescale of the Pixel Value Transformation Sequence, then the
    // shared Frame VOI LUT window (49 / 102)
    NdArray voi =
        ect.getFrames(opts().applyRealWorldTransform(false).applyVoiTransform(true).build());
    for (int i = 0; i < stored.size(); i++) {
      double x = stored.getFlatDouble(i);
      assertEquals(x - 1024, rw.getFlatDouble(i));
      assertEquals(linear(x - 1024, 49, 102), voi.getFlatDouble(i), 1e-12);
    }
    // 1-bit stored values pass through as 0/1
    Image liver = Image.read(Corpus.file("pydicom-data/liver.dcm"));
    NdArray f = liver.getFrame(1);
    assertEquals(liver.getStoredFrame(1).astype(DType.FLOAT64), f);
  }

  // ---------------------------------------------------------------- PT-02

  @Test
  void pt02ChecksTheCapacityOfTheOutputType() throws Exception {
    Image ct = Image.read(Corpus.file("pydicom/CT_small.dcm"));
    assertMessage(
        "Datatype int16 does not have capacity for values with slope 1.00 and intercept"
            + " -1024.00.",
        () -> ct.getFrame(1, opts().dtype(DType.INT16).build()));
    assertMessage(
        "An unsigned integer data type cannot be used if the intercept is negative.",
        () -> ct.getFrame(1, opts().dtype(DType.UINT16).build()));
    NdArray i32 = ct.getFrame(1, opts().dtype(DType.INT32).build());
    NdArray stored = ct.getStoredFrame(1);
    assertEquals(DType.INT32, i32.dtype());
    for (int i = 0; i < stored.size(); i++) {
      assertEquals(stored.getFlatLong(i) - 1024, i32.getFlatLong(i));
    }
    NdArray f32 = ct.getFrame(1, opts().dtype(DType.FLOAT32).build());
    assertEquals(DType.FLOAT32, f32.dtype());
    assertEquals(i32.astype(DType.FLOAT32), f32);
    Image mr2 = Image.read(Corpus.file("pydicom-data/MR2_UNCI.dcm"));
    assertMessage(
        "An integer data type cannot be used if the slope or intercept is a non-integer value.",
        () -> mr2.getFrame(1, opts().dtype(DType.INT32).build()));
    Image mr = Image.read(Corpus.file("pydicom/MR_small.dcm"));
    assertMessage(
        "The VOI transform requires a floating point data type.",
        () -> mr.getFrame(1, opts().dtype(DType.INT32).applyVoiTransform(true).build()));
  }

  // ---------------------------------------------------------------- PT-03

  @Test
  void pt03AppliesRealWorldValueMapsWithSelectorsAndRangeCheck() throws Exception {
    Image pm = Image.read(Corpus.file("pydicom-data/parametric_map_float.dcm"));
    assertEquals(pm.getStoredFrame(1).astype(DType.FLOAT64), pm.getFrame(1));

    Image ect = Image.read(Corpus.file("pydicom-data/eCT_Supplemental.dcm"));
    NdArray byIndex = ect.getFrame(1);
    assertEquals(byIndex, ect.getFrame(1, opts().realWorldValueMapSelector("RCBF").build()));
    assertEquals(byIndex, ect.getFrame(1, opts().realWorldValueMapSelector(-1).build()));
    assertEquals(
        byIndex,
        ect.getFrame(1, opts().realWorldValueMapSelectorUnits("ml/100ml/s", "UCUM").build()));
    for (PixelTransformOptions o :
        List.of(
            opts().realWorldValueMapSelector("CBV").build(),
            opts().realWorldValueMapSelector(1).build(),
            opts().realWorldValueMapSelectorUnits("ml", "UCUM").build())) {
      assertMessage(
          "Requested 'real_world_value_map_selector' is not present.", () -> ect.getFrame(1, o));
    }
    Image ct = Image.read(Corpus.file("pydicom/CT_small.dcm"));
    assertMessage(
        "A real-world value map is required but not found in the image.",
        () -> ct.getFrame(1, opts().applyRealWorldTransform(true).build()));

    // RealWorldValueLastValueMapped below the data: the range check fails
    DicomFile f = load("pydicom-data/parametric_map_float.dcm");
    DicomDataset rwvm =
        f.dataset()
            .getItem(Tag.SharedFunctionalGroupsSequence)
            .getItem(Tag.RealWorldValueMappingSequence);
    rwvm.setInt(Tag.RealWorldValueLastValueMapped, VR.US, 0);
    Image bad = image(f);
    assertMessage("Array contains value outside the valid range", () -> bad.getFrame(1));
  }

  @Test
  void pt03AppliesRealWorldValueLutWithoutClipping() throws Exception {
    DicomFile f = load("pydicom/CT_small.dcm");
    Image plain = image(f);
    NdArray stored = plain.getStoredFrame(1);
    int first = (int) stored.min();
    int n = (int) stored.max() - first + 1;
    double[] lut = new double[n];
    for (int i = 0; i < n; i++) {
      lut[i] = Math.sqrt(i) * 0.5 - 3;
    }
    DicomDataset item = f.dataset().newSequence(Tag.RealWorldValueMappingSequence).addNewItem();
    item.setInt(Tag.RealWorldValueFirstValueMapped, VR.SS, first);
    item.setInt(Tag.RealWorldValueLastValueMapped, VR.SS, first + n - 1);
    item.setDouble(Tag.RealWorldValueLUTData, VR.FD, lut);
    item.setString(Tag.LUTLabel, VR.SH, "SQRT");
    NdArray out = image(f).getFrame(1);
    for (int i = 0; i < stored.size(); i++) {
      assertEquals(lut[(int) stored.getFlatLong(i) - first], out.getFlatDouble(i));
    }
    item.setInt(Tag.RealWorldValueFirstValueMapped, VR.SS, first + 1);
    Image bad = image(f);
    assertMessage("Array contains values outside the range of the LUT", () -> bad.getFrame(1));
  }

  // ---------------------------------------------------------------- PT-04

  @Test
  void pt04AppliesRescaleSlopeAndIntercept() throws Exception {
    Image ct = Image.read(Corpus.file("pydicom/CT_small.dcm"));
    NdArray stored = ct.getStoredFrame(1);
    NdArray hu = ct.getFrame(1);
    for (int i = 0; i < stored.size(); i++) {
      assertEquals(stored.getFlatDouble(i) - 1024, hu.getFlatDouble(i));
    }
    Path mr2Path = Corpus.file("pydicom-data/MR2_UNCI.dcm");
    Image mr2 = Image.read(mr2Path);
    NdArray m = mr2.getFrame(1);
    NdArray s = mr2.getStoredFrame(1);
    for (int i = 0; i < s.size(); i += 997) {
      assertEquals(s.getFlatDouble(i) * 3.774114 + 0.000061, m.getFlatDouble(i), 1e-9);
    }
    assertEquals(0.0, pydicomMaxDiff(mr2Path, m, "apply_modality_lut(arr, ds)"), 1e-9);
    assertEquals(
        stored.astype(DType.FLOAT64), ct.getFrame(1, opts().applyModalityTransform(false).build()));
    Image mr = Image.read(Corpus.file("pydicom/MR_small.dcm"));
    assertMessage(
        "A modality LUT transform is required but not found in the image.",
        () -> mr.getFrame(1, opts().applyModalityTransform(true).build()));
    // an empty Rescale Slope counts as absent (highdicom 0.28): the intercept alone applies
    DicomFile f = load("pydicom/CT_small.dcm");
    f.dataset().setEmpty(Tag.RescaleSlope, VR.DS);
    assertEquals(hu, image(f).getFrame(1));
  }

  @Test
  void pt04AppliesModalityLutSequenceLikePydicom() throws Exception {
    DicomFile f = load("pydicom/CT_small.dcm");
    f.dataset().remove(Tag.RescaleSlope);
    f.dataset().remove(Tag.RescaleIntercept);
    f.dataset().remove(Tag.RescaleType);
    int first = 100;
    int n = 2200;
    short[] data = new short[n];
    for (int i = 0; i < n; i++) {
      data[i] = (short) ((i * 37) % 4096);
    }
    ModalityLUT lut =
        new ModalityLUT(RescaleTypeValues.HU, first, NdArray.wrap(DType.UINT16, data, n), "test");
    f.dataset().newSequence(Tag.ModalityLUTSequence).add(lut.toDataset());
    Path p = write(f, "mlut.dcm");
    Image image = Image.read(p);
    NdArray stored = image.getStoredFrame(1);
    NdArray out = image.getFrame(1);
    for (int i = 0; i < stored.size(); i++) {
      int k = (int) Math.max(0, Math.min(n - 1, stored.getFlatLong(i) - first));
      assertEquals(data[k] & 0xffff, out.getFlatDouble(i));
    }
    assertEquals(0.0, pydicomMaxDiff(p, out, "apply_modality_lut(arr, ds)"));
  }

  // ---------------------------------------------------------------- PT-05

  @Test
  void pt05AppliesTheVoiWindowOfTheFile() throws Exception {
    Path p = Corpus.file("pydicom/MR_small.dcm");
    Image mr = Image.read(p);
    NdArray stored = mr.getStoredFrame(1);
    NdArray w = mr.getFrame(1, opts().applyVoiTransform(true).build());
    for (int i = 0; i < stored.size(); i++) {
      assertEquals(linear(stored.getFlatDouble(i), 600, 1600), w.getFlatDouble(i), 1e-12);
    }
    // pydicom maps to the stored range (-32768..32767 for signed 16 bits); normalise it
    double diff =
        pydicomMaxDiff(p, w, "(apply_voi_lut(arr.astype(np.float64), ds) + 32768) / 65535");
    assertEquals(0.0, diff, 1e-9);
    // output range (0, 255)
    NdArray r255 = mr.getFrame(1, opts().applyVoiTransform(true).voiOutputRange(0, 255).build());
    assertEquals(w.getFlatDouble(100) * 255, r255.getFlatDouble(100), 1e-9);
    assertMessage(
        "Requested 'voi_transform_selector' is not present.",
        () -> mr.getFrame(1, opts().applyVoiTransform(true).voiTransformSelector(1).build()));
    assertMessage(
        "Requested 'voi_transform_selector' is not present.",
        () -> mr.getFrame(1, opts().applyVoiTransform(true).voiTransformSelector("x").build()));
    Image ct = Image.read(Corpus.file("pydicom/CT_small.dcm"));
    assertMessage(
        "A VOI transform is required but not found in the image.",
        () -> ct.getFrame(1, opts().applyVoiTransform(true).build()));
    Image rgb = Image.read(Corpus.file("pydicom-data/SC_rgb.dcm"));
    assertMessage(
        "VOI transform is required but the image is not a monochrome image.",
        () -> rgb.getFrame(1, opts().applyVoiTransform(true).build()));
  }

  @Test
  void pt05SelectsWindowsByExplanationAndAppliesUserTransformations() throws Exception {
    DicomFile f = load("pydicom/MR_small.dcm");
    f.dataset().setDouble(Tag.WindowCenter, VR.DS, 600, 1000);
    f.dataset().setDouble(Tag.WindowWidth, VR.DS, 1600, 500);
    f.dataset().setString(Tag.WindowCenterWidthExplanation, VR.LO, "WIDE", "NARROW");
    Image mr = image(f);
    NdArray s = mr.getStoredFrame(1);
    NdArray narrow =
        mr.getFrame(1, opts().applyVoiTransform(true).voiTransformSelector("NARROW").build());
    assertEquals(
        narrow, mr.getFrame(1, opts().applyVoiTransform(true).voiTransformSelector(-1).build()));
    VOILUTTransformation sigmoid =
        VOILUTTransformation.ofWindow(800, 400, VOILUTFunctionValues.SIGMOID);
    NdArray sg =
        mr.getFrame(1, opts().applyVoiTransform(true).voiTransformSelector(sigmoid).build());
    VOILUTTransformation exact =
        VOILUTTransformation.ofWindow(800, 400, VOILUTFunctionValues.LINEAR_EXACT);
    NdArray ex = mr.getFrame(1, opts().applyVoiTransform(true).voiTransformSelector(exact).build());
    for (int i = 0; i < s.size(); i++) {
      double x = s.getFlatDouble(i);
      assertEquals(linear(x, 1000, 500), narrow.getFlatDouble(i), 1e-12);
      // PS3.3 C.11.2.1.3.1 and C.11.2.1.3.2
      assertEquals(1 / (1 + Math.exp(-4 * (x - 800) / 400)), sg.getFlatDouble(i), 1e-12);
      assertEquals(Math.max(0, Math.min(1, (x - 800) / 400 + 0.5)), ex.getFlatDouble(i), 1e-12);
    }
    VOILUTTransformation two =
        new VOILUTTransformation(new double[] {1, 2}, new double[] {3, 4}, null, null, null);
    assertMessage(
        "it must contain a single transform",
        () -> mr.getFrame(1, opts().applyVoiTransform(true).voiTransformSelector(two).build()));
  }

  @Test
  void pt05AppliesVoiLutSequenceLikePydicom() throws Exception {
    DicomFile f = load("pydicom/MR_small.dcm");
    f.dataset().remove(Tag.WindowCenter);
    f.dataset().remove(Tag.WindowWidth);
    int n = 4096;
    short[] data = new short[n];
    for (int i = 0; i < n; i++) {
      data[i] = (short) Math.round(Math.sqrt(i) * 1000);
    }
    VOILUT lut = new VOILUT(0, NdArray.wrap(DType.UINT16, data, n), "SQRT");
    f.dataset().newSequence(Tag.VOILUTSequence).add(lut.toDataset());
    Path p = write(f, "vlut.dcm");
    Image image = Image.read(p);
    NdArray stored = image.getStoredFrame(1);
    NdArray out = image.getFrame(1, opts().applyVoiTransform(true).build());
    double max = data[n - 1] & 0xffff;
    for (int i = 0; i < stored.size(); i++) {
      int k = (int) Math.max(0, Math.min(n - 1, stored.getFlatLong(i)));
      assertEquals((data[k] & 0xffff) / max, out.getFlatDouble(i), 1e-12);
    }
    assertEquals(
        out,
        image.getFrame(1, opts().applyVoiTransform(true).voiTransformSelector("SQRT").build()));
    // pydicom returns the raw LUT output; normalise by the table's range
    double diff = pydicomMaxDiff(p, out, "apply_voi_lut(arr, ds) / " + max);
    assertEquals(0.0, diff, 1e-12);
  }

  // ---------------------------------------------------------------- PT-06

  @Test
  void pt06InvertsMonochrome1AndInversePresentationLutShape() throws Exception {
    Image dx = Image.read(Corpus.file("highdicom/dx_image.dcm")); // MONOCHROME1, INVERSE, 8 bits
    NdArray s = dx.getStoredFrame(1);
    NdArray inv = dx.getFrame(1);
    NdArray raw = dx.getFrame(1, opts().applyPresentationLut(false).build());
    for (int i = 0; i < s.size(); i++) {
      assertEquals(255 - s.getFlatDouble(i), inv.getFlatDouble(i));
      assertEquals(s.getFlatDouble(i), raw.getFlatDouble(i));
    }
    // MONOCHROME1 without a shape, rescale 0.684/200, 12 bits stored, window 1600/2800
    Image cr = Image.read(Corpus.file("pydicom/dicomdirtests/77654033/CR1/6154"));
    NdArray cs = cr.getStoredFrame(1);
    NdArray crInv = cr.getFrame(1);
    NdArray crVoi = cr.getFrame(1, opts().applyVoiTransform(true).build());
    for (int i = 0; i < cs.size(); i++) {
      double x = cs.getFlatDouble(i);
      double m = x * 0.684 + 200;
      // mirrored within the rescaled range of 0..4095
      assertEquals(0.684 * 4095 + 200 - 0.684 * x, crInv.getFlatDouble(i), 1e-9);
      assertEquals(1 - linear(m, 1600, 2800), crVoi.getFlatDouble(i), 1e-12);
    }
  }

  // ---------------------------------------------------------------- PT-07

  @Test
  void pt07AppliesPaletteColorLutsLikePydicom() throws Exception {
    for (String name :
        new String[] {
          "pydicom/examples_palette.dcm",
          "pydicom-data/OBXXXX1A_rle_2frame.dcm",
          "pydicom-data/gdcm-US-ALOKA-16.dcm" // segmented 16-bit tables
        }) {
      Path p = Corpus.file(name);
      Image image = Image.read(p);
      NdArray rgb = image.getFrame(1);
      assertEquals(3, rgb.shape(2), name);
      String ref =
          image.numberOfFrames() > 1 ? "apply_color_lut(arr, ds)[0]" : "apply_color_lut(arr, ds)";
      assertEquals(0.0, pydicomMaxDiff(p, rgb, ref), name);
      NdArray idx =
          image.getFrame(1, opts().applyPaletteColorLut(false).applyIccProfile(false).build());
      assertEquals(2, idx.ndim());
    }
    Image ct = Image.read(Corpus.file("pydicom/CT_small.dcm"));
    assertMessage(
        "Palette color transform is required but the image is not a palette color image.",
        () -> ct.getFrame(1, opts().applyPaletteColorLut(true).build()));
  }

  // ---------------------------------------------------------------- PT-08

  @Test
  void pt08AppliesTheIccProfileOfTheOpticalPath() throws Exception {
    Image sm = Image.read(Corpus.file("highdicom/sm_image.dcm"));
    NdArray stored = sm.getStoredFrame(1);
    NdArray corrected = sm.getFrame(1, opts().dtype(DType.UINT8).build());
    NdArray plain = sm.getFrame(1, opts().dtype(DType.UINT8).applyIccProfile(false).build());
    assertEquals(stored, plain);
    // the profile is an sRGB profile: correction to sRGB changes values by rounding only
    for (int i = 0; i < stored.size(); i++) {
      assertEquals(stored.getFlatDouble(i), corrected.getFlatDouble(i), 3.0);
    }
    assertArrayEquals(
        corrected.shape(), sm.getFrame(1, opts().applyIccProfile(true).build()).shape());
    Image ct = Image.read(Corpus.file("pydicom/CT_small.dcm"));
    assertMessage(
        "ICC profile is required but the image is not a color or palette color image.",
        () -> ct.getFrame(1, opts().applyIccProfile(true).build()));
    Image rgb = Image.read(Corpus.file("pydicom-data/SC_rgb.dcm"));
    assertMessage(
        "An ICC profile is required but not found in the image.",
        () -> rgb.getFrame(1, opts().applyIccProfile(true).build()));
    assertTrue(Files.exists(Corpus.file("highdicom/sm_image.dcm")));
  }

  @Test
  void colourFramesStoredAsYbrFullAreConvertedToRgbLikePydicom() throws Exception {
    Path p = Corpus.file("pydicom-data/SC_ybr_full_uncompressed.dcm");
    Image image = Image.read(p);
    NdArray rgb = image.getFrame(1, opts().dtype(DType.UINT8).build());
    // pydicom truncates where PS3.3 C.7.6.3.1.2 is rounded here: at most 1 apart
    double diff =
        pydicomMaxDiff(
            p,
            rgb,
            "pydicom.pixel_data_handlers.util.convert_color_space("
                + "arr.astype(np.float64), 'YBR_FULL', 'RGB')");
    assertTrue(diff <= 1.0, "max difference " + diff);
  }
}
