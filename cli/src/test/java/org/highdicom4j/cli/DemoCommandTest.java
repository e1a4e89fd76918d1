package org.highdicom4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.highdicom4j.NdArray;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.DicomWriter;
import org.highdicom4j.dicom.io.WriteOptions;
import org.highdicom4j.ko.KeyObjectSelectionDocument;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.highdicom4j.sample.SyntheticCtSeries.Organ;
import org.highdicom4j.seg.SegmentPixelOptions;
import org.highdicom4j.seg.Segmentation;
import org.highdicom4j.sr.EvidenceReference;
import org.highdicom4j.sr.Measurement;
import org.highdicom4j.sr.MeasurementReport;
import org.highdicom4j.sr.ReferencedSegment;
import org.highdicom4j.sr.StructuredReports;
import org.highdicom4j.sr.VolumetricROIMeasurementsAndQualitativeEvaluations;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hd4j demo} run in-process with its defaults (64 slices of 128 x 128). Every expectation is
 * derived here from the phantom's definition ({@link SyntheticCtSeries#valueAt}) and the CT files,
 * not from the demo's own classes: organ of a voxel = the organ whose HU the phantom gives it,
 * kidneys split by the half of the matrix (left half = patient right).
 */
class DemoCommandTest {
  static final int SLICES = 64;
  static final int SIZE = 128;

  /** Phantom HU of the structure of each Segment Label the demo uses. */
  static final Map<String, Short> HU =
      Map.of(
          "Liver", Organ.LIVER.hounsfieldUnits(),
          "Spleen", Organ.SPLEEN.hounsfieldUnits(),
          "Right kidney", Organ.RIGHT_KIDNEY.hounsfieldUnits(),
          "Left kidney", Organ.LEFT_KIDNEY.hounsfieldUnits(),
          "Vertebral column", Organ.SPINE.hounsfieldUnits(),
          "Lungs", Organ.LUNG.hounsfieldUnits());

  @TempDir static Path dir;
  static String[] result;
  static List<Path> ctFiles;
  static List<DicomDataset> ct; // instance order = phantom slice order
  static double voxelMm3;
  static SyntheticCtSeries phantom;

  @BeforeAll
  static void runDemo() throws Exception {
    result = CliTest.run("demo", "--out", dir.toString());
    ctFiles = new ArrayList<>();
    ct = new ArrayList<>();
    for (int s = 1; s <= SLICES; s++) {
      Path f = dir.resolve(String.format("ct/CT%04d.dcm", s));
      ctFiles.add(f);
      ct.add(Files.exists(f) ? DicomReader.read(f).dataset() : null);
    }
    DicomDataset first = ct.get(0);
    double[] spacing = first.getDoubles(Tag.PixelSpacing);
    double dz =
        ct.get(1).getDoubles(Tag.ImagePositionPatient)[2]
            - first.getDoubles(Tag.ImagePositionPatient)[2];
    voxelMm3 = spacing[0] * spacing[1] * dz;
    phantom = new SyntheticCtSeries(SLICES, SIZE, SIZE, spacing[0], dz);
  }

  /** Whether the phantom voxel belongs to the structure of a segment label. */
  static boolean inOrgan(String label, int slice, int row, int column) {
    if (phantom.valueAt(slice, row, column) != HU.get(label)) {
      return false;
    }
    if (label.equals("Right kidney")) {
      return column < SIZE / 2;
    }
    return !label.equals("Left kidney") || column >= SIZE / 2;
  }

  static List<String> ctUids() {
    return ct.stream().map(d -> d.getString(Tag.SOPInstanceUID)).toList();
  }

  @Test
  void exitsZeroAndWritesEveryObject() {
    assertEquals("0", result[0], result[1] + result[2]);
    for (Path f : ctFiles) {
      assertTrue(Files.isRegularFile(f), f.toString());
    }
    for (String name : List.of("seg-binary.dcm", "seg-labelmap.dcm", "sr.dcm", "kos.dcm")) {
      assertTrue(Files.isRegularFile(dir.resolve(name)), name);
    }
    assertTrue(result[1].contains("Done in "), result[1]);
  }

  @Test
  void thresholdsRecoverEveryOrganOfThePhantom() {
    // Six Dice lines, each exactly 1: the phantom is noise-free and the HU windows disjoint.
    assertEquals(6, result[1].split("Dice 1\\.0000", -1).length - 1, result[1]);
    assertTrue(result[1].contains("4 of 4 objects as written"), result[1]);
  }

