package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.highdicom4j.DimensionOrganizationTypeValues;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parity with highdicom: each tiled segmentation in highdicom's test data was written by highdicom
 * from the named slide. Its total pixel matrix, read with our reader, is given back to our builder
 * with the same source, type and dimension organisation; the result must hold the same matrix and
 * the same tiling attributes and per-frame positions of the non-empty tiles.
 *
 * <p>Deliberate differences, not compared:
 *
 * <ul>
 *   <li>seg_image_sm_dots, seg_image_sm_numbers and seg_image_sm_control come from an older
 *       highdicom and an older version of the slides: their Total Pixel Matrix origin (X 23.449374,
 *       Y 25.691075, Z 1.01) is not the one of today's sm_image*.dcm (23.449873, 25.691574, no Z),
 *       so tile positions are compared relative to each file's own origin, and with X and Y
 *       exchanged and source frame numbers transposed: that highdicom version transposed the slide
 *       axes (see below); they also lack Dimension Organization Type (we write TILED_SPARSE,
 *       highdicom's default since 0.22), index Column before Row (we follow current highdicom: Row,
 *       Column) and carry no specimen information (we copy it from the source, as current highdicom
 *       does).
 *   <li>We write an empty Patient Orientation (0020,0020): General Image makes it Type 2C for
 *       images without Image Orientation (Patient), and dciodvfy reports its absence in highdicom's
 *       files.
 *   <li>TILED_FULL: highdicom 0.21 wrote a Dimension Index Sequence; we leave it out, which PS3.3
 *       C.7.6.17 allows for TILED_FULL (FEATURES SEG-C11).
 * </ul>
 */
class SegmentationTiledParityTest {
  @TempDir Path dir;

