package org.highdicom4j.formats;

import static org.highdicom4j.formats.FormatsTestSupport.assertAffineEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.highdicom4j.ChannelDescriptor;
import org.highdicom4j.CoordinateSystemNames;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing by extension, and conversion to and from {@link Volume}. */
class LabelMapImageTest {
  @TempDir Path dir;

  @Test
  void everyExtensionRoundTripsThroughItsFormat() throws IOException {
    NdArray a = NrrdTest.ramp(DType.INT16);
    LabelMapImage img = new LabelMapImage(a, NrrdTest.oblique(), Map.of("Segment0_ID", "s1"));
    for (String name : new String[] {"a.nii", "a.nii.gz", "a.nrrd", "a.nhdr", "A.NPY"}) {
      Path p = dir.resolve(name);
      img.write(p);
      LabelMapImage r = LabelMapImage.read(p);
      assertEquals(a, r.array(), name);
      if (name.endsWith(".NPY")) {
        assertNull(r.affineLps());
        assertTrue(r.metadata().isEmpty());
      } else if (name.contains(".nii")) {
        assertAffineEquals(NrrdTest.oblique(), r.affineLps(), 1e-4);
        assertEquals(Map.of("descrip", "highdicom4j"), r.metadata());
      } else {
        assertEquals(img, r, name);
      }
    }
  }

  @Test
  void corpusNrrdConvertedToNiftiKeepsVoxelsAndGeometry() throws IOException {
    Path src = FormatsTestSupport.testdata("dcmqi-segmentations/liver_spine_seg.nrrd");
    LabelMapImage nrrd = LabelMapImage.read(src);
    Path nii = dir.resolve("liver_spine.nii.gz");
    nrrd.write(nii);
    LabelMapImage back = LabelMapImage.read(nii);
    assertEquals(nrrd.array(), back.array());
    assertAffineEquals(nrrd.affineLps(), back.affineLps(), 1e-4);
    Nifti1Image raw = Nifti1.read(nii);
    // NIfTI stores RAS: the x and y of the LPS origin are negated in qoffset.
    assertEquals(-nrrd.affineLps()[0][3], raw.qoffset()[0], 1e-4);
    assertEquals(-nrrd.affineLps()[1][3], raw.qoffset()[1], 1e-4);
    assertEquals(nrrd.affineLps()[2][3], raw.qoffset()[2], 1e-4);
    assertArrayEquals(new int[] {3, 512, 512, 3, 1, 1, 1, 1}, raw.dim());
  }

  @Test
  void toVolumeUsesTheAffineAsVolumeDoes() {
    LabelMapImage img = new LabelMapImage(NrrdTest.ramp(DType.UINT8), NrrdTest.oblique(), null);
    Volume v = img.toVolume("1.2.3");
    assertEquals("1.2.3", v.frameOfReferenceUid());
    assertAffineEquals(NrrdTest.oblique(), v.affine(), 0);
    assertArrayEquals(new double[] {2.5, 0.8, 0.7}, v.spacing(), 1e-12);
    // Column direction cosine = affine column 1 / row spacing; row direction = column 2.
    double c = Math.cos(Math.PI / 6);
    double s = Math.sin(Math.PI / 6);
    assertArrayEquals(new double[] {c, s, 0, -s, c, 0}, v.directionCosines(), 1e-12);
    LabelMapImage back = LabelMapImage.fromVolume(v, Map.of("k", "v"));
    assertAffineEquals(v.affine(), back.affineLps(), 0);
    assertEquals(Map.of("k", "v"), back.metadata());
  }

  @Test
  void channelsBecomeAVolumeChannelAxis() {
    NdArray a = NdArray.zeros(DType.UINT8, 3, 4, 5, 2);
    LabelMapImage img = new LabelMapImage(a, NrrdTest.oblique(), null);
    assertThrows(IllegalStateException.class, () -> img.toVolume(null));
    Volume v =
        img.toVolume(
            CoordinateSystemNames.PATIENT,
            null,
            Map.of(ChannelDescriptor.of("SegmentNumber"), List.of(1, 2)));
    assertArrayEquals(new int[] {3, 4, 5}, v.spatialShape());
    assertEquals(1, v.numberOfChannelDimensions());
  }

  @Test
  void misuseIsRejected() {
    LabelMapImage noGeometry = new LabelMapImage(NrrdTest.ramp(DType.UINT8), null, null);
    assertThrows(IllegalStateException.class, () -> noGeometry.toVolume(null));
    assertThrows(IllegalArgumentException.class, () -> noGeometry.write(dir.resolve("x.nii")));
    assertThrows(IllegalArgumentException.class, () -> noGeometry.write(dir.resolve("x.mha")));
    assertThrows(IllegalArgumentException.class, () -> LabelMapImage.read(dir.resolve("x.png")));
    assertThrows(NullPointerException.class, () -> new LabelMapImage(null, null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LabelMapImage(NrrdTest.ramp(DType.UINT8), new double[3][3], null));
  }

  @Test
  void affineIsCopiedInAndOut() {
    double[][] a = NrrdTest.oblique();
    LabelMapImage img = new LabelMapImage(NrrdTest.ramp(DType.UINT8), a, null);
    a[0][3] = 999;
    assertNotEquals(999, img.affineLps()[0][3]);
    img.affineLps()[0][3] = 999;
    assertNotEquals(999, img.affineLps()[0][3]);
    assertEquals(img, new LabelMapImage(NrrdTest.ramp(DType.UINT8), NrrdTest.oblique(), Map.of()));
    assertEquals(
        img.hashCode(),
        new LabelMapImage(NrrdTest.ramp(DType.UINT8), NrrdTest.oblique(), Map.of()).hashCode());
  }
}