  @Test
  void bothSegmentationsReadBackToThePhantomsLabelMap() throws Exception {
    for (String name : List.of("seg-binary.dcm", "seg-labelmap.dcm")) {
      Segmentation seg = Segmentation.read(dir.resolve(name));
      assertEquals(6, seg.numberOfSegments(), name);
      assertEquals(
          name.contains("labelmap") ? UID.RLELossless : UID.ExplicitVRLittleEndian,
          seg.transferSyntaxUid(),
          name);
      Map<Integer, String> labelOf = new HashMap<>();
      for (int n : seg.segmentNumbers()) {
        String label = seg.getSegmentDescription(n).segmentLabel();
        labelOf.put(n, label);
        assertEquals("123037004", seg.getSegmentDescription(n).segmentedPropertyCategory().value());
        assertEquals(
            "SCT", seg.getSegmentDescription(n).segmentedPropertyType().schemeDesignator());
        assertEquals(
            "hd4j demo threshold",
            seg.getSegmentDescription(n).algorithmIdentification().orElseThrow().name());
      }
      assertEquals(HU.keySet(), new HashSet<>(labelOf.values()), name);
      NdArray labels =
          seg.getPixelsBySourceInstance(
              ctUids(), SegmentPixelOptions.DEFAULT.withCombineSegments(true));
      assertEquals(
          List.of(SLICES, SIZE, SIZE), List.of(labels.shape(0), labels.shape(1), labels.shape(2)));
      long wrong = 0;
      for (int s = 0; s < SLICES; s++) {
        for (int r = 0; r < SIZE; r++) {
          for (int c = 0; c < SIZE; c++) {
            int n = (int) labels.getLong(s, r, c);
            boolean ok = true;
            for (Map.Entry<Integer, String> e : labelOf.entrySet()) {
              ok &= (n == e.getKey()) == inOrgan(e.getValue(), s, r, c);
            }
            wrong += ok ? 0 : 1;
          }
        }
      }
      assertEquals(0, wrong, name + ": voxels differing from the phantom");
    }
  }

  @Test
  void reportHoldsVoxelCountTimesVoxelVolumePerOrganInMl() throws Exception {
    Segmentation binary = Segmentation.read(dir.resolve("seg-binary.dcm"));
    MeasurementReport report =
        StructuredReports.read(dir.resolve("sr.dcm")).measurementReport().orElseThrow();
    List<VolumetricROIMeasurementsAndQualitativeEvaluations> groups =
        report.getVolumetricRoiMeasurementGroups();
    assertEquals(6, groups.size());
    Set<String> seen = new HashSet<>();
    for (VolumetricROIMeasurementsAndQualitativeEvaluations g : groups) {
      ReferencedSegment ref = g.referencedSegment().orElseThrow();
      assertEquals(binary.sopInstanceUid(), ref.sopInstanceUid());
      assertEquals(binary.sopClassUid(), ref.sopClassUid());
      String label = binary.getSegmentDescription(ref.segmentNumber()).segmentLabel();
      seen.add(label);
      long voxels = 0;
      for (int s = 0; s < SLICES; s++) {
        for (int r = 0; r < SIZE; r++) {
          for (int c = 0; c < SIZE; c++) {
            voxels += inOrgan(label, s, r, c) ? 1 : 0;
          }
        }
      }
      List<Measurement> m = g.getMeasurements(new CodedConcept("118565006", "SCT", "Volume"));
      assertEquals(1, m.size(), label);
      assertEquals(new CodedConcept("ml", "UCUM", "milliliter"), m.get(0).unit().orElseThrow());
      assertEquals(voxels * voxelMm3 / 1000, m.get(0).value().orElseThrow(), 1e-9, label);
      assertEquals(
          binary.getSegmentDescription(ref.segmentNumber()).segmentedPropertyType(),
          g.findingSites().get(0).value(),
          label);
    }
    assertEquals(HU.keySet(), seen);
  }

