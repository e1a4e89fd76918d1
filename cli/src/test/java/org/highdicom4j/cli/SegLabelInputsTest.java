package org.highdicom4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matching label files to dcmqi segmentAttributes groups, numbering and overlap. */
class SegLabelInputsTest {
  @TempDir Path dir;

  private static String segment(int labelId, String label) {
    return "{\"labelID\": "
        + labelId
        + ", \"SegmentLabel\": \""
        + label
        + "\", \"SegmentAlgorithmType\": \"MANUAL\","
        + " \"SegmentedPropertyCategoryCodeSequence\": {\"CodeValue\": \"85756007\","
        + " \"CodingSchemeDesignator\": \"SCT\", \"CodeMeaning\": \"Tissue\"},"
        + " \"SegmentedPropertyTypeCodeSequence\": {\"CodeValue\": \"85756007\","
        + " \"CodingSchemeDesignator\": \"SCT\", \"CodeMeaning\": \"Tissue\"}}";
  }

  /** A JSON file whose groups hold the given "labelID:label" segments. */
  private SegMeta meta(String extra, String[]... groups) throws IOException {
    List<String> gs = new ArrayList<>();
    for (String[] g : groups) {
      List<String> ss = new ArrayList<>();
      for (String s : g) {
        String[] p = s.split(":");
        ss.add(segment(Integer.parseInt(p[0]), p[1]));
      }
      gs.add("[" + String.join(",", ss) + "]");
    }
    Path f = dir.resolve("meta" + gs.hashCode() + ".json");
    Files.writeString(f, "{" + extra + "\"segmentAttributes\": [" + String.join(",", gs) + "]}");
    return SegMeta.read(f);
  }

  /** A 1 x 2 x 3 label array with the given values. */
  private static NdArray labels(int... values) {
    NdArray a = NdArray.zeros(DType.UINT16, 1, 2, 3);
    for (int i = 0; i < values.length; i++) {
      a.setFlatLong(i, values[i]);
    }
    return a;
  }

  private static List<Path> files(String... names) {
    return List.of(names).stream().map(Path::of).toList();
  }

  private static List<String> labelsOf(SegLabelInputs in) {
    return in.segments.stream()
        .map(s -> s.number() + "=" + s.description().segmentLabel())
        .toList();
  }

  @Test
  void labelIdsThatRunFromOneAreTheSegmentNumbers() throws IOException {
    SegMeta m =
        meta("", new String[] {"1:A", "4:D", "5:E"}, new String[] {"2:B"}, new String[] {"3:C"});
    SegLabelInputs in =
        SegLabelInputs.assemble(
            m,
            files("a.nrrd", "b.nrrd", "c.nrrd"),
            List.of(labels(1, 4, 5, 0, 0, 0), labels(0, 0, 0, 2, 0, 0), labels(0, 0, 0, 0, 3, 0)));
    assertEquals(List.of("1=A", "2=B", "3=C", "4=D", "5=E"), labelsOf(in));
    assertFalse(in.overlap);
    assertEquals(labels(1, 4, 5, 2, 3, 0).astype(DType.UINT8), in.pixelArray);
  }

  @Test
  void gappedLabelIdsAreNumberedInGroupOrder() throws IOException {
    SegMeta m = meta("", new String[] {"1:Liver"}, new String[] {"5:Spine"});
    SegLabelInputs in =
        SegLabelInputs.assemble(
            m, files("l.nrrd", "s.nrrd"), List.of(labels(1, 1, 0, 0, 0, 0), labels(0, 0, 5, 5)));
    assertEquals(List.of("1=Liver", "2=Spine"), labelsOf(in));
    assertEquals(labels(1, 1, 2, 2).astype(DType.UINT8), in.pixelArray);
  }

  @Test
  void labelIdOneInEveryFileGivesOneSegmentPerFileAndOverlapGivesStackedMasks() throws IOException {
    SegMeta m = meta("", new String[] {"1:X"}, new String[] {"1:Y"});
    SegLabelInputs in =
        SegLabelInputs.assemble(
            m, files("x.nrrd", "y.nrrd"), List.of(labels(1, 1, 0), labels(0, 1, 1)));
    assertEquals(List.of("1=X", "2=Y"), labelsOf(in));
    assertTrue(in.overlap);
    NdArray expected = NdArray.zeros(DType.UINT8, 1, 2, 3, 2);
    expected.setDouble(1, 0, 0, 0, 0);
    expected.setDouble(1, 0, 0, 1, 0);
    expected.setDouble(1, 0, 0, 1, 1);
    expected.setDouble(1, 0, 0, 2, 1);
    assertEquals(expected, in.pixelArray);
  }

