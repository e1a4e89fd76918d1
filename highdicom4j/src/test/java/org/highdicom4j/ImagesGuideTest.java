package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.testing.DocSnippets;
import org.highdicom4j.io.ImageFileReader;
import org.junit.jupiter.api.Test;

/**
 * The Java snippets of docs/images.md, compiled and run here. Each snippet sits between "//
 * snippet: docs/images.md NAME" and "// end snippet" comments; {@link #guideSnippetsMatchThisFile}
 * checks that the page holds the same code.
 */
class ImagesGuideTest {

  @Test
  void readingImagesAndFrames() throws Exception {
    Path path = Corpus.file("pydicom-data/emri_small.dcm");
    // snippet: docs/images.md read
    Image image = Image.read(path);
    int n = image.numberOfFrames(); // 10
    NdArray stored = image.getStoredFrame(1); // frame numbers start at 1, as in DICOM
    NdArray first = image.getStoredFrame(0, true); // or a 0-based index
    NdArray some = image.getStoredFrames(new int[] {3, 1}, false); // any order, decoded in parallel
    // end snippet
    assertEquals(10, n);
    assertEquals(stored, first);
    assertEquals(2, some.shape(0));
  }

  @Test
  void lazyFrameRetrieval() throws Exception {
    Path path = Corpus.file("pydicom-data/emri_small.dcm");
    // snippet: docs/images.md lazy
    Image lazy = Image.read(path, ImageReadOptions.LAZY);
    NdArray frame = lazy.getStoredFrame(7); // reads only the bytes of frame 7
    // end snippet
    assertEquals(64, frame.shape(0));
  }

  @Test
  void pixelTransforms() throws Exception {
    Path path = Corpus.file("pydicom/CT_small.dcm");
    // snippet: docs/images.md transforms
    Image ct = Image.read(path);
    NdArray hu = ct.getFrame(1); // rescale slope/intercept applied, float64
    NdArray windowed =
        ct.getFrame(
            1,
            PixelTransformOptions.builder()
                .applyVoiTransform(true)
                .voiTransformSelector(VOILUTTransformation.ofWindow(40, 400, null))
                .voiOutputRange(0, 255)
                .dtype(DType.FLOAT32)
                .build());
    NdArray huInt = ct.getFrame(1, PixelTransformOptions.builder().dtype(DType.INT32).build());
    // end snippet
    assertEquals(hu.getFlatDouble(0), huInt.getFlatDouble(0));
    assertTrue(windowed.max() <= 255);
  }

  @Test
  void totalPixelMatrix() throws Exception {
    Path path = Corpus.file("highdicom/sm_image.dcm");
    // snippet: docs/images.md tiles
    Image slide = Image.read(path, ImageReadOptions.LAZY);
    if (slide.isTiled()) {
      // rows 11..30 and columns 21..40 (1-based, end exclusive), only overlapping tiles are read
      NdArray region =
          slide.getTotalPixelMatrix(
              11, 31, 21, 41, false, PixelTransformOptions.builder().dtype(DType.UINT8).build());
      // end snippet
      assertEquals(20, region.shape(0));
    }
  }

  @Test
  void paletteLuts() throws Exception {
    // snippet: docs/images.md palette
    PaletteColorLUTTransformation labels =
        PaletteColorLUTTransformation.fromColors(
            List.of("black", "red", "orange", "yellow"), 0, null);
    NdArray rgb = labels.apply(NdArray.wrap(DType.UINT8, new byte[] {0, 1, 3}, 3), null);
    // end snippet
    assertEquals(255, rgb.getLong(2, 1));
  }

  @Test
  void introspection() throws Exception {
    Path path = Corpus.file("highdicom/seg_image_ct_binary.dcm");
    // snippet: docs/images.md introspection
    Image seg = Image.read(path);
    Optional<CoordinateSystemNames> cs = seg.coordinateSystem(); // PATIENT
    int[] pointers = seg.dimensionIndexPointers(); // ReferencedSegmentNumber, ImagePositionPatient
    boolean byPosition =
        seg.areDimensionIndicesUnique(Tag.ReferencedSegmentNumber, Tag.ImagePositionPatient);
    List<InstanceUids> sources = seg.getSourceImageUids(); // study, series, instance UIDs
    // end snippet
    assertEquals(Optional.of(CoordinateSystemNames.PATIENT), cs);
    assertEquals(2, pointers.length);
    assertTrue(byPosition);
    assertEquals(4, sources.size());
  }

  @Test
  void volumes() throws Exception {
    Path path = Corpus.file("pydicom-data/eCT_Supplemental.dcm");
    // snippet: docs/images.md volume
    Image ct = Image.read(path);
    Optional<VolumeGeometry> geometry = ct.getVolumeGeometry(); // empty if not a regular stack
    Volume hu = ct.getVolume(); // frames sorted along the normal, same transforms as getFrame
    double[][] affine = hu.affine(); // voxel indices to patient coordinates (LPS, mm)
    // end snippet
    assertTrue(geometry.orElseThrow().geometryEqual(hu));
    assertEquals(4, affine.length);
  }

  @Test
  void imageFileReader() throws Exception {
    Path path = Corpus.file("pydicom-data/emri_small.dcm");
    // snippet: docs/images.md reader
    try (ImageFileReader reader = new ImageFileReader(path)) {
      reader.open(); // reads the metadata only
      int frames = reader.numberOfFrames();
      byte[] raw = reader.readFrameRaw(frames - 1); // 0-based indices, as in highdicom
      NdArray last = reader.readFrame(frames - 1);
    }
    // end snippet
  }

  @Test
  void guideSnippetsMatchThisFile() throws Exception {
    assertEquals(
        8,
        DocSnippets.assertGuideContainsSnippets(
            "highdicom4j/src/test/java/org/highdicom4j/ImagesGuideTest.java", "docs/images.md"));
  }
}
