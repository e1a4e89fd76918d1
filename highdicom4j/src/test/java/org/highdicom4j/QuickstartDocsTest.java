package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.coding.SCT;
import org.highdicom4j.coding.UCUM;
import org.highdicom4j.coding.cid.CID7010;
import org.highdicom4j.coding.cid.CID7150;
import org.highdicom4j.coding.cid.CID7162;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.testing.DocSnippets;
import org.highdicom4j.ko.KeyObjectSelection;
import org.highdicom4j.ko.KeyObjectSelectionDocument;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.highdicom4j.seg.SegmentAlgorithmTypeValues;
import org.highdicom4j.seg.SegmentDescription;
import org.highdicom4j.seg.SegmentPixelOptions;
import org.highdicom4j.seg.Segmentation;
import org.highdicom4j.seg.SegmentationTypeValues;
import org.highdicom4j.seg.SourceImageReference;
import org.highdicom4j.sr.Comprehensive3DSR;
import org.highdicom4j.sr.EvidenceReference;
import org.highdicom4j.sr.FindingSite;
import org.highdicom4j.sr.Measurement;
import org.highdicom4j.sr.MeasurementGroupQuery;
import org.highdicom4j.sr.MeasurementReport;
import org.highdicom4j.sr.ObservationContext;
import org.highdicom4j.sr.ObserverContext;
import org.highdicom4j.sr.PersonObserverIdentifyingAttributes;
import org.highdicom4j.sr.ReferencedSegment;
import org.highdicom4j.sr.SRDocument;
import org.highdicom4j.sr.SourceSeriesForSegmentation;
import org.highdicom4j.sr.SrValidators;
import org.highdicom4j.sr.StructuredReports;
import org.highdicom4j.sr.TrackingIdentifier;
import org.highdicom4j.sr.VolumetricROIMeasurementsAndQualitativeEvaluations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of docs/quickstart.md, compiled and run in the order of highdicom's quick
 * start; each test body repeats its snippet verbatim between the markers and {@link
 * #guideContainsEverySnippet} checks the guide holds them. Expected values of the corpus files were
 * computed with pydicom (/usr/bin/python3) or are those printed in highdicom's quick start.
 */
class QuickstartDocsTest {
  static final String SELF = "highdicom4j/src/test/java/org/highdicom4j/QuickstartDocsTest.java";
  static final String GUIDE = "docs/quickstart.md";

  @TempDir Path dir;

  @Test
  void guideContainsEverySnippet() throws Exception {
    assertEquals(7, DocSnippets.assertGuideContainsSnippets(SELF, GUIDE));
  }

  @Test
  void readmeContainsTheQuickStart() throws Exception {
    assertEquals(1, DocSnippets.assertGuideContainsSnippets(SELF, "README.md"));
  }

  @Test
  void readmeQuickStart() throws Exception {
    SyntheticCtSeries phantom = new SyntheticCtSeries(8, 32, 32, 1.5, 2.5);
    List<Path> ctFiles = phantom.writeTo(dir.resolve("ct"));
    Path segPath = dir.resolve("seg.dcm");
    // snippet: README.md
    // Read a CT series and stack it into a volume of Hounsfield units with its affine
    List<Image> ct = new ArrayList<>();
    for (Path file : ctFiles) {
      ct.add(Image.read(file));
    }
    Volume volume = Image.getVolumeFromSeries(ct);

    // "Segment" the liver: the voxels between 55 and 65 HU, on the same voxel grid
    NdArray labels = NdArray.zeros(DType.UINT8, volume.shape());
    for (int i = 0; i < labels.size(); i++) {
      double hu = volume.array().getFlatDouble(i);
      labels.setFlatDouble(i, hu >= 55 && hu < 65 ? 1 : 0);
    }

    // Write it as a BINARY Segmentation that references the CT slices
    SegmentDescription liver =
        SegmentDescription.builder(
                1,
                "liver",
                CID7150.AnatomicalStructure,
                SCT.Liver,
                SegmentAlgorithmTypeValues.MANUAL)
            .build();
    Segmentation seg =
        Segmentation.builder()
            .sourceImages(ct.stream().map(Image::dataset).toList())
            .pixelArray(volume.withArray(labels))
            .segmentationType(SegmentationTypeValues.BINARY)
            .segmentDescriptions(List.of(liver))
            .seriesInstanceUid(UidGenerator.newUid())
            .seriesNumber(100)
            .sopInstanceUid(UidGenerator.newUid())
            .instanceNumber(1)
            .manufacturer("Acme")
            .manufacturerModelName("Liver threshold")
            .softwareVersions("1.0")
            .deviceSerialNumber("42")
            .build();
    seg.write(segPath);
    // end snippet
    // Independent expectation: the phantom's own liver voxels, slice by slice.
    Segmentation back = Segmentation.read(segPath);
    int liverVoxels = 0;
    for (int s = 0; s < phantom.slices(); s++) {
      NdArray mask =
          back.getPixelsBySourceInstance(
              List.of(ct.get(s).dataset().getString(Tag.SOPInstanceUID)),
              SegmentPixelOptions.DEFAULT.withCombineSegments(true));
      for (int r = 0; r < 32; r++) {
        for (int c = 0; c < 32; c++) {
          boolean truth =
              phantom.valueAt(s, r, c) == SyntheticCtSeries.Organ.LIVER.hounsfieldUnits();
          assertEquals(truth ? 1 : 0, mask.getLong(0, r, c), "slice " + s + " " + r + "," + c);
          liverVoxels += truth ? 1 : 0;
        }
      }
    }
    assertTrue(liverVoxels > 0);
  }

  @Test
  void readingAnImage() throws Exception {
    Path testFiles = Corpus.file("highdicom");
    // snippet: docs/quickstart.md reading an image
    Image image = Image.read(testFiles.resolve("ct_image.dcm"));
    String patient = image.dataset().getString(Tag.PatientName); // "CompressedSamples^CT1"
    int frames = image.numberOfFrames(); // 1

    NdArray stored = image.getStoredFrame(1); // the stored values: INT16, shape {128, 128}
    NdArray hu = image.getFrame(1); // Rescale Slope and Intercept applied: FLOAT64 Hounsfield units
    NdArray soft =
        image.getFrame(
            1,
            PixelTransformOptions.builder()
                .applyVoiTransform(true) // off by default, as in highdicom
                .voiTransformSelector(VOILUTTransformation.ofWindow(40, 400, null))
                .dtype(DType.FLOAT32)
                .build()); // a soft-tissue window, mapped to [0, 1]
    // end snippet
    assertEquals("CompressedSamples^CT1", patient);
    assertEquals(1, frames);
    assertEquals(DType.INT16, stored.dtype());
    assertArrayEquals(new int[] {128, 128}, stored.shape());
    // pydicom: pixel_array[0, :4] = 175 180 166 143, RescaleIntercept -1024
    assertArrayEquals(
        new long[] {175, 180, 166, 143},
        new long[] {
          stored.getLong(0, 0), stored.getLong(0, 1), stored.getLong(0, 2), stored.getLong(0, 3)
        });
    assertEquals(DType.FLOAT64, hu.dtype());
    assertEquals(-849.0, hu.getDouble(0, 0));
    assertEquals(-896.0, hu.min()); // pydicom: min and max of the rescaled frame
    assertEquals(1167.0, hu.max());
    // PS3.3 C.11.2.1.2.1 LINEAR with c = 40, w = 400: below 40 - 0.5 - 199.5 maps to 0; HU 29 at
    // (0, 49) maps to (29 - 39.5) / 399 + 0.5.
    assertEquals(0.0, soft.getDouble(0, 0));
    assertEquals((29 - 39.5) / 399 + 0.5, soft.getDouble(0, 49), 1e-6);
    assertEquals(1.0, soft.max());
  }

  @Test
  void readingASeries() throws Exception {
    Path seriesDir = Corpus.file("pydicom/dicomdirtests/98892001/CT5N");
    // snippet: docs/quickstart.md reading a series
    List<Image> series = new ArrayList<>();
    try (Stream<Path> files = Files.list(seriesDir)) {
      for (Path file : files.toList()) {
        series.add(Image.read(file));
      }
    }
    // Sorted, checked for regular spacing and rescaled to FLOAT64 HU; as in highdicom the slices
    // are stacked so that the volume's axes are right-handed (here from z = 8.7625 down).
    Volume ct = Image.getVolumeFromSeries(series);
    int[] shape = ct.spatialShape(); // {5, 16, 16}
    double[] spacing = ct.spacing(); // {2.5, 0.488281, 0.488281} mm: slices, rows, columns
    double[] origin = ct.position(); // {-72.199997, -143.0, 8.7625}: centre of voxel (0, 0, 0)
    double[][] affine = ct.affine(); // voxel indices to patient coordinates (LPS, mm)
    // end snippet
    assertArrayEquals(new int[] {5, 16, 16}, shape);
    assertEquals(AxisHandedness.RIGHT_HANDED, ct.handedness());
    assertArrayEquals(new double[] {2.5, 0.488281, 0.488281}, spacing, 1e-6);
    assertArrayEquals(new double[] {-72.199997, -143.0, 8.7625}, origin, 1e-6);
    assertArrayEquals(new double[] {-72.199997, -143.0, 8.7625, 1}, column(affine, 3), 1e-6);
    assertArrayEquals(new double[] {0, 0, -2.5, 0}, column(affine, 0), 1e-6);
    // pydicom, files sorted by decreasing z: v[k, 5, 7] and the sum of the rescaled stack
    double[] expected = {-70, -5, 4, -43, -100};
    for (int k = 0; k < 5; k++) {
      assertEquals(expected[k], ct.array().getDouble(k, 5, 7));
    }
    assertEquals(-177320.0, ct.array().mean() * ct.array().size(), 1e-6);
  }

  private static double[] column(double[][] m, int c) {
    double[] out = new double[m.length];
    for (int r = 0; r < m.length; r++) {
      out[r] = m[r][c];
    }
    return out;
  }

  /** The objects the creating snippets make, for the snippets that read them back. */
  private record Created(
      SyntheticCtSeries phantom,
      List<Image> ct,
      NdArray mask,
      Segmentation seg,
      Path segPath,
      Comprehensive3DSR sr,
      Path srPath) {}

  private Created createSegAndReport() throws Exception {
    Path outDir = dir;
    // snippet: docs/quickstart.md creating a segmentation
    // The synthetic CT phantom of `hd4j demo`, here 10 slices of 64 x 64 pixels
    SyntheticCtSeries phantom = new SyntheticCtSeries(10, 64, 64, 0.8, 2.5);
    List<Image> ct = new ArrayList<>();
    for (Path file : phantom.writeTo(outDir.resolve("ct"))) {
      ct.add(Image.read(file));
    }

    // A binary mask, frames 1:1 with the source images: the liver is where the CT reads 60 HU.
    NdArray mask = NdArray.zeros(DType.BOOL, ct.size(), 64, 64);
    for (int i = 0; i < ct.size(); i++) {
      NdArray hu = ct.get(i).getFrame(1);
      NdArray maskFrame = mask.get(i); // a view: writes go into mask
      for (int p = 0; p < hu.size(); p++) {
        maskFrame.setFlatLong(p, hu.getFlatDouble(p) == 60 ? 1 : 0);
      }
    }

    // Describe the algorithm that created the segmentation
    AlgorithmIdentificationSequence algorithm =
        new AlgorithmIdentificationSequence("test", CID7162.ArtificialIntelligence, "v1.0");

    // Describe the segment
    SegmentDescription liver =
        SegmentDescription.builder(
                1,
                "liver",
                CID7150.AnatomicalStructure,
                SCT.Liver,
                SegmentAlgorithmTypeValues.AUTOMATIC)
            .algorithmIdentification(algorithm)
            .trackingUid(UidGenerator.newUid())
            .trackingId("liver of the phantom")
            .build();

    // Create the Segmentation instance
    Segmentation seg =
        Segmentation.builder()
            .sourceImages(ct.stream().map(Image::dataset).toList())
            .pixelArray(mask)
            .segmentationType(SegmentationTypeValues.BINARY)
            .segmentDescriptions(List.of(liver))
            .seriesInstanceUid(UidGenerator.newUid())
            .seriesNumber(2)
            .sopInstanceUid(UidGenerator.newUid())
            .instanceNumber(1)
            .manufacturer("Manufacturer")
            .manufacturerModelName("Model")
            .softwareVersions("v1")
            .deviceSerialNumber("Device XYZ")
            .build();
    seg.write(outDir.resolve("seg.dcm"));
    // end snippet
    Path segPath = outDir.resolve("seg.dcm");
    Path srPath = outDir.resolve("sr.dcm");
    // snippet: docs/quickstart.md creating a report
    // Who made the observations
    ObservationContext observationContext =
        new ObservationContext(
            new ObserverContext(
                new PersonObserverIdentifyingAttributes("Foo^Bar", null, null, null, null)),
            null,
            null);

    // The liver volume: the number of mask voxels times the volume of one voxel
    long voxels = 0;
    for (int i = 0; i < mask.size(); i++) {
      voxels += mask.getFlatLong(i);
    }
    double voxelVolume = 0.8 * 0.8 * 2.5; // mm3: pixel spacing x pixel spacing x slice spacing
    Measurement volume =
        Measurement.builder(SCT.Volume, voxels * voxelVolume, UCUM.CubicMillimeter)
            .trackingIdentifier(new TrackingIdentifier(UidGenerator.newUid(), null))
            .build();

    // A volumetric ROI (TID 1411): segment 1 of the segmentation, made from the CT series
    VolumetricROIMeasurementsAndQualitativeEvaluations group =
        VolumetricROIMeasurementsAndQualitativeEvaluations.builder(
                new TrackingIdentifier(UidGenerator.newUid(), "Liver volume"))
            .referencedSegment(
                new ReferencedSegment(
                    seg.sopClassUid(),
                    seg.sopInstanceUid(),
                    1,
                    null,
                    null,
                    new SourceSeriesForSegmentation(phantom.seriesInstanceUid())))
            .findingType(SCT.Liver)
            .findingSites(List.of(new FindingSite(SCT.Abdomen, null, null)))
            .measurements(List.of(volume))
            .build();

    MeasurementReport report =
        new MeasurementReport(
            observationContext,
            List.of(new CodedConcept("25045-6", "LN", "CT unspecified body region")),
            List.of(group));

    // The evidence: every instance the content references (the SEG) and those it was made from
    List<DicomDataset> evidence = new ArrayList<>();
    evidence.add(seg.dataset());
    ct.forEach(image -> evidence.add(image.dataset()));

    Comprehensive3DSR sr =
        Comprehensive3DSR.builder()
            .evidence(evidence)
            .content(report)
            .seriesInstanceUid(UidGenerator.newUid())
            .seriesNumber(3)
            .sopInstanceUid(UidGenerator.newUid())
            .instanceNumber(1)
            .manufacturer("Manufacturer")
            .build();
    sr.write(srPath);
    // end snippet
    return new Created(phantom, ct, mask, seg, segPath, sr, srPath);
  }

  @Test
  void creatingASegmentationAndAReport() throws Exception {
    Created c = createSegAndReport();
    // The expected liver: voxels the phantom model itself puts at 60 HU (independent of decoding)
    long liverVoxels = 0;
    TreeSet<Integer> liverSlices = new TreeSet<>();
    for (int s = 0; s < c.phantom().slices(); s++) {
      for (int r = 0; r < 64; r++) {
        for (int col = 0; col < 64; col++) {
          if (c.phantom().valueAt(s, r, col) == 60) {
            liverVoxels++;
            liverSlices.add(s);
          }
        }
      }
    }
    assertTrue(liverVoxels > 0);
    assertEquals(liverSlices.size(), c.seg().numberOfFrames(), "one frame per slice with liver");
    Segmentation back = Segmentation.read(c.segPath());
    assertEquals(SegmentationTypeValues.BINARY, back.segmentationType());
    assertEquals("liver", back.getSegmentDescription(1).segmentLabel());
    assertEquals(SCT.Liver, back.getSegmentDescription(1).segmentedPropertyType());
    Volume v = back.getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    long sum = 0;
    for (int i = 0; i < v.array().size(); i++) {
      sum += v.array().getFlatLong(i);
    }
    assertEquals(liverVoxels, sum);
    assertEquals(
        c.phantom().seriesInstanceUid(), c.ct().get(0).dataset().getString(Tag.SeriesInstanceUID));
    SrValidators.assertValid(c.srPath()); // dciodvfy: zero errors, dsrdump: no complaint
  }

  @Test
  void readingASegmentation() throws Exception {
    Path testFiles = Corpus.file("highdicom");
    // snippet: docs/quickstart.md reading a segmentation
    Segmentation seg = Segmentation.read(testFiles.resolve("seg_image_ct_binary_overlap.dcm"));

    // Check the number of segments
    int segments = seg.numberOfSegments(); // 2

    // Find the segments whose segmented property type is Bone
    // (filters: label, category, type, algorithm type, tracking UID, tracking ID; null = any)
    int[] boneSegmentNumbers = seg.getSegmentNumbers(null, null, SCT.Bone, null, null, null); // {1}

    // List the images the segmentation was derived from
    for (SourceImageReference source : seg.getSourceImageUids()) {
      System.out.println(
          source.studyInstanceUid()
              + " "
              + source.seriesInstanceUid()
              + " "
              + source.sopInstanceUid());
      // 1.3.6.1.4.1.5962.1.1.0.0.0.1196530851.28319.0.1 ….0.2 ….0.93 …
    }

    // A subset of the SOP Instance UIDs from which the segmentation was derived
    List<String> sourceImageUids =
        List.of(
            "1.3.6.1.4.1.5962.1.1.0.0.0.1196530851.28319.0.93",
            "1.3.6.1.4.1.5962.1.1.0.0.0.1196530851.28319.0.94");

    // The bone segment for these images: shape {2, 16, 16, 1}
    // (instances x rows x columns x segments), values 0 and 1
    NdArray mask =
        seg.getPixelsBySourceInstance(
            sourceImageUids, SegmentPixelOptions.DEFAULT.withSegmentNumbers(boneSegmentNumbers));

    // All segments combined into one label map: shape {2, 16, 16}, values 0, 1 and 2
    NdArray labels =
        seg.getPixelsBySourceInstance(
            sourceImageUids,
            SegmentPixelOptions.DEFAULT
                .withCombineSegments(true)
                .withSkipOverlapChecks(true)); // the segments of this file overlap

    // A segmentation as a volume in the frame of reference, with its affine
    Volume volume =
        Segmentation.read(testFiles.resolve("seg_image_ct_binary.dcm"))
            .getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    int[] volumeShape = volume.spatialShape(); // {3, 16, 16}: three slices 1.25 mm apart
    double[] volumeOrigin = volume.position(); // {-125.0, -128.100006, 105.519997}
    // end snippet
    assertEquals(2, segments);
    assertArrayEquals(new int[] {1}, boneSegmentNumbers);
    assertEquals(
        "1.3.6.1.4.1.5962.1.1.0.0.0.1196530851.28319.0.1",
        seg.getSourceImageUids().get(0).studyInstanceUid());
    assertArrayEquals(new int[] {2, 16, 16, 1}, mask.shape());
    assertEquals(List.of(0L, 1L), distinct(mask));
    assertArrayEquals(new int[] {2, 16, 16}, labels.shape());
    assertEquals(List.of(0L, 1L, 2L), distinct(labels));
    assertArrayEquals(new int[] {3, 16, 16}, volumeShape);
    assertEquals(1.25, volume.spacing()[0], 1e-6);
    // pydicom: ImagePositionPatient of the highest slice the SEG covers (….0.96)
    assertArrayEquals(new double[] {-125.0, -128.100006, 105.519997}, volumeOrigin, 1e-6);
  }

  @Test
  void readingAReport() throws Exception {
    Created c = createSegAndReport();
    Path srPath = c.srPath();
    // snippet: docs/quickstart.md reading a report
    SRDocument sr = StructuredReports.read(srPath); // a Comprehensive3DSR here
    MeasurementReport report = sr.measurementReport().orElseThrow();

    // Volumetric ROI groups whose finding type is Liver
    List<VolumetricROIMeasurementsAndQualitativeEvaluations> groups =
        report.getVolumetricRoiMeasurementGroups(
            MeasurementGroupQuery.all().findingType(SCT.Liver));
    VolumetricROIMeasurementsAndQualitativeEvaluations group = groups.get(0);
    String trackingId = group.trackingIdentifier().identifier().orElseThrow(); // "Liver volume"

    // The segment the measurements belong to
    ReferencedSegment segment = group.referencedSegment().orElseThrow();
    String segUid = segment.sopInstanceUid(); // the SEG created above
    int segmentNumber = segment.segmentNumber(); // 1

    // The measurement's value and unit
    Measurement volume = group.getMeasurements(SCT.Volume).get(0);
    double mm3 = volume.value().orElseThrow();
    CodedConcept unit = volume.unit().orElseThrow(); // mm3 (UCUM)
    // end snippet
    assertEquals(1, groups.size());
    assertEquals("Liver volume", trackingId);
    assertEquals(c.seg().sopInstanceUid(), segUid);
    assertEquals(1, segmentNumber);
    long voxels = 0;
    for (int i = 0; i < c.mask().size(); i++) {
      voxels += c.mask().getFlatLong(i);
    }
    assertEquals(voxels * 1.6, mm3, 1e-6);
    assertEquals(UCUM.CubicMillimeter, unit);
    assertEquals(
        List.of(SCT.Abdomen), group.findingSites().stream().map(FindingSite::value).toList());
  }

  @Test
  void creatingAKeyObjectSelection() throws Exception {
    Created c = createSegAndReport();
    Segmentation seg = c.seg();
    Comprehensive3DSR sr = c.sr();
    Path koPath = dir.resolve("ko.dcm");
    // snippet: docs/quickstart.md creating a key object selection
    // Flag the segmentation (an IMAGE item) and the report (a COMPOSITE item) as "Of Interest"
    KeyObjectSelection selection =
        new KeyObjectSelection(
            CID7010.OfInterest,
            List.of(seg.dataset(), sr.dataset()),
            new ObserverContext(
                new PersonObserverIdentifyingAttributes("Doe^Jane", null, null, null, null)),
            null,
            "Liver segmentation and its volume");

    KeyObjectSelectionDocument kos =
        KeyObjectSelectionDocument.builder()
            .evidence(List.of(seg.dataset(), sr.dataset()))
            .content(selection)
            .seriesInstanceUid(UidGenerator.newUid())
            .seriesNumber(4)
            .sopInstanceUid(UidGenerator.newUid())
            .instanceNumber(1)
            .manufacturer("Manufacturer")
            .build();
    kos.write(koPath);

    // Reading it back
    KeyObjectSelectionDocument read = KeyObjectSelectionDocument.read(koPath);
    List<EvidenceReference> flagged = read.getReferencedInstances(); // the SEG and the SR
    // end snippet
    SrValidators.assertValid(koPath);
    assertEquals(2, flagged.size());
    assertEquals(
        List.of(UID.SegmentationStorage, UID.Comprehensive3DSRStorage),
        flagged.stream().map(EvidenceReference::sopClassUid).sorted().toList());
    assertEquals("Of Interest", read.content().documentTitle().meaning());
  }

  private static List<Long> distinct(NdArray a) {
    TreeSet<Long> s = new TreeSet<>();
    for (int i = 0; i < a.size(); i++) {
      s.add(a.getFlatLong(i));
    }
    return new ArrayList<>(s);
  }
}
