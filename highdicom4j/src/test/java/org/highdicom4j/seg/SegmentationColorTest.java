package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.highdicom4j.ChannelDescriptor;
import org.highdicom4j.DType;
import org.highdicom4j.ImageReadOptions;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;
import org.highdicom4j.color.ColorManager;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colour output of LABELMAP segmentations with a palette (highdicom's {@code
 * apply_palette_color_lut} and {@code apply_icc_profile}): every pixel equals the palette entries
 * of its label, looked up here by hand.
 */
class SegmentationColorTest {
  @TempDir Path dir;

  private static final int PLANES = 3;
  private static final int ROWS = 8;
  private static final int COLS = 9;

  // 16-bit entries for labels 0..3, all different per channel
  private static final int[] RED = {0, 1000, 65535, 300};
  private static final int[] GREEN = {5, 40000, 20, 12345};
  private static final int[] BLUE = {9, 77, 60000, 65000};

  private List<DicomDataset> src;
  private List<String> uids;
  private NdArray labels;
  private Segmentation seg;

  @BeforeEach
  void build() throws IOException {
    SyntheticCtSeries series = new SyntheticCtSeries(PLANES, ROWS, COLS, 1.0, 2.0);
    src = new ArrayList<>();
    for (int i = 0; i < PLANES; i++) {
      src.add(series.slice(i));
    }
    uids = src.stream().map(d -> d.getString(Tag.SOPInstanceUID)).toList();
    Random r = new Random(11);
    labels = NdArray.zeros(DType.UINT8, PLANES, ROWS, COLS);
    for (int i = 0; i < labels.size(); i++) {
      labels.setFlatLong(i, r.nextInt(4));
    }
    Segmentation built =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(src)
            .pixelArray(labels)
            .segmentationType(SegmentationTypeValues.LABELMAP)
            .segmentDescriptions(SegTestData.descriptions(1, 2, 3))
            .paletteColorLut(RED, GREEN, BLUE)
            .build();
    Path f = dir.resolve(UidGenerator.newUid() + ".dcm");
    built.write(f);
    seg = Segmentation.read(f);
  }

  /** The palette entries of each label, shape labels + (3,), UINT16. */
  private static NdArray lookUp(NdArray l, int... kept) {
    int[] shape = java.util.Arrays.copyOf(l.shape(), l.ndim() + 1);
    shape[l.ndim()] = 3;
    NdArray out = NdArray.zeros(DType.UINT16, shape);
    for (int i = 0; i < l.size(); i++) {
      int v = (int) l.getFlatLong(i);
      boolean selected = kept.length == 0;
      for (int k : kept) {
        selected |= k == v;
      }
      int e = selected ? v : 0;
      out.setFlatLong(3 * i, RED[e]);
      out.setFlatLong(3 * i + 1, GREEN[e]);
      out.setFlatLong(3 * i + 2, BLUE[e]);
    }
    return out;
  }

  private static SegmentPixelOptions palette() {
    return SegmentPixelOptions.DEFAULT.withCombineSegments(true).withApplyPaletteColorLut(true);
  }

  @Test
  void paletteMapsEveryLabelToItsEntries() throws IOException {
    NdArray rgb = seg.getPixelsBySourceInstance(uids, palette());
    assertArrayEquals(new int[] {PLANES, ROWS, COLS, 3}, rgb.shape());
    assertEquals(DType.UINT16, rgb.dtype(), "the type of the 16-bit palette entries");
    assertEquals(lookUp(labels), rgb);
    assertEquals(
        lookUp(labels, 2),
        seg.getPixelsBySourceInstance(uids, palette().withSegmentNumbers(2)),
        "unselected segments take the background entry");
  }

  @Test
  void paletteVolumeHasAnRgbChannel() throws IOException {
    Volume v = seg.getVolume(palette());
    assertArrayEquals(new int[] {PLANES, ROWS, COLS, 3}, v.array().shape());
    assertTrue(v.channelDescriptors().contains(ChannelDescriptor.RGB_COLOR_CHANNEL_DESCRIPTOR));
    Volume labelVolume = seg.getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertEquals(lookUp(labelVolume.array()), v.array());
    assertTrue(java.util.Arrays.deepEquals(labelVolume.affine(), v.affine()));
  }