  @Test
  void keyObjectSelectionFlagsTheSliceOfLargestAreaOfEachOrgan() throws Exception {
    Set<String> expected = new HashSet<>();
    for (String label : HU.keySet()) {
      long best = 0;
      int bestSlice = -1;
      // Ties go to the most superior slice: the highest z, i.e. the highest slice index.
      for (int s = SLICES - 1; s >= 0; s--) {
        long area = 0;
        for (int r = 0; r < SIZE; r++) {
          for (int c = 0; c < SIZE; c++) {
            area += inOrgan(label, s, r, c) ? 1 : 0;
          }
        }
        if (area > best) {
          best = area;
          bestSlice = s;
        }
      }
      expected.add(ct.get(bestSlice).getString(Tag.SOPInstanceUID));
    }
    KeyObjectSelectionDocument kos = KeyObjectSelectionDocument.read(dir.resolve("kos.dcm"));
    assertEquals("113000", kos.content().documentTitle().value());
    Set<String> referenced = new HashSet<>();
    for (EvidenceReference r : kos.getReferencedInstances()) {
      referenced.add(r.sopInstanceUid());
      assertEquals(UID.CTImageStorage, r.sopClassUid());
    }
    assertEquals(expected, referenced);
  }

  @Test
  void everyObjectPassesDciodvfyWithoutErrors() throws Exception {
    Path validate = ReferenceDecodingsTest.shared().resolve("tools/dicom-validate");
    if (!Files.isExecutable(validate) || !SrCommandTest.onPath("dciodvfy")) {
      if (System.getenv("CI") != null) {
        Assertions.fail("dicom-validate and dciodvfy are required when CI is set");
      }
      System.out.println("SKIP: dciodvfy missing; demo conformance not checked");
      return;
    }
    List<String> cmd = new ArrayList<>(List.of(validate.toString()));
    ctFiles.forEach(f -> cmd.add(f.toString()));
    for (String name : List.of("seg-binary.dcm", "sr.dcm", "kos.dcm")) {
      cmd.add(dir.resolve(name).toString());
    }
    assertNoErrors(cmd, ctFiles.size() + 3);

    // dciodvfy does not know Label Map Segmentation Storage: check a copy as Segmentation
    // Storage, tolerating the messages the library's SEG conformance test tolerates.
    Path copy = DemoValidation.asSegmentationStorage(dir.resolve("seg-labelmap.dcm"));
    try {
      List<String> labelMap = new ArrayList<>(List.of(validate.toString()));
      for (Pattern p : DemoValidation.LABELMAP_IGNORES) {
        labelMap.add("--ignore");
        labelMap.add(p.pattern());
      }
      labelMap.add(copy.toString());
      assertNoErrors(labelMap, 1);
    } finally {
      Files.delete(copy);
    }
  }

  static void assertNoErrors(List<String> cmd, int files) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertEquals(files, out.split("\t0 errors\t", -1).length - 1, out);
  }

  @Test
  void skipsValidationWhenDciodvfyIsNotInstalled(@TempDir Path out) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Hd4j.class.getName(),
            "demo",
            "--out",
            out.toString(),
            "--slices",
            "8",
            "--size",
            "32");
    pb.environment().put("PATH", out.toString()); // a directory without dciodvfy
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), text);
    assertTrue(text.contains("dciodvfy not installed, skipping validation"), text);
    assertTrue(Files.isRegularFile(out.resolve("kos.dcm")), text);
  }

  @Test
  void validationCountsErrorsAndToleratesOnlySupplement243MessagesInLabelMaps() throws Exception {
    if (!DemoValidation.available()) {
      Assertions.assertNull(System.getenv("CI"), "dciodvfy is required when CI is set");
      return;
    }
    Path labelMap = dir.resolve("seg-labelmap.dcm");
    assertEquals(0, DemoValidation.validate(labelMap, true).errors());
    // Unconverted, dciodvfy does not recognise the SOP class at all.
    assertTrue(DemoValidation.validate(labelMap, false).errors() > 0);
    // A CT slice without its Type 1 Modality is an error.
    DicomDataset broken = DicomReader.read(ctFiles.get(0)).dataset();
    broken.remove(Tag.Modality);
    Path f = dir.resolve("broken.dcm");
    DicomWriter.write(f, broken, WriteOptions.DEFAULT);
    try {
      DemoValidation.Result r = DemoValidation.validate(f, false);
      assertTrue(r.errors() > 0, r.toString());
      assertTrue(String.join("\n", r.errorLines()).contains("Modality"), r.toString());
    } finally {
      Files.delete(f);
    }
  }
}
