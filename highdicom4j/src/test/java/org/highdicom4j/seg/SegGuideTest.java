package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.highdicom4j.AlgorithmIdentificationSequence;
import org.highdicom4j.DType;
import org.highdicom4j.DimensionOrganizationTypeValues;
import org.highdicom4j.NdArray;
import org.highdicom4j.PixelTransformOptions;
import org.highdicom4j.Volume;
import org.highdicom4j.VolumeReadOptions;
import org.highdicom4j.Volumes;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.coding.DCM;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.testing.DocSnippets;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the snippets of {@code docs/seg.md}; each test body between "// snippet" markers is copied
 * verbatim into the guide. Expected values of the reading examples are those printed in highdicom's
 * SEG guide for the same test files.
 */
class SegGuideTest {
  @TempDir Path dir;

  static Path testFiles() {
    Path shared = SegTestData.shared();
    SegTestData.require(
        shared != null && Files.isDirectory(shared.resolve("testdata/highdicom")),
        "../shared/testdata");
    return shared.resolve("testdata/highdicom");
  }

  @Test
  void creating() throws Exception {
    List<DicomDataset> ctSlices = new ArrayList<>();
    SyntheticCtSeries series = new SyntheticCtSeries(4, 16, 16, 0.8, 2.5);
    for (int i = 0; i < series.slices(); i++) {
      ctSlices.add(series.slice(i));
    }
    Path out = dir.resolve("seg.dcm");
    // snippet: docs/seg.md create
    // One label per pixel, frames 1:1 with the source slices: 0 = background, 1 = liver.
    NdArray mask = NdArray.zeros(DType.UINT8, 4, 16, 16);
    mask.setDouble(1, 2, 8, 8);

    SegmentDescription liver =
        SegmentDescription.builder(
                1,
                "liver",
                new CodedConcept("123037004", "SCT", "Anatomical Structure"),
                new CodedConcept("10200004", "SCT", "Liver"),
                SegmentAlgorithmTypeValues.AUTOMATIC)
            .algorithmIdentification(
                new AlgorithmIdentificationSequence("Liver AI", DCM.ArtificialIntelligence, "1.0"))
            .build();

    Segmentation seg =
        Segmentation.builder()
            .sourceImages(ctSlices)
            .pixelArray(mask)
            .segmentationType(SegmentationTypeValues.BINARY)
            .segmentDescriptions(List.of(liver))
            .seriesInstanceUid(UidGenerator.newUid())
            .seriesNumber(100)
            .sopInstanceUid(UidGenerator.newUid())
            .instanceNumber(1)
            .manufacturer("Acme")
            .manufacturerModelName("Liver AI")
            .softwareVersions("1.0")
            .deviceSerialNumber("42")
            .transferSyntaxUid(UID.JPEG2000Lossless)
            .build();
    seg.write(out);
    // end snippet
    assertEquals(1, seg.numberOfFrames(), "empty frames are omitted");
    Segmentation back = Segmentation.read(out);
    assertEquals(1, back.getVolume().array().max());
  }

