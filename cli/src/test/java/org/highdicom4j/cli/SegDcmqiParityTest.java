package org.highdicom4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.highdicom4j.NdArray;
import org.highdicom4j.color.CIELabColor;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.seg.SegmentDescription;
import org.highdicom4j.seg.SegmentPixelOptions;
import org.highdicom4j.seg.Segmentation;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with dcmqi over every {@code seg-example*.json}: the label maps and source series dcmqi's
 * tests feed to {@code itkimage2segimage} (apps/seg/Testing/CMakeLists.txt of dcmqi) give, through
 * {@code hd4j seg create}, a valid SEG whose segments read back, through {@code hd4j seg read}, to
 * exactly the input voxels, whose descriptions are the JSON's, and, where dcmqi wrote a SEG for the
 * same inputs, whose masks are dcmqi's. {@code seg read --merge-segments} gives the files dcmqi's
 * {@code segimage2itkimage --mergeSegments} is tested against.
 *
 * <p>Not covered, for want of inputs in the test data: the sparse label maps ({@code
 * sparse_labelmap_*_seg.nrrd}, 24 x 38 x 3) belong to a 24 x 38 x 3 source series that is not in
 * {@code dcmqi-segmentations/} (only 23 x 38 x 3 is), so no SEG can be created from them; the SEG
 * dcmqi made from one of them ({@code sparse-labelmap-noppv.dcm}) is checked by reading it back to
 * its input label map instead. {@code seg-example_multiple_segments_single_input_file.json}
 * describes liver, spine and heart in one file, but dcmqi ships no such file (liver and heart
 * overlap, so one label map cannot hold them); it is run on {@code liver_spine_seg.nrrd}, whose
 * heart label is absent, which dcmqi and hd4j skip with a message. The 23 x 38 x 3 label map is
 * also run against the legacy-converted multi-frame form of its series ({@code multiframe/mf.dcm}),
 * which dcmqi's tests do not do.
 */
class SegDcmqiParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /**
   * One dcmqi example.
   *
   * @param json the seg-example JSON
   * @param labelFiles the label maps, in dcmqi's --inputImageList order
   * @param source the source series folder
   * @param segmentOf labelID to the segment number hd4j gives it (labelIDs when they run 1..N, else
   *     1..N in group order: derived by hand from the JSON)
   * @param mergedFiles the label files dcmqi's segimage2itkimage --mergeSegments is tested to give
   *     for this SEG (null when dcmqi has no such baseline)
   * @param mergedJson dcmqi's expected metadata of those files (null when none)
   * @param dcmqiSeg the SEG dcmqi wrote from the same inputs (null when none)
   * @param absentLabels labelIDs the JSON describes but the files lack
   */
  record Example(
      String json,
      List<String> labelFiles,
      String source,
      Map<Integer, Integer> segmentOf,
      List<String> mergedFiles,
      String mergedJson,
      String dcmqiSeg,
      List<Integer> absentLabels) {
    @Override
    public String toString() {
      return json + " " + labelFiles;
    }
  }

  static Stream<Arguments> examples() {
    String ct = "ct-3slice";
    Map<Integer, Integer> identity3 = Map.of(1, 1, 2, 2, 3, 3);
    return Stream.of(
            new Example(
                "seg-example.json",
                List.of("liver_seg.nrrd"),
                ct,
                Map.of(1, 1),
                null,
                null,
                "liver.dcm",
                List.of()),
            new Example(
                "seg-example.json",
                List.of("23x38x3/nrrd/label.nrrd"),
                "23x38x3/image",
                Map.of(1, 1),
                null,
                null,
                "23x38x3/seg/label.seg",
                List.of()),
            new Example(
                "seg-example.json",
                List.of("23x38x3/nrrd/label.nrrd"),
                "23x38x3/multiframe/mf.dcm",
                Map.of(1, 1),
                null,
                null,
                null,
                List.of()),
            new Example(
                "seg-example_multiple_segments.json",
                List.of("liver_seg.nrrd", "spine_seg.nrrd", "heart_seg.nrrd"),
                ct,
                identity3,
                List.of("liver_spine_seg.nrrd", "heart_seg.nrrd"),
                "seg-example_multiple_segments_merged.json",
                null,
                List.of()),
            new Example(
                "seg-example_multiple_segments_reordered.json",
                List.of("heart_seg.nrrd", "liver_seg.nrrd", "spine_seg.nrrd"),
                ct,
                identity3,
                List.of("liver_spine_seg.nrrd", "heart_seg.nrrd"),
                "seg-example_multiple_segments_merged.json",
                null,
                List.of()),
            new Example(
                "seg-example_multiple_segments_merged.json",
                List.of("liver_spine_seg.nrrd", "heart_seg.nrrd"),
                ct,
                identity3,
                List.of("liver_spine_seg.nrrd", "heart_seg.nrrd"),
                "seg-example_multiple_segments_merged.json",
                null,
                List.of()),
            new Example(
                "seg-example_multiple_segments_single_input_file.json",
                List.of("liver_spine_seg.nrrd"),
                ct,
                Map.of(1, 1, 2, 2),
                List.of("liver_spine_seg.nrrd"),
                null,
                null,
                List.of(3)),
            new Example(
                "seg-example_liver_spine.json",
                List.of("liver_seg.nrrd", "spine_seg.nrrd"),
                ct,
                Map.of(1, 1, 2, 2),
                List.of("liver_spine_seg.nrrd"),
                null,
                null,
                List.of()),
            new Example(
                "seg-example_liver_spine_gapped.json",
                List.of("liver_seg.nrrd", "spine_seg_label5.nrrd"),
                ct,
                Map.of(1, 1, 5, 2),
                List.of("liver_spine_gapped_seg.nrrd"),
                "seg-example_liver_spine_gapped_merged.json",
                null,
                List.of()),
            new Example(
                "seg-example_liver_spine_gapped_merged.json",
                List.of("liver_spine_gapped_seg.nrrd"),
                ct,
                Map.of(1, 1, 5, 2),
                List.of("liver_spine_gapped_seg.nrrd"),
                "seg-example_liver_spine_gapped_merged.json",
                null,
                List.of()),
            new Example(
                "seg-example_partial_overlaps.json",
                List.of(
                    "partial_overlaps-1.nrrd",
                    "partial_overlaps-2.nrrd",
                    "partial_overlaps-3.nrrd"),
                ct,
                Map.of(1, 1, 2, 2, 3, 3, 4, 4, 5, 5),
                List.of(
                    "partial_overlaps-1.nrrd",
                    "partial_overlaps-2.nrrd",
                    "partial_overlaps-3.nrrd"),
                "seg-example_partial_overlaps.json",
                null,
                List.of()))
        .map(e -> Arguments.of(e));
  }

  @Test
  void everySegExampleJsonIsExercised() throws IOException {
    TreeSet<String> all = new TreeSet<>();
    try (Stream<Path> s = Files.list(CliTest.testdata().resolve("dcmqi-json-examples"))) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("seg-example"))
          .forEach(all::add);
    }
    TreeSet<String> used = new TreeSet<>();
    examples().forEach(a -> used.add(((Example) a.get()[0]).json()));
    assertEquals(all, used);
  }

  private static Path data() {
    return CliTest.testdata().resolve("dcmqi-segmentations");
  }

  private static NdArray nrrd(Path p) throws IOException {
    return LabelMapFormats.forPath(p).read(p).array();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void createsAValidSegThatReadsBackToTheInputLabelMaps(Example e) throws Exception {
    Path source = data().resolve(e.source());
    Path seg = dir.resolve("ours.dcm");
    List<String> args =
        new ArrayList<>(List.of("seg", "create", "--source", source.toString(), "--labelmap"));
    for (String f : e.labelFiles()) {
      args.add(data().resolve(f).toString());
    }
    args.addAll(
        List.of("--meta", SegCommandTest.meta(e.json()).toString(), "--out", seg.toString()));
    String[] r = CliTest.run(args.toArray(String[]::new));
    assertEquals("0", r[0], r[2]);
    for (int absent : e.absentLabels()) {
      assertTrue(r[2].contains("labelID " + absent + " has no voxels"), r[2]);
    }
    assertValidAndDumpable(seg);

    Segmentation ours = Segmentation.read(seg);
    assertDescriptionsMatchTheJson(ours, e);

    // Per segment, as segimage2itkimage writes by default: value = segment number.
    Path perSegment = dir.resolve("per-segment");
    r =
        CliTest.run(
            "seg",
            "read",
            seg.toString(),
            "--out-dir",
            perSegment.toString(),
            "--source",
            source.toString());
    assertEquals("0", r[0], r[2]);
    for (String f : e.labelFiles()) {
      Path input = data().resolve(f);
      LabelMapIo.LabelMap original = LabelMapFormats.forPath(input).read(input);
      TreeSet<Long> labels = labelsIn(original.array());
      assertFalse(labels.isEmpty(), f);
      for (long label : labels) {
        int number = e.segmentOf().get((int) label);
        Path back = perSegment.resolve("segment-" + number + ".nrrd");
        LabelMapIo.LabelMap read = LabelMapFormats.forPath(back).read(back);
        assertVoxels(original.array(), Map.of((int) label, number), read.array(), f + " " + label);
        for (int k = 0; k < 4; k++) {
          assertArrayEquals(original.affineLps()[k], read.affineLps()[k], 1e-3, "affine row " + k);
        }
      }
    }
    try (Stream<Path> s = Files.list(perSegment)) {
      assertEquals(e.segmentOf().size(), s.filter(p -> p.toString().endsWith(".nrrd")).count());
    }

    if (e.mergedFiles() != null) {
      Path merged = dir.resolve("merged");
      r =
          CliTest.run(
              "seg",
              "read",
              seg.toString(),
              "--out-dir",
              merged.toString(),
              "--merge-segments",
              "--prefix",
              "m",
              "--source",
              source.toString());
      assertEquals("0", r[0], r[2]);
      for (int k = 0; k < e.mergedFiles().size(); k++) {
        NdArray expected = nrrd(data().resolve(e.mergedFiles().get(k)));
        NdArray actual = nrrd(merged.resolve("m-" + (k + 1) + ".nrrd"));
        assertVoxels(expected, e.segmentOf(), actual, "merged file " + (k + 1));
      }
      assertFalse(Files.exists(merged.resolve("m-" + (e.mergedFiles().size() + 1) + ".nrrd")));
      if (e.mergedJson() != null) {
        List<List<Integer>> expectedGroups = new ArrayList<>();
        for (List<Integer> g : labelIdGroups(SegCommandTest.meta(e.mergedJson()))) {
          expectedGroups.add(g.stream().map(e.segmentOf()::get).toList());
        }
        assertEquals(expectedGroups, labelIdGroups(merged.resolve("m-meta.json")));
      }
    }

    if (e.mergedFiles() != null && e.mergedFiles().size() > 1) {
      // Overlapping segments do not fit one label map; the message points to --out-dir.
      r = CliTest.run("seg", "read", seg.toString(), "--out", dir.resolve("one.nrrd").toString());
      assertEquals("1", r[0]);
      assertTrue(r[2].contains("overlap") && r[2].contains("--out-dir"), r[2]);
    }

    if (e.dcmqiSeg() != null) {
      Segmentation theirs = Segmentation.read(data().resolve(e.dcmqiSeg()));
      List<String> uids =
          SegSources.sortAlongNormal(SegSources.read(List.of(source))).stream()
              .map(d -> d.getString(Tag.SOPInstanceUID))
              .toList();
      assertArrayEquals(theirs.segmentNumbers(), ours.segmentNumbers());
      SegmentPixelOptions o = SegmentPixelOptions.DEFAULT.withAssertMissingFramesAreEmpty(true);
      assertEquals(
          theirs.getPixelsBySourceInstance(uids, o), ours.getPixelsBySourceInstance(uids, o));
      for (int n : theirs.segmentNumbers()) {
        SegmentDescription a = theirs.getSegmentDescription(n);
        SegmentDescription b = ours.getSegmentDescription(n);
        assertEquals(a.segmentLabel(), b.segmentLabel());
        assertEquals(a.segmentedPropertyType(), b.segmentedPropertyType());
        assertArrayEquals(
            a.displayColorCIELab().orElseThrow(), b.displayColorCIELab().orElseThrow());
      }
    }
  }

  /**
   * A label map stored in the opposite plane order is placed on a multi-frame source by position.
   */
  @Test
  void placesAReversedLabelMapOnTheFramesOfAMultiFrameSource() throws Exception {
    Path input = data().resolve("23x38x3/nrrd/label.nrrd");
    LabelMapIo io = LabelMapFormats.forPath(input);
    LabelMapIo.LabelMap label = io.read(input);
    // Planes 0 and 2 of label.nrrd are equal; clearing the last makes the order visible.
    NdArray a = label.array().copy();
    int planes = a.shape(0);
    int perPlane = a.size() / planes;
    for (int i = (planes - 1) * perPlane; i < a.size(); i++) {
      a.setFlatLong(i, 0);
    }
    NdArray reversed = NdArray.zeros(a.dtype(), a.shape());
    for (int p = 0; p < planes; p++) {
      for (int r = 0; r < a.shape(1); r++) {
        for (int c = 0; c < a.shape(2); c++) {
          reversed.setDouble(a.getDouble(planes - 1 - p, r, c), p, r, c);
        }
      }
    }
    double[][] affine = new double[4][];
    for (int i = 0; i < 4; i++) {
      affine[i] = label.affineLps()[i].clone();
      affine[i][3] += (planes - 1) * affine[i][0]; // origin at the last plane ...
      affine[i][0] = -affine[i][0]; // ... stepping back
    }
    Path flipped = dir.resolve("reversed.nrrd");
    io.write(flipped, new LabelMapIo.LabelMap(reversed, affine, Map.of()));
    Path mf = data().resolve("23x38x3/multiframe/mf.dcm");
    Path seg = dir.resolve("mf-seg.dcm");
    String[] r =
        CliTest.run(
            "seg",
            "create",
            "--source",
            mf.toString(),
            "--labelmap",
            flipped.toString(),
            "--meta",
            SegCommandTest.meta("seg-example.json").toString(),
            "--out",
            seg.toString());
    assertEquals("0", r[0], r[2]);
    Path back = dir.resolve("back.nrrd");
    r =
        CliTest.run(
            "seg", "read", seg.toString(), "--out", back.toString(), "--source", mf.toString());
    assertEquals("0", r[0], r[2]);
    assertVoxels(a, Map.of(1, 1), nrrd(back), "multi-frame");
  }

  /** dcmqi places label-map planes by position: a map may cover only some source planes. */
  @Test
  void acceptsALabelMapCoveringSomeSourcePlanesAndRejectsLabelsOutsideThem() throws Exception {
    Path input = data().resolve("liver_seg.nrrd");
    LabelMapIo io = LabelMapFormats.forPath(input);
    LabelMapIo.LabelMap liver = io.read(input);
    double[][] shifted = new double[4][];
    for (int i = 0; i < 4; i++) {
      shifted[i] = liver.affineLps()[i].clone();
      shifted[i][3] += liver.affineLps()[i][0]; // origin one plane further along axis 0
    }
    Path upper = dir.resolve("upper.nrrd");
    io.write(upper, new LabelMapIo.LabelMap(liver.array().slice(1, 3).copy(), shifted, Map.of()));
    Path source = data().resolve("ct-3slice");
    Path seg = dir.resolve("upper.dcm");
    String[] r =
        CliTest.run(
            "seg",
            "create",
            "--source",
            source.toString(),
            "--labelmap",
            upper.toString(),
            "--meta",
            SegCommandTest.meta("seg-example.json").toString(),
            "--out",
            seg.toString());
    assertEquals("0", r[0], r[2]);
    Path back = dir.resolve("back.nrrd");
    r =
        CliTest.run(
            "seg", "read", seg.toString(), "--out", back.toString(), "--source", source.toString());
    assertEquals("0", r[0], r[2]);
    NdArray expected = liver.array().copy();
    for (int i = 0, n = 512 * 512; i < n; i++) {
      expected.setFlatLong(i, 0); // plane 0 is not covered by the cropped map
    }
    assertVoxels(expected, Map.of(1, 1), nrrd(back), "upper planes");

    Path below = dir.resolve("below.nrrd");
    double[][] down = new double[4][];
    for (int i = 0; i < 4; i++) {
      down[i] = liver.affineLps()[i].clone();
      down[i][3] -= liver.affineLps()[i][0];
    }
    io.write(below, new LabelMapIo.LabelMap(liver.array(), down, Map.of()));
    r =
        CliTest.run(
            "seg",
            "create",
            "--source",
            source.toString(),
            "--labelmap",
            below.toString(),
            "--meta",
            SegCommandTest.meta("seg-example.json").toString(),
            "--out",
            dir.resolve("below.dcm").toString());
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("labelled voxels lie outside the source images"), r[2]);
  }

  /**
   * dcmqi wrote sparse-labelmap-noppv.dcm (a LABELMAP with an empty middle plane) from this NRRD.
   */
  @Test
  void readsDcmqisSparseLabelMapSegmentationBackToItsInput() throws IOException {
    Path back = dir.resolve("sparse.nrrd");
    String[] r =
        CliTest.run(
            "seg",
            "read",
            data().resolve("sparse-labelmap-noppv.dcm").toString(),
            "--out",
            back.toString());
    assertEquals("0", r[0], r[2]);
    Path input = data().resolve("sparse_labelmap_noppv_seg.nrrd");
    LabelMapIo.LabelMap original = LabelMapFormats.forPath(input).read(input);
    LabelMapIo.LabelMap read = LabelMapFormats.forPath(back).read(back);
    assertVoxels(original.array(), Map.of(1, 1), read.array(), "sparse");
    for (int k = 0; k < 4; k++) {
      assertArrayEquals(original.affineLps()[k], read.affineLps()[k], 1e-3, "affine row " + k);
    }
  }

  /** dciodvfy through dicom-validate (zero errors) and dcmdump (exit 0, no error lines). */
  static void assertValidAndDumpable(Path file) throws Exception {
    Path validate = ReferenceDecodingsTest.shared().resolve("tools/dicom-validate");
    if (!Files.isExecutable(validate)
        || !SrCommandTest.onPath("dciodvfy")
        || !SrCommandTest.onPath("dcmdump")) {
      if (System.getenv("CI") != null) {
        Assertions.fail("dicom-validate, dciodvfy and dcmdump are required when CI is set");
      }
      System.out.println("SKIP: validators missing; SEG conformance not checked");
      return;
    }
    String[] v = SrCommandTest.tool(validate.toString(), file.toString());
    assertEquals("0", v[0], v[1] + v[2]);
    assertTrue(v[1].contains("\t0 errors"), v[1]);
    String[] d = SrCommandTest.tool("dcmdump", "-q", file.toString());
    assertEquals("0", d[0], d[2]);
    assertFalse(d[2].contains("E:"), d[2]);
    assertTrue(d[1].contains("(0062,0002) SQ"), "dcmdump shows the Segment Sequence");
  }

  /**
   * Asserts that {@code actual} holds {@code map.get(v)} wherever {@code expected} holds a mapped
   * value v, and 0 everywhere else.
   */
  private static void assertVoxels(
      NdArray expected, Map<Integer, Integer> map, NdArray actual, String what) {
    assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
    int mismatches = 0;
    int first = -1;
    for (int i = 0, n = expected.size(); i < n; i++) {
      long v = expected.getFlatLong(i);
      long want = map.getOrDefault((int) v, 0);
      if (actual.getFlatLong(i) != want) {
        mismatches++;
        first = first < 0 ? i : first;
      }
    }
    assertEquals(0, mismatches, what + ": voxels differ, first at flat index " + first);
  }

  private static TreeSet<Long> labelsIn(NdArray a) {
    TreeSet<Long> out = new TreeSet<>();
    for (int i = 0, n = a.size(); i < n; i++) {
      long v = a.getFlatLong(i);
      if (v != 0) {
        out.add(v);
      }
    }
    return out;
  }

  private static List<List<Integer>> labelIdGroups(Path json) throws IOException {
    List<List<Integer>> groups = new ArrayList<>();
    for (JsonNode g : JSON.readTree(json.toFile()).get("segmentAttributes")) {
      List<Integer> ids = new ArrayList<>();
      g.forEach(s -> ids.add(s.get("labelID").asInt()));
      groups.add(ids);
    }
    return groups;
  }

  /** Each segment's label, codes, algorithm and colour are the JSON's for its labelID. */
  private static void assertDescriptionsMatchTheJson(Segmentation seg, Example e)
      throws IOException {
    Map<Integer, JsonNode> byLabel = new TreeMap<>();
    for (JsonNode g :
        JSON.readTree(SegCommandTest.meta(e.json()).toFile()).get("segmentAttributes")) {
      g.forEach(s -> byLabel.put(s.get("labelID").asInt(), s));
    }
    int[] numbers = e.segmentOf().values().stream().mapToInt(Integer::intValue).sorted().toArray();
    assertArrayEquals(numbers, seg.segmentNumbers());
    for (Map.Entry<Integer, Integer> m : e.segmentOf().entrySet()) {
      JsonNode s = byLabel.get(m.getKey());
      SegmentDescription d = seg.getSegmentDescription(m.getValue());
      String what = e.json() + " labelID " + m.getKey();
      assertEquals(s.get("SegmentLabel").asText(), d.segmentLabel(), what);
      assertCode(s.get("SegmentedPropertyCategoryCodeSequence"), d.segmentedPropertyCategory());
      assertCode(s.get("SegmentedPropertyTypeCodeSequence"), d.segmentedPropertyType());
      assertEquals(s.get("SegmentAlgorithmType").asText(), d.algorithmType().value(), what);
      if (s.has("SegmentAlgorithmName")) {
        assertEquals(
            s.get("SegmentAlgorithmName").asText(),
            d.algorithmIdentification().orElseThrow().name(),
            what);
      }
      if (s.has("TrackingIdentifier")) {
        assertEquals(s.get("TrackingIdentifier").asText(), d.trackingId().orElseThrow(), what);
        assertEquals(
            s.get("TrackingUniqueIdentifier").asText(), d.trackingUid().orElseThrow(), what);
      }
      int[] rgb = new int[3];
      for (int i = 0; i < 3; i++) {
        rgb[i] = s.get("recommendedDisplayRGBValue").get(i).asInt();
      }
      int[] back = CIELabColor.fromDicomValue(d.displayColorCIELab().orElseThrow()).toRgb(true);
      for (int i = 0; i < 3; i++) {
        assertTrue(
            Math.abs(rgb[i] - back[i]) <= 1,
            what + ": colour " + Arrays.toString(rgb) + " read back as " + Arrays.toString(back));
      }
    }
  }

  private static void assertCode(JsonNode json, org.highdicom4j.coding.CodedConcept code) {
    assertEquals(json.get("CodeValue").asText(), code.value());
    assertEquals(json.get("CodingSchemeDesignator").asText(), code.schemeDesignator());
    assertEquals(json.get("CodeMeaning").asText(), code.meaning());
  }
}