  static Path data() {
    Path shared = SegTestData.shared();
    SegTestData.require(
        shared != null && Files.isRegularFile(shared.resolve("testdata/highdicom/sm_image.dcm")),
        "../shared/testdata/highdicom");
    return shared.resolve("testdata/highdicom");
  }

  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource({
    "seg_image_sm_dots.dcm, sm_image_dots.dcm, false",
    "seg_image_sm_dots_tiled_full.dcm, sm_image_dots.dcm, true",
    "seg_image_sm_numbers.dcm, sm_image_numbers.dcm, false",
    "seg_image_sm_control.dcm, sm_image_control.dcm, false",
    "seg_image_sm_control_labelmap.dcm, sm_image_control.dcm, true"
  })
  void recreatesHighdicomsTiledSegmentation(String segName, String sourceName, boolean sameOrigin)
      throws Exception {
    Path data = data();
    Segmentation hd = Segmentation.read(data.resolve(segName));
    DicomDataset hdDs = hd.dataset();
    DicomDataset source = DicomReader.read(data.resolve(sourceName)).dataset();
    boolean labelmap = hd.segmentationType() == SegmentationTypeValues.LABELMAP;
    boolean tiledFull = "TILED_FULL".equals(hdDs.getString(Tag.DimensionOrganizationType));
    SegmentPixelOptions options =
        labelmap
            ? SegmentPixelOptions.DEFAULT.withCombineSegments(true)
            : SegmentPixelOptions.DEFAULT;
    NdArray tpm = hd.getTotalPixelMatrix(options);

    Segmentation.Builder b =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(List.of(source))
            .pixelArray(tpm)
            .tilePixelArray(true)
            .segmentationType(hd.segmentationType())
            .segmentDescriptions(hd.segmentDescriptions());
    if (tiledFull) {
      b.dimensionOrganizationType(DimensionOrganizationTypeValues.TILED_FULL)
          .omitEmptyFrames(false);
    }
    Path file = dir.resolve("ours.dcm");
    b.build().write(file);
    Segmentation ours = Segmentation.read(file);
    DicomDataset ds = ours.dataset();

    assertEquals(tpm, ours.getTotalPixelMatrix(options), "total pixel matrix");
    for (int tag :
        new int[] {
          Tag.TotalPixelMatrixRows,
          Tag.TotalPixelMatrixColumns,
          Tag.Rows,
          Tag.Columns,
          Tag.NumberOfFrames,
          Tag.BitsAllocated
        }) {
      assertEquals(hdDs.getInt(tag, -1), ds.getInt(tag, -2), "tag " + Integer.toHexString(tag));
    }
    assertEquals(hdDs.getString(Tag.SegmentationType), ds.getString(Tag.SegmentationType));
    assertEquals(hdDs.getString(Tag.FrameOfReferenceUID), ds.getString(Tag.FrameOfReferenceUID));
    // Specimen information comes from the source (the older files have none).
    assertEquals(source.getString(Tag.ContainerIdentifier), ds.getString(Tag.ContainerIdentifier));
    assertEquals(
        source.getSequence(Tag.SpecimenDescriptionSequence).size(),
        ds.getSequence(Tag.SpecimenDescriptionSequence).size());
    if (sameOrigin) {
      assertEquals(hdDs.getString(Tag.ContainerIdentifier), ds.getString(Tag.ContainerIdentifier));
      assertEquals(
          hdDs.getItem(Tag.SpecimenDescriptionSequence).getString(Tag.SpecimenUID),
          ds.getItem(Tag.SpecimenDescriptionSequence).getString(Tag.SpecimenUID));
    }
    assertArrayEquals(
        hdDs.getDoubles(Tag.ImageOrientationSlide), ds.getDoubles(Tag.ImageOrientationSlide), 0);
    DicomDataset hdMeasures = pixelMeasures(hdDs);
    DicomDataset measures = pixelMeasures(ds);
    assertArrayEquals(
        hdMeasures.getDoubles(Tag.PixelSpacing), measures.getDoubles(Tag.PixelSpacing), 0);
    assertArrayEquals(
        hdMeasures.getDoubles(Tag.SliceThickness), measures.getDoubles(Tag.SliceThickness), 0);
    String hdOrganisation = hdDs.getString(Tag.DimensionOrganizationType);
    assertEquals(
        hdOrganisation == null ? "TILED_SPARSE" : hdOrganisation,
        ds.getString(Tag.DimensionOrganizationType));
    double[] hdOrigin = origin(hdDs);
    double[] origin = origin(ds);
    if (sameOrigin) {
      assertArrayEquals(hdOrigin, origin, 1e-9, "TotalPixelMatrixOriginSequence");
      assertEquals(
          hdDs.getInt(Tag.TotalPixelMatrixFocalPlanes, -1),
          ds.getInt(Tag.TotalPixelMatrixFocalPlanes, -2));
    }

    if (tiledFull) {
      assertNull(ds.getSequence(Tag.PerFrameFunctionalGroupsSequence));
      assertNull(hdDs.getSequence(Tag.PerFrameFunctionalGroupsSequence));
      return;
    }
    Map<String, double[]> hdTiles = tiles(hdDs, hdOrigin);
    if (!sameOrigin) {
      // The older highdicom moved tiles along X by column and along Y by row, transposing Image
      // Orientation (Slide) (0,-1,0,-1,0,0); current highdicom (seg_image_sm_control_labelmap)
      // and PS3.3 C.8.12.4.1 move them along the row cosines by column and the column cosines by
      // row, as we do.
      for (double[] v : hdTiles.values()) {
        double x = v[0];
        v[0] = v[1];
        v[1] = x;
        // Its Referenced Frame Numbers count the source's 5 x 5 TILED_FULL tiles column by
        // column for the same reason; PS3.3 C.7.6.17.3 counts them row by row.
        int t = (int) v[3] - 1;
        v[3] = (t % 5) * 5 + t / 5 + 1;
      }
    }
    Map<String, double[]> tiles = tiles(ds, origin);
    assertEquals(hdTiles.keySet(), tiles.keySet(), "non-empty tiles (segment/row/column)");
    for (Map.Entry<String, double[]> e : hdTiles.entrySet()) {
      // Offsets from the origin, the referenced source frame, then (same origin) the index values.
      assertArrayEquals(e.getValue(), tiles.get(e.getKey()), 1e-9, "tile " + e.getKey());
    }
    if (sameOrigin) {
      assertEquals(indexValues(hdDs), indexValues(ds), "DimensionIndexValues");
    }
  }