  @Test
  void creatingFromAVolume() throws Exception {
    List<DicomDataset> ctSlices = new ArrayList<>();
    SyntheticCtSeries series = new SyntheticCtSeries(4, 16, 16, 0.8, 2.5);
    for (int i = 0; i < series.slices(); i++) {
      ctSlices.add(series.slice(i));
    }
    SegmentDescription liver =
        SegmentDescription.builder(
                1,
                "liver",
                new CodedConcept("123037004", "SCT", "Anatomical Structure"),
                new CodedConcept("10200004", "SCT", "Liver"),
                SegmentAlgorithmTypeValues.AUTOMATIC)
            .algorithmIdentification(
                new AlgorithmIdentificationSequence("Liver AI", DCM.ArtificialIntelligence, "1.0"))
            .build();
    // snippet: docs/seg.md from-volume
    // The CT as a volume (axis 0 from the most superior slice down), thresholded into a label map.
    Volume ct =
        Volumes.fromSeries(ctSlices, PixelTransformOptions.DEFAULT, VolumeReadOptions.defaults());
    NdArray labels = NdArray.zeros(DType.UINT8, ct.shape());
    for (int i = 0; i < labels.size(); i++) {
      if (ct.array().getFlatDouble(i) == SyntheticCtSeries.Organ.LIVER.hounsfieldUnits()) {
        labels.setFlatDouble(i, 1);
      }
    }
    // A model that saw only rows and columns 4 to 11 of each slice: the crop keeps its affine.
    Volume mask = ct.withArray(labels).slice(":, 4:12, 4:12");

    Segmentation seg =
        Segmentation.builder()
            .sourceImages(ctSlices)
            .pixelArray(mask) // positions, orientation and pixel measures from the affine
            .segmentationType(SegmentationTypeValues.LABELMAP)
            .segmentDescriptions(List.of(liver))
            .seriesInstanceUid(UidGenerator.newUid())
            .seriesNumber(100)
            .sopInstanceUid(UidGenerator.newUid())
            .instanceNumber(1)
            .manufacturer("Acme")
            .manufacturerModelName("Liver AI")
            .softwareVersions("1.0")
            .deviceSerialNumber("42")
            .omitEmptyFrames(false)
            .build();

    // Each frame references the CT slice it lies in, with SpatialLocationsPreserved NO (cropped).
    Volume back = seg.getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    // back.array() equals mask.array(), back.affine() equals mask.affine()
    // end snippet
    assertArrayEquals(new int[] {4, 8, 8}, back.shape());
    assertEquals(1.0, mask.array().max(), "the crop holds liver");
    for (int i = 0; i < mask.array().size(); i++) {
      assertEquals(mask.array().getFlatDouble(i), back.array().getFlatDouble(i));
    }
    for (int r = 0; r < 4; r++) {
      assertArrayEquals(mask.affine()[r], back.affine()[r], 1e-6);
    }
    DicomDataset frame = seg.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence).get(0);
    DicomDataset source =
        frame
            .getSequence(Tag.DerivationImageSequence)
            .get(0)
            .getSequence(Tag.SourceImageSequence)
            .get(0);
    assertEquals("NO", source.getString(Tag.SpatialLocationsPreserved));
  }

  @Test
  void reading() throws Exception {
    Path dataDir = testFiles();
    // snippet: docs/seg.md read
    Segmentation seg = Segmentation.read(dataDir.resolve("seg_image_ct_binary.dcm"));

    // From a data set received over the network (copied, as highdicom's copy=True):
    DicomDataset dcm = DicomReader.read(dataDir.resolve("seg_image_ct_binary.dcm")).dataset();
    Segmentation fromDataset = Segmentation.fromDataset(dcm);

    // The data set is still there, read-only.
    String patientName = seg.dataset().getString(Tag.PatientName); // "Doe^Archibald"
    // end snippet
    assertEquals("Doe^Archibald", patientName);
    assertEquals(seg.segmentationType(), fromDataset.segmentationType());
  }

  @Test
  void searchingForSegments() throws Exception {
    Path dataDir = testFiles();
    // snippet: docs/seg.md search
    Segmentation seg = Segmentation.read(dataDir.resolve("seg_image_ct_binary_overlap.dcm"));

    int count = seg.numberOfSegments(); // 2
    int[] numbers = seg.segmentNumbers(); // {1, 2}

    // Filters (label, category, type, algorithm type, tracking UID, tracking ID); null = any.
    int[] first = seg.getSegmentNumbers("first segment", null, null, null, null, null); // {1}
    CodedConcept bone = new CodedConcept("272673000", "SCT", "Bone");
    int[] bones = seg.getSegmentNumbers(null, null, bone, null, null, null); // {1}
    int[] tracked =
        seg.getSegmentNumbers(
            null,
            null,
            null,
            null,
            "1.2.826.0.1.3680043.10.511.3.10042414969629429693880339016394772",
            null); // {2}

    SegmentDescription description = seg.getSegmentDescription(1);
    String label = description.segmentLabel(); // "first segment"
    // end snippet
    assertEquals(2, count);
    assertArrayEquals(new int[] {1, 2}, numbers);
    assertArrayEquals(new int[] {1}, first);
    assertArrayEquals(new int[] {1}, bones);
    assertArrayEquals(new int[] {2}, tracked);
    assertEquals("first segment", label);
    assertEquals(
        "1.2.826.0.1.3680043.10.511.3.83271046815894549094043330632275067",
        description.trackingUid().orElseThrow());
  }

  @Test
  void masksBySourceInstance() throws Exception {
    Path dataDir = testFiles();
    // snippet: docs/seg.md by-instance
    Segmentation seg = Segmentation.read(dataDir.resolve("seg_image_ct_binary.dcm"));

    for (SourceImageReference source : seg.getSourceImageUids()) {
      System.out.println(source.sopInstanceUid());
    }
    // 1.3.6.1.4.1.5962.1.1.0.0.0.1196530851.28319.0.93 … .96

    NdArray pixels =
        seg.getPixelsBySourceInstance(
            List.of(
                "1.3.6.1.4.1.5962.1.1.0.0.0.1196530851.28319.0.93",
                "1.3.6.1.4.1.5962.1.1.0.0.0.1196530851.28319.0.94"));
    int[] shape = pixels.shape(); // {2, 16, 16, 1}: instances, rows, columns, segments
    // end snippet
    assertArrayEquals(new int[] {2, 16, 16, 1}, shape);
    assertEquals(4, seg.getSourceImageUids().size());
    assertEquals(1.0, pixels.max());
    assertEquals(0.0, pixels.min());
  }

  @Test
  void masksBySourceFrameSegmentsAndLabelMaps() throws Exception {
    Path dataDir = testFiles();
    // snippet: docs/seg.md by-frame
    Segmentation seg = Segmentation.read(dataDir.resolve("seg_image_sm_numbers.dcm"));
    String sourceUid = seg.getSourceImageUids().get(0).sopInstanceUid();
    int[] frames = new int[25];
    for (int i = 0; i < 25; i++) {
      frames[i] = i + 1; // source frame numbers 1..25
    }

    // All 20 segments stacked down the last axis: shape {25, 10, 10, 20}
    SegmentPixelOptions options = SegmentPixelOptions.DEFAULT.withAssertMissingFramesAreEmpty(true);
    NdArray stacked = seg.getPixelsBySourceFrame(sourceUid, frames, options);

    // Segments 10, 9 and 8, in that order: shape {25, 10, 10, 3}
    NdArray three =
        seg.getPixelsBySourceFrame(sourceUid, frames, options.withSegmentNumbers(10, 9, 8));

    // Combined into one label map holding 0, 8, 9 and 10: shape {25, 10, 10}
    NdArray labels =
        seg.getPixelsBySourceFrame(
            sourceUid, frames, options.withSegmentNumbers(10, 9, 8).withCombineSegments(true));

    // Relabelled 1, 2, 3 in the order requested (10 -> 1, 9 -> 2, 8 -> 3)
    NdArray relabelled =
        seg.getPixelsBySourceFrame(
            sourceUid,
            frames,
            options.withSegmentNumbers(10, 9, 8).withCombineSegments(true).withRelabel(true));
    // end snippet
    assertArrayEquals(new int[] {25, 10, 10, 20}, stacked.shape());
    assertArrayEquals(new int[] {25, 10, 10, 3}, three.shape());
    assertArrayEquals(new int[] {25, 10, 10}, labels.shape());
    assertEquals(List.of(0L, 8L, 9L, 10L), distinct(labels));
    assertEquals(List.of(0L, 1L, 2L, 3L), distinct(relabelled));
    assertEquals(List.of(0L, 1L), distinct(stacked));
  }

  private static List<Long> distinct(NdArray a) {
    java.util.TreeSet<Long> s = new java.util.TreeSet<>();
    for (int i = 0; i < a.size(); i++) {
      s.add(a.getFlatLong(i));
    }
    return new ArrayList<>(s);
  }

  @Test
  void fractional() throws Exception {
    Path dataDir = testFiles();
    // snippet: docs/seg.md fractional
    Segmentation seg = Segmentation.read(dataDir.resolve("seg_image_ct_binary_fractional.dcm"));
    List<String> sopUids =
        seg.getSourceImageUids().stream().map(SourceImageReference::sopInstanceUid).toList();
    SegmentPixelOptions options = SegmentPixelOptions.DEFAULT.withAssertMissingFramesAreEmpty(true);

    // Values divided by MaximumFractionalValue: FLOAT32 in [0, 1]
    NdArray fractions = seg.getPixelsBySourceInstance(sopUids, options);
    // The stored integers instead
    NdArray stored = seg.getPixelsBySourceInstance(sopUids, options.withRescaleFractional(false));
    // end snippet
    assertEquals(DType.FLOAT32, fractions.dtype());
    assertEquals(DType.UINT8, stored.dtype());
    assertTrue(fractions.max() <= 1.0);
    for (int i = 0; i < stored.size(); i++) {
      assertEquals(
          stored.getFlatDouble(i) / seg.maxFractionalValue(), fractions.getFlatDouble(i), 1e-6);
    }
  }

  @Test
  void volumes() throws Exception {
    Path dataDir = testFiles();
    // snippet: docs/seg.md volume
    Segmentation seg = Segmentation.read(dataDir.resolve("seg_image_ct_binary.dcm"));
    Volume vol = seg.getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    int[] spatialShape = vol.spatialShape(); // {3, 16, 16}
    double[][] affine = vol.affine();
    // {{ 0.0,   0.0,      0.488281, -125.0     },
    //  { 0.0,   0.488281, 0.0,      -128.100006},
    //  {-1.25,  0.0,      0.0,       105.519997},
    //  { 0.0,   0.0,      0.0,         1.0     }}
    // end snippet
    assertArrayEquals(new int[] {3, 16, 16}, spatialShape);
    double[][] expected = {
      {0, 0, 0.488281, -125},
      {0, 0.488281, 0, -128.100006},
      {-1.25, 0, 0, 105.519997},
      {0, 0, 0, 1}
    };
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(expected[i], affine[i], 1e-5);
    }
  }

  @Test
  void totalPixelMatrix() throws Exception {
    Path dataDir = testFiles();
    // snippet: docs/seg.md tpm
    Segmentation seg = Segmentation.read(dataDir.resolve("seg_image_sm_control.dcm"));

    // The whole matrix, segments stacked: (TotalPixelMatrixRows, TotalPixelMatrixColumns, 20)
    NdArray mask = seg.getTotalPixelMatrix(SegmentPixelOptions.DEFAULT);

    SegmentPixelOptions combined = SegmentPixelOptions.DEFAULT.withCombineSegments(true);
    // Rows 20..39 and columns 10..19 (1-based, ends exclusive): shape {20, 10}
    NdArray region = seg.getTotalPixelMatrix(20, 40, 10, 20, false, combined);
    // From row 21 to the end, columns 30 to 26 from the right: shape {30, 5}
    NdArray corner = seg.getTotalPixelMatrix(21, null, -30, -25, false, combined);
    // end snippet
    assertArrayEquals(
        new int[] {
          seg.dataset().getInt(Tag.TotalPixelMatrixRows, 0),
          seg.dataset().getInt(Tag.TotalPixelMatrixColumns, 0),
          seg.numberOfSegments()
        },
        mask.shape());
    assertArrayEquals(new int[] {20, 10}, region.shape());
    assertArrayEquals(new int[] {30, 5}, corner.shape());
  }

  @Test
  void creatingFromATotalPixelMatrix() throws Exception {
    Path dataDir = testFiles();
    Path out = dir.resolve("sm-seg.dcm");
    // snippet: docs/seg.md create-tiled
    // A slide microscopy image: 50 x 50 total pixel matrix in 25 tiles of 10 x 10.
    DicomDataset smImage = DicomReader.read(dataDir.resolve("sm_image.dcm")).dataset();

    // A mask of the whole total pixel matrix, not of single tiles.
    NdArray mask = NdArray.zeros(DType.UINT8, 50, 50);
    for (int r = 38; r < 43; r++) {
      for (int c = 5; c < 41; c++) {
        mask.setDouble(1, r, c);
      }
    }
    SegmentDescription nucleus =
        SegmentDescription.builder(
                1,
                "Segment #1",
                new CodedConcept("91723000", "SCT", "Anatomical Structure"),
                new CodedConcept("84640000", "SCT", "Nucleus"),
                SegmentAlgorithmTypeValues.MANUAL)
            .build();

    Segmentation.Builder builder =
        Segmentation.builder()
            .sourceImages(List.of(smImage))
            .pixelArray(mask)
            .segmentationType(SegmentationTypeValues.BINARY)
            .segmentDescriptions(List.of(nucleus))
            .seriesInstanceUid(UidGenerator.newUid())
            .seriesNumber(1)
            .sopInstanceUid(UidGenerator.newUid())
            .instanceNumber(1)
            .manufacturer("Foo Corp.")
            .manufacturerModelName("Slide Segmentation Algorithm")
            .softwareVersions("0.0.1")
            .deviceSerialNumber("1234567890")
            .tilePixelArray(true); // cut into the source's 10 x 10 tiles

    // TILED_SPARSE (the default): only the 10 non-empty tiles, each with its position.
    Segmentation sparse = builder.build();
    int sparseFrames = sparse.numberOfFrames(); // 10

    // TILED_FULL: all 25 tiles in the implicit order, without per-frame functional groups.
    Segmentation full =
        builder
            .sopInstanceUid(UidGenerator.newUid())
            .omitEmptyFrames(false)
            .dimensionOrganizationType(DimensionOrganizationTypeValues.TILED_FULL)
            .build();
    int fullFrames = full.numberOfFrames(); // 25
    full.write(out);
    // end snippet
    assertEquals(10, sparseFrames);
    assertEquals(25, fullFrames);
    NdArray back =
        Segmentation.read(out)
            .getTotalPixelMatrix(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertEquals(mask.astype(back.dtype()), back);
  }

  @Test
  void creatingAPyramid() throws Exception {
    Path dataDir = testFiles();
    // snippet: docs/seg.md pyramid
    DicomDataset smImage = DicomReader.read(dataDir.resolve("sm_image.dcm")).dataset();
    NdArray mask = NdArray.zeros(DType.UINT8, 50, 50);
    for (int r = 38; r < 43; r++) {
      for (int c = 5; c < 41; c++) {
        mask.setDouble(1, r, c);
      }
    }
    SegmentDescription nucleus =
        SegmentDescription.builder(
                1,
                "Segment #1",
                new CodedConcept("91723000", "SCT", "Anatomical Structure"),
                new CodedConcept("84640000", "SCT", "Nucleus"),
                SegmentAlgorithmTypeValues.MANUAL)
            .build();

    // Three levels: the mask itself, half and a quarter of its size.
    List<Segmentation> pyramid =
        Segmentation.createSegmentationPyramid(
            List.of(smImage),
            List.of(mask),
            new double[] {2, 4}, // downsample factors
            null, // SOP Instance UIDs: generated
            b ->
                b.segmentationType(SegmentationTypeValues.BINARY)
                    .segmentDescriptions(List.of(nucleus))
                    .seriesNumber(1)
                    .manufacturer("Foo Corp.")
                    .manufacturerModelName("Slide Segmentation Algorithm")
                    .softwareVersions("0.0.1")
                    .deviceSerialNumber("1234567890")
                    .pyramidLabel("Nuclei"));
    for (Segmentation level : pyramid) {
      int instance = level.dataset().getInt(Tag.InstanceNumber, 0); // 1, 2, 3
      level.write(dir.resolve("nuclei-" + instance + ".dcm"));
    }
    int quarterRows = pyramid.get(2).dataset().getInt(Tag.TotalPixelMatrixRows, 0); // 12
    // end snippet
    assertEquals(3, pyramid.size());
    assertEquals(12, quarterRows);
    for (int i = 0; i < 3; i++) {
      assertTrue(Files.isRegularFile(dir.resolve("nuclei-" + (i + 1) + ".dcm")));
    }
  }

  @Test
  void guideContainsTheSnippets() throws Exception {
    assertEquals(
        11,
        DocSnippets.assertGuideContainsSnippets(
            "highdicom4j/src/test/java/org/highdicom4j/seg/SegGuideTest.java", "docs/seg.md"));
  }
}