  @Test
  void paletteOutputTypeFollowsDtype() throws IOException {
    NdArray rgb = seg.getPixelsBySourceInstance(uids, palette().withDtype(DType.INT32));
    assertEquals(DType.INT32, rgb.dtype());
    assertEquals(lookUp(labels).astype(DType.INT32), rgb);
    assertThrows(
        IllegalArgumentException.class,
        () -> seg.getPixelsBySourceInstance(uids, palette().withDtype(DType.UINT8)),
        "16-bit entries do not fit uint8");
  }

  private static void assertFails(String fragment, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void paletteNeedsCombinedSegmentsWithoutRelabelling() {
    SegmentPixelOptions stacked = SegmentPixelOptions.DEFAULT.withApplyPaletteColorLut(true);
    assertFails(
        "Palette color transform may only be applied when 'combine_segments' is True",
        () -> seg.getPixelsBySourceInstance(uids, stacked));
    assertFails("'relabel' is False", () -> seg.getVolume(palette().withRelabel(true)));
  }

  @Test
  void paletteOnASegmentationWithoutOneFails() throws IOException {
    Segmentation plain =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(src)
            .pixelArray(labels)
            .segmentationType(SegmentationTypeValues.LABELMAP)
            .segmentDescriptions(SegTestData.descriptions(1, 2, 3))
            .build();
    assertFails(
        "Palette color transform is required but the image is not a palette color image.",
        () -> plain.getPixelsBySourceInstance(uids, palette()));
    Segmentation binary =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(src)
            .pixelArray(labels)
            .segmentationType(SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1, 2, 3))
            .build();
    assertFails(
        "not a palette color image", () -> binary.getPixelsBySourceInstance(uids, palette()));
  }

  private Segmentation withIcc(byte[] profile) {
    DicomDataset copy = seg.dataset().deepCopy();
    copy.setBytes(Tag.ICCProfile, VR.OB, profile);
    return Segmentation.fromDataset(copy, UID.ExplicitVRLittleEndian, ImageReadOptions.DEFAULT);
  }

  @Test
  void iccProfileCorrectsThePaletteColoursWhenPresent() throws IOException {
    byte[] linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    Segmentation icc = withIcc(linear);
    NdArray expected =
        new ColorManager(linear)
            .transformFrame(
                ColorManager.eightBitSamples(lookUp(labels)).reshape(PLANES * ROWS, COLS, 3))
            .reshape(PLANES, ROWS, COLS, 3);
    NdArray corrected = icc.getPixelsBySourceInstance(uids, palette());
    assertEquals(DType.UINT8, corrected.dtype());
    assertEquals(expected, corrected, "null applies a present profile");
    assertEquals(
        expected, icc.getPixelsBySourceInstance(uids, palette().withApplyIccProfile(true)));
    assertEquals(
        lookUp(labels),
        icc.getPixelsBySourceInstance(uids, palette().withApplyIccProfile(false)),
        "FALSE leaves the palette colours as they are");
    assertTrue(
        !expected.equals(ColorManager.eightBitSamples(lookUp(labels))),
        "the linear-RGB profile changes colours, so the test can tell");
  }

  @Test
  void requiredIccProfileMustBePresentAndNeedsThePalette() {
    assertFails(
        "An ICC profile is required but not found in the image.",
        () -> seg.getPixelsBySourceInstance(uids, palette().withApplyIccProfile(true)));
    Segmentation icc = withIcc(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
    assertFails(
        "ICC profile is required but the palette color LUT is not applied",
        () ->
            icc.getPixelsBySourceInstance(
                uids,
                SegmentPixelOptions.DEFAULT.withCombineSegments(true).withApplyIccProfile(true)));
  }
}