  @Test
  void volumeOfHighdicomsTiledSegmentationStartsAtItsTotalPixelMatrixOrigin() throws Exception {
    Segmentation seg = Segmentation.read(data().resolve("seg_image_sm_control.dcm"));
    Volume v = seg.getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertArrayEquals(new int[] {1, 50, 50}, v.spatialShape());
    double[][] a = v.affine();
    // TotalPixelMatrixOriginSequence (23.449374, 25.6910749999999, Z 1.01); rows move along the
    // column cosines (-1, 0, 0) and columns along the row cosines (0, -1, 0), 0.000499 mm apart.
    assertArrayEquals(
        new double[] {23.449374, 25.6910749999999, 1.01},
        new double[] {a[0][3], a[1][3], a[2][3]},
        1e-12);
    assertArrayEquals(
        new double[] {-0.000499, 0, 0}, new double[] {a[0][1], a[1][1], a[2][1]}, 1e-15);
    assertArrayEquals(
        new double[] {0, -0.000499, 0}, new double[] {a[0][2], a[1][2], a[2][2]}, 1e-15);
    NdArray tpm = seg.getTotalPixelMatrix(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertEquals(tpm, v.array().reshape(50, 50));
  }

  private static DicomDataset pixelMeasures(DicomDataset ds) {
    DicomDataset pm =
        ds.getItem(Tag.SharedFunctionalGroupsSequence).getItem(Tag.PixelMeasuresSequence);
    assertNotNull(pm, "shared PixelMeasuresSequence");
    return pm;
  }

  private static double[] origin(DicomDataset ds) {
    DicomDataset o = ds.getItem(Tag.TotalPixelMatrixOriginSequence);
    return new double[] {
      o.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0),
      o.getDouble(Tag.YOffsetInSlideCoordinateSystem, 0),
      o.getDouble(Tag.ZOffsetInSlideCoordinateSystem, 0)
    };
  }

  /** Per frame key "segment/row/column": offsets from the origin and Referenced Frame Number. */
  private static Map<String, double[]> tiles(DicomDataset ds, double[] origin) {
    Map<String, double[]> out = new TreeMap<>();
    Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    for (DicomDataset f : perFrame) {
      DicomDataset p = f.getItem(Tag.PlanePositionSlideSequence);
      DicomDataset seg = f.getItem(Tag.SegmentIdentificationSequence);
      String key =
          (seg == null ? 0 : seg.getInt(Tag.ReferencedSegmentNumber, 0))
              + "/"
              + p.getInt(Tag.RowPositionInTotalImagePixelMatrix, 0)
              + "/"
              + p.getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 0);
      DicomDataset derivation = f.getItem(Tag.DerivationImageSequence);
      int frame =
          derivation == null
              ? 0
              : derivation.getItem(Tag.SourceImageSequence).getInt(Tag.ReferencedFrameNumber, 0);
      double[] v = {
        p.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0) - origin[0],
        p.getDouble(Tag.YOffsetInSlideCoordinateSystem, 0) - origin[1],
        p.getDouble(Tag.ZOffsetInSlideCoordinateSystem, 0) - origin[2],
        frame
      };
      assertFalse(out.containsKey(key), "one frame per segment and tile: " + key);
      out.put(key, v);
    }
    return out;
  }

  private static Map<String, String> indexValues(DicomDataset ds) {
    Map<String, String> out = new TreeMap<>();
    for (DicomDataset f : ds.getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
      DicomDataset p = f.getItem(Tag.PlanePositionSlideSequence);
      String key =
          p.getInt(Tag.RowPositionInTotalImagePixelMatrix, 0)
              + "/"
              + p.getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 0);
      out.put(
          key,
          java.util.Arrays.toString(
              f.getItem(Tag.FrameContentSequence).getInts(Tag.DimensionIndexValues)));
    }
    return out;
  }
}
