package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeTest {
  static final double EPS = 1e-9;

  /** 3 x 4 x 5 int16 volume whose voxel (i, j, k) holds 100 i + 10 j + k. */
  static Volume coded() {
    NdArray a = NdArray.zeros(DType.INT16, 3, 4, 5);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        for (int k = 0; k < 5; k++) {
          a.setDouble(100 * i + 10 * j + k, i, j, k);
        }
      }
    }
    return VolumeGeometryTest.axial(3, 4, 5).withArray(a);
  }

  static int code(int i, int j, int k) {
    return 100 * i + 10 * j + k;
  }

  @Test
  void slicingWithStepsSelectsTheVoxelsNumpyWould() {
    Volume v = coded().slice("1, 1:, ::-2");
    assertArrayEquals(new int[] {1, 3, 3}, v.shape());
    for (int j = 0; j < 3; j++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(code(1, 1 + j, 4 - 2 * k), v.array().getLong(0, j, k));
      }
    }
    // the geometry follows the voxels: voxel (0, j, k) is where the original (1, 1 + j, 4 - 2k) was
    Volume o = coded();
    assertArrayEquals(
        o.mapIndicesToReference(new double[][] {{1, 3, 0}})[0],
        v.mapIndicesToReference(new double[][] {{0, 2, 2}})[0],
        EPS);
  }

  @Test
  void permuteAndFlipMoveVoxelsWithTheGeometry() {
    Volume o = coded();
    Volume p = o.permuteSpatialAxes(2, 0, 1);
    assertArrayEquals(new int[] {5, 3, 4}, p.shape());
    assertEquals(code(2, 3, 4), p.array().getLong(4, 2, 3));
    Volume f = o.flipSpatial(0, 2);
    assertEquals(code(2, 0, 4), f.array().getLong(0, 0, 0));
    // every voxel keeps its position in the frame of reference
    for (Volume t : new Volume[] {p, f, o.toPatientOrientation("RAS")}) {
      int[] s = t.spatialShape();
      for (int a = 0; a < s[0]; a++) {
        for (int b = 0; b < s[1]; b++) {
          for (int c = 0; c < s[2]; c++) {
            double[] x = t.mapIndicesToReference(new double[][] {{a, b, c}})[0];
            double[] idx = o.mapReferenceToIndices(new double[][] {x}, true, true)[0];
            assertEquals(
                code((int) idx[0], (int) idx[1], (int) idx[2]), t.array().getLong(a, b, c));
          }
        }
      }
    }
  }

  @Test
  void padModesFillLikeNumpyPad() {
    NdArray a = NdArray.wrap(DType.INT16, new short[] {1, 2, 3, 10}, 1, 1, 4);
    Volume v = VolumeGeometryTest.axial(1, 1, 4).withArray(a);
    int[][] w = {{0, 0}, {0, 0}, {1, 2}};
    assertEquals(List.of(7L, 1L, 2L, 3L, 10L, 7L, 7L), row(v.pad(w, PadModes.CONSTANT, 7, false)));
    assertEquals(List.of(1L, 1L, 2L, 3L, 10L, 10L, 10L), row(v.pad(w, PadModes.EDGE, 0, false)));
    assertEquals(List.of(1L, 1L, 2L, 3L, 10L, 1L, 1L), row(v.pad(w, PadModes.MINIMUM, 0, false)));
    assertEquals(
        List.of(10L, 1L, 2L, 3L, 10L, 10L, 10L), row(v.pad(w, PadModes.MAXIMUM, 0, false)));
    // mean 4, median 2.5 truncated into int16
    assertEquals(List.of(4L, 1L, 2L, 3L, 10L, 4L, 4L), row(v.pad(w, PadModes.MEAN, 0, false)));
    assertEquals(List.of(2L, 1L, 2L, 3L, 10L, 2L, 2L), row(v.pad(w, PadModes.MEDIAN, 0, false)));
    assertEquals(DType.INT16, v.pad(w, PadModes.MEAN, 0, false).dtype());
  }

  static List<Long> row(Volume v) {
    List<Long> out = new java.util.ArrayList<>();
    for (int k = 0; k < v.shape()[2]; k++) {
      out.add(v.array().getLong(0, 0, k));
    }
    return out;
  }

  @Test
  void edgePaddingReplicatesCornersAcrossAxes() {
    Volume v = coded().pad(new int[][] {{1, 1}, {1, 0}, {0, 2}}, PadModes.EDGE, 0, false);
    assertArrayEquals(new int[] {5, 5, 7}, v.shape());
    assertEquals(code(0, 0, 0), v.array().getLong(0, 0, 0));
    assertEquals(code(2, 3, 4), v.array().getLong(4, 4, 6));
    assertEquals(code(1, 2, 3), v.array().getLong(2, 3, 3));
  }

  @Test
  void perChannelPaddingUsesEachChannelsStatistic() {
    NdArray a = NdArray.zeros(DType.UINT8, 1, 1, 2, 2);
    a.setDouble(5, 0, 0, 0, 0);
    a.setDouble(6, 0, 0, 1, 0);
    a.setDouble(100, 0, 0, 0, 1);
    a.setDouble(200, 0, 0, 1, 1);
    Map<ChannelDescriptor, List<?>> ch = new LinkedHashMap<>();
    ch.put(ChannelDescriptor.of("SegmentNumber"), List.of(1, 2));
    Volume v = VolumeGeometryTest.axial(1, 1, 2).withArray(a, ch);
    Volume p = v.pad(new int[][] {{0}, {0}, {1}}, PadModes.MINIMUM, 0, true);
    assertEquals(5, p.array().getLong(0, 0, 0, 0));
    assertEquals(100, p.array().getLong(0, 0, 0, 1));
    Volume q = v.pad(new int[][] {{0}, {0}, {1}}, PadModes.MINIMUM, 0, false);
    assertEquals(5, q.array().getLong(0, 0, 0, 1));
    assertEquals(List.of(1, 2), p.getChannelValues("SegmentNumber"));
  }

  @Test
  void matchGeometryReproducesAnotherGeometrysVoxels() {
    Volume o = coded();
    // every voxel of the target is either a voxel of o or padding outside o
    Volume target = o.flipSpatial(2).pad(1).slice("1:3, :, 1:");
    Volume m = o.matchGeometry(target);
    assertTrue(m.geometryEqual(target));
    assertEquals(target.array(), m.array());
    // back again: the target covers slices 0 and 1 of o; slice 2 becomes padding
    Volume back = target.matchGeometry(o);
    assertTrue(back.geometryEqual(o));
    assertEquals(code(0, 0, 0), back.array().getLong(0, 0, 0));
    assertEquals(code(1, 2, 3), back.array().getLong(1, 2, 3));
    assertEquals(0, back.array().getLong(2, 1, 1));
  }

  @Test
  void matchGeometryOfDisjointVolumesGivesOnlyPadding() {
    Volume o = coded();
    Volume far =
        o.withArray(o.array())
            .getGeometry()
            .slice("0")
            .withArray(NdArray.zeros(DType.INT16, 1, 4, 5));
    VolumeGeometry moved =
        new VolumeGeometry(
            VolumeGeometryTest.translate(far.affine(), 700, 0, 0),
            far.spatialShape(),
            CoordinateSystemNames.PATIENT,
            "1.2.3");
    Volume m = o.matchGeometry(moved, PadModes.CONSTANT, -5, false, 1e-5);
    assertEquals(-5, m.array().min());
    assertEquals(-5, m.array().max());
  }

  @Test
  void matchGeometryRejectsWhatNeedsResampling() {
    Volume o = coded();
    double c = Math.sqrt(0.5);
    VolumeGeometry rotated =
        VolumeGeometry.fromAttributes(
            new double[] {10, 20, 30},
            new double[] {c, c, 0, -c, c, 0},
            4,
            5,
            new double[] {0.5, 0.7},
            2,
            3,
            CoordinateSystemNames.PATIENT,
            null);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> o.matchGeometry(rotated))
            .getMessage()
            .contains("Direction vectors could not be aligned"));
    VolumeGeometry half =
        VolumeGeometry.fromAttributes(
            new double[] {10, 20, 30},
            new double[] {1, 0, 0, 0, 1, 0},
            4,
            5,
            new double[] {0.25, 0.7},
            2,
            3,
            CoordinateSystemNames.PATIENT,
            null);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> o.matchGeometry(half))
            .getMessage()
            .contains("Non-integer scale factor"));
    VolumeGeometry otherFor =
        new VolumeGeometry(o.affine(), o.spatialShape(), CoordinateSystemNames.PATIENT, "9.9");
    assertThrows(IllegalArgumentException.class, () -> o.matchGeometry(otherFor));
  }

  @Test
  void intensityOperationsProduceTheRequestedRanges() {
    Volume o = coded();
    Volume mm = o.normalizeMinMax(-1, 1, false);
    assertEquals(DType.FLOAT64, mm.dtype());
    assertEquals(-1, mm.array().min(), EPS);
    assertEquals(1, mm.array().max(), EPS);
    assertEquals(-1 + 2.0 * code(1, 2, 3) / code(2, 3, 4), mm.array().getDouble(1, 2, 3), EPS);
    Volume ms = o.normalizeMeanStd(true, 0, 1);
    double mean = ms.array().mean();
    double var = 0;
    for (int f = 0; f < ms.array().size(); f++) {
      var += Math.pow(ms.array().getFlatDouble(f) - mean, 2) / ms.array().size();
    }
    assertEquals(0, mean, 1e-9);
    assertEquals(1, var, 1e-9);
    Volume constant =
        VolumeGeometryTest.axial(1, 1, 2).withArray(NdArray.zeros(DType.UINT8, 1, 1, 2));
    assertEquals(3, constant.normalizeMinMax(3, 4, false).array().max(), EPS);
    assertEquals(2, constant.normalizeMeanStd(false, 2, 1).array().max(), EPS);
    Volume clipped = o.clip(15.0, 123.5);
    assertEquals(DType.INT16, clipped.dtype());
    assertEquals(15, clipped.array().min(), EPS);
    assertEquals(123, clipped.array().max(), EPS);
    assertEquals(code(1, 1, 3), clipped.array().getLong(1, 1, 3));
    assertThrows(IllegalArgumentException.class, () -> o.clip(null, null));
    assertThrows(IllegalArgumentException.class, () -> o.normalizeMinMax(1, 1, false));
    assertEquals(DType.FLOAT32, o.astype(DType.FLOAT32).dtype());
  }

  @Test
  void channelsAreDescribedSelectedSqueezedAndPermuted() {
    NdArray a = NdArray.zeros(DType.UINT8, 1, 1, 1, 2, 3);
    for (int s = 0; s < 2; s++) {
      for (int c = 0; c < 3; c++) {
        a.setDouble(10 * s + c, 0, 0, 0, s, c);
      }
    }
    Map<ChannelDescriptor, List<?>> ch = new LinkedHashMap<>();
    ch.put(ChannelDescriptor.of("SegmentNumber"), List.of(1, 2));
    ch.put(
        ChannelDescriptor.RGB_COLOR_CHANNEL_DESCRIPTOR,
        List.of(RGBColorChannels.R, "G", RGBColorChannels.B));
    Volume v = VolumeGeometryTest.axial(1, 1, 1).withArray(a, ch);
    assertEquals(2, v.numberOfChannelDimensions());
    assertArrayEquals(new int[] {2, 3}, v.channelShape());
    Volume seg2 = v.getChannel("SegmentNumber", 2, false);
    assertArrayEquals(new int[] {1, 1, 1, 3}, seg2.shape());
    assertEquals(11, seg2.array().getLong(0, 0, 0, 1));
    Volume green = v.getChannel("RGBColorChannel", "G", true);
    assertArrayEquals(new int[] {1, 1, 1, 2, 1}, green.shape());
    assertEquals(11, green.array().getLong(0, 0, 0, 1, 0));
    assertArrayEquals(new int[] {1, 1, 1, 2}, green.squeezeChannel().shape());
    Volume perm = v.permuteChannelAxes("RGBColorChannel", "SegmentNumber");
    assertArrayEquals(new int[] {1, 1, 1, 3, 2}, perm.shape());
    assertEquals(12, perm.array().getLong(0, 0, 0, 2, 1));
    assertEquals(ChannelDescriptor.RGB_COLOR_CHANNEL_DESCRIPTOR, perm.channelDescriptors().get(0));
    // flips and permutes keep the channels
    assertEquals(v.channels(), v.flipSpatial(1).permuteSpatialAxes(2, 1, 0).channels());
    assertThrows(IllegalArgumentException.class, () -> v.getChannel("SegmentNumber", 3, false));
    assertThrows(IllegalArgumentException.class, () -> v.getChannel("Nope", 1, false));
  }

  @Test
  void rejectsInconsistentChannelsAndArrays() {
    VolumeGeometry g = VolumeGeometryTest.axial(1, 1, 1);
    NdArray a = NdArray.zeros(DType.UINT8, 1, 1, 1, 2);
    assertThrows(IllegalArgumentException.class, () -> g.withArray(a));
    Map<ChannelDescriptor, List<?>> wrongCount =
        Map.of(ChannelDescriptor.of("SegmentNumber"), List.of(1));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> g.withArray(a, wrongCount))
            .getMessage()
            .contains("does not match the size"));
    Map<ChannelDescriptor, List<?>> wrongType =
        Map.of(ChannelDescriptor.of("SegmentNumber"), List.of("a", "b"));
    assertThrows(IllegalArgumentException.class, () -> g.withArray(a, wrongType));
    assertThrows(
        IllegalArgumentException.class,
        () -> ChannelDescriptor.custom("SegmentNumber", Integer.class));
    assertThrows(IllegalArgumentException.class, () -> ChannelDescriptor.of("NotAKeyword"));
    assertThrows(
        IllegalArgumentException.class, () -> g.withArray(NdArray.zeros(DType.UINT8, 1, 2, 1)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Volume(
                NdArray.zeros(DType.UINT8, 2, 2),
                org.highdicom4j.internal.Mat.identity(4),
                CoordinateSystemNames.PATIENT,
                null));
    assertEquals(Double.class, ChannelDescriptor.of("ImagerPixelSpacing").valueType());
  }
}