  @Test
  void fileMappingAssignsGroupsByFileName() throws IOException {
    SegMeta m =
        meta(
            "\"segmentAttributesFileMapping\": [\"liver.nrrd\", \"heart.nrrd\"],",
            new String[] {"1:Liver"},
            new String[] {"3:Heart"});
    SegLabelInputs in =
        SegLabelInputs.assemble(
            m,
            files("/data/heart.nrrd", "/data/liver.nrrd"),
            List.of(labels(3, 0, 0), labels(0, 1, 0)));
    // Segments follow the groups (liver first), not the command-line order.
    assertEquals(List.of("1=Liver", "2=Heart"), labelsOf(in));
    assertEquals(labels(2, 1, 0).astype(DType.UINT8), in.pixelArray);
  }

  @Test
  void oneFileIsDescribedByAllGroupsAndAbsentLabelsAreReported() throws IOException {
    SegMeta m = meta("", new String[] {"1:A", "2:B"}, new String[] {"3:C"});
    SegLabelInputs in = SegLabelInputs.assemble(m, files("one.nrrd"), List.of(labels(2, 1, 0)));
    assertEquals(List.of("1=A", "2=B"), labelsOf(in));
    assertEquals(
        List.of("labelID 3 has no voxels in one.nrrd; no segment written for it"), in.warnings);
  }

  @Test
  void rejectsInputsThatDoNotMatchTheMetadata() throws IOException {
    SegMeta two = meta("", new String[] {"1:A"}, new String[] {"1:B"});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SegLabelInputs.assemble(two, files("one.nrrd"), List.of(labels(1))));
    assertTrue(e.getMessage().contains("describes labelID 1 in two groups"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SegLabelInputs.assemble(
                    two, files("a", "b", "c"), List.of(labels(1), labels(1), labels(1))));
    assertTrue(e.getMessage().contains("3 label files given but"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SegLabelInputs.assemble(two, files("a", "b"), List.of(labels(1), labels(7))));
    assertTrue(e.getMessage().contains("holds label value 7"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SegLabelInputs.assemble(two, files("a", "b"), List.of(labels(0), labels(0))));
    assertTrue(e.getMessage().contains("No described label occurs"), e.getMessage());
    SegMeta mapped = meta("\"segmentAttributesFileMapping\": [\"a.nrrd\"],", new String[] {"1:A"});
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SegLabelInputs.assemble(mapped, files("b.nrrd"), List.of(labels(1))));
    assertTrue(
        e.getMessage().contains("is not named in segmentAttributesFileMapping"), e.getMessage());
    Path dup = dir.resolve("dup.json");
    Files.writeString(
        dup, "{\"segmentAttributes\": [[" + segment(2, "A") + "," + segment(2, "B") + "]]}");
    e = assertThrows(IllegalArgumentException.class, () -> SegMeta.read(dup));
    assertTrue(e.getMessage().contains("labelID 2 is described twice"), e.getMessage());
  }

  @Test
  void nonNumericSeriesOrInstanceNumberIsNamed() throws IOException {
    // seg-schema.json: SeriesNumber and InstanceNumber are IS strings; a bad one must be named.
    for (String member : new String[] {"SeriesNumber", "InstanceNumber"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> meta("\"" + member + "\": \"12a\",", new String[] {"1:A"}));
      assertTrue(e.getMessage().contains(member), e.getMessage());
      assertTrue(e.getMessage().contains("12a"), e.getMessage());
    }
  }

  @Test
  void mergedGroupsAreFirstFitInSegmentOrder() {
    // Segments 1..4 over 3 voxels: 1 and 2 overlap, 3 overlaps 1 and 2, 4 overlaps none.
    NdArray stacked = NdArray.zeros(DType.UINT8, 1, 1, 4, 4);
    stacked.setDouble(1, 0, 0, 0, 0);
    stacked.setDouble(1, 0, 0, 0, 1);
    stacked.setDouble(1, 0, 0, 1, 1);
    stacked.setDouble(1, 0, 0, 0, 2);
    stacked.setDouble(1, 0, 0, 3, 3);
    int[] numbers = {1, 2, 3, 4};
    assertEquals(
        List.of(List.of(1, 4), List.of(2), List.of(3)), SegmentGroups.of(stacked, numbers, true));
    assertEquals(
        List.of(List.of(1), List.of(2), List.of(3), List.of(4)),
        SegmentGroups.of(stacked, numbers, false));
    NdArray first = SegmentGroups.labels(stacked, numbers, List.of(1, 4));
    assertEquals(
        List.of(1L, 0L, 0L, 4L),
        List.of(
            first.getFlatLong(0),
            first.getFlatLong(1),
            first.getFlatLong(2),
            first.getFlatLong(3)));
  }
}
