package org.highdicom4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.highdicom4j.seg.SegmentDescription;
import org.highdicom4j.seg.SegmentPixelOptions;
import org.highdicom4j.seg.Segmentation;
import org.highdicom4j.seg.SegmentationTypeValues;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hd4j seg create} and {@code hd4j seg read} on a synthetic CT series and the corpus. */
class SegCommandTest {
  @TempDir Path dir;

  static Path meta(String name) {
    return CliTest.testdata().resolve("dcmqi-json-examples").resolve(name);
  }

  /** A synthetic CT series in a directory that also holds a file that is not DICOM. */
  private Path series() throws IOException {
    Path src = Files.createDirectories(dir.resolve("ct"));
    new SyntheticCtSeries(4, 12, 10, 1.0, 3.0).writeTo(src);
    Files.writeString(src.resolve("README.txt"), "not DICOM");
    return src;
  }

  private static NdArray labels() {
    NdArray a = NdArray.zeros(DType.UINT8, 4, 12, 10);
    for (int r = 0; r < 12; r++) {
      for (int c = 0; c < 10; c++) {
        a.setDouble(r < 3 ? 1 : c > 7 ? 2 : 0, 1, r, c);
        a.setDouble(r == c ? 3 : 0, 3, r, c);
      }
    }
    return a;
  }

  private Path npy(NdArray a) throws IOException {
    Path f = dir.resolve("labels-" + a.dtype() + ".npy");
    LabelMapFormats.forPath(Path.of("x.npy")).write(f, new LabelMapIo.LabelMap(a, null, Map.of()));
    return f;
  }

  /** Every described label of every group, numbered by its labelID, in labelID order. */
  private static List<SegmentDescription> described(SegMeta m) {
    return m.groups.stream()
        .flatMap(List::stream)
        .sorted(java.util.Comparator.comparingInt(SegMeta.Label::labelId))
        .map(l -> m.describe(l, l.labelId()))
        .toList();
  }

  @Test
  void createAndReadRoundTripALabelMapInEveryType() throws IOException {
    Path src = series();
    NdArray input = labels();
    Path in = npy(input);
    for (String type : List.of("BINARY", "LABELMAP")) {
      Path seg = dir.resolve(type + ".dcm");
      String[] r =
          CliTest.run(
              "seg",
              "create",
              "--source",
              src.toString(),
              "--labelmap",
              in.toString(),
              "--meta",
              meta("seg-example_multiple_segments.json").toString(),
              "--type",
              type,
              "--ts",
              "1.2.840.10008.1.2.4.90",
              "--out",
              seg.toString());
      assertEquals("0", r[0], r[2]);
      Segmentation s = Segmentation.read(seg);
      assertEquals(SegmentationTypeValues.fromValue(type), s.segmentationType());
      assertEquals("Liver", s.getSegmentDescription(1).segmentLabel());
      assertEquals("Heart", s.getSegmentDescription(3).segmentLabel());
      assertEquals(300, s.dataset().getInt(Tag.SeriesNumber, 0));

      Path withSource = dir.resolve(type + "-source.npy");
      Path json = dir.resolve(type + ".json");
      r =
          CliTest.run(
              "seg",
              "read",
              seg.toString(),
              "--out",
              withSource.toString(),
              "--meta",
              json.toString(),
              "--source",
              src.toString());
      assertEquals("0", r[0], r[2]);
      assertEquals(input, LabelMapFormats.forPath(Path.of("x.npy")).read(withSource).array());
      // Without sources: the segmentation's own volume, in the same slice direction.
      Path own = dir.resolve(type + "-own.npy");
      r = CliTest.run("seg", "read", seg.toString(), "--out", own.toString());
      assertEquals("0", r[0], r[2]);
      NdArray volume = LabelMapFormats.forPath(Path.of("x.npy")).read(own).array();
      // Planes 1..3 hold labels; the empty plane 0 is omitted, so the volume starts at plane 1.
      assertEquals(input.slice(1, 4), volume);

      List<SegmentDescription> back = described(SegMeta.read(json));
      List<SegmentDescription> original =
          described(SegMeta.read(meta("seg-example_multiple_segments.json")));
      assertEquals(original.size(), back.size());
      for (int i = 0; i < back.size(); i++) {
        SegmentDescription a = original.get(i);
        SegmentDescription b = back.get(i);
        assertEquals(a.toItem(), b.toItem(), "segment " + a.segmentNumber());
      }
    }
  }

  @Test
  void npyLabelMapsAreReadableByNumpy() throws Exception {
    Path py = Path.of("/usr/bin/python3");
    Assumptions.assumeTrue(Files.isExecutable(py), "python3 absent");
    Path f = npy(labels());
    Process p =
        new ProcessBuilder(
                py.toString(),
                "-c",
                "import numpy,sys; a=numpy.load(sys.argv[1]); print(a.dtype, a.shape, int(a.sum()),"
                    + " int(a[3].sum()))",
                f.toString())
            .redirectErrorStream(true)
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes()).strip();
    Assumptions.assumeFalse(out.contains("No module named"), "numpy absent");
    // labels(): plane 1 has 30 ones and 2 x 9 twos, plane 3 has 10 threes.
    assertEquals("uint8 (4, 12, 10) " + (30 + 36 + 30) + " 30", out);
  }

  @Test
  void readsADcmqiSegmentationOntoItsSourceSeries() throws IOException {
    Path data = CliTest.testdata().resolve("dcmqi-segmentations");
    Path out = dir.resolve("liver.npy");
    String[] r =
        CliTest.run(
            "seg",
            "read",
            data.resolve("liver.dcm").toString(),
            "--out",
            out.toString(),
            "--source",
            data.resolve("ct-3slice").toString());
    assertEquals("0", r[0], r[2]);
    NdArray labels = LabelMapFormats.forPath(Path.of("x.npy")).read(out).array();
    assertArrayEquals(new int[] {3, 512, 512}, labels.shape());
    Segmentation s = Segmentation.read(data.resolve("liver.dcm"));
    List<String> uids =
        SegSources.sortAlongNormal(SegSources.read(List.of(data.resolve("ct-3slice")))).stream()
            .map(d -> d.getString(Tag.SOPInstanceUID))
            .toList();
    assertEquals(
        s.getPixelsBySourceInstance(uids, SegmentPixelOptions.DEFAULT.withCombineSegments(true)),
        labels);
    assertTrue(labels.max() == 1.0);
  }

  @Test
  void anUnknownOutDirFormatNamesTheOptionAndWritesNothing() {
    Path outDir = dir.resolve("never");
    String[] r =
        CliTest.run(
            "seg",
            "read",
            dir.resolve("missing.dcm").toString(),
            "--out-dir",
            outDir.toString(),
            "--format",
            "tiff");
    assertNotEquals("0", r[0]);
    assertTrue(r[2].contains("--format tiff"), r[2]);
    assertTrue(!Files.exists(outDir), "no output directory for a rejected command");
  }

  @Test
  void failuresExitNonZeroWithTheReason() throws IOException {
    Path src = series();
    String[] r =
        CliTest.run(
            "seg",
            "create",
            "--source",
            src.toString(),
            "--labelmap",
            dir.resolve("labels.tiff").toString(),
            "--meta",
            meta("seg-example_multiple_segments.json").toString(),
            "--out",
            dir.resolve("x.dcm").toString());
    assertNotEquals("0", r[0]);
    assertTrue(r[2].contains("No label map format for labels.tiff"), r[2]);

    Path wrong = npy(NdArray.zeros(DType.UINT8, 3, 12, 10));
    r =
        CliTest.run(
            "seg",
            "create",
            "--source",
            src.toString(),
            "--labelmap",
            wrong.toString(),
            "--meta",
            meta("seg-example_multiple_segments.json").toString(),
            "--out",
            dir.resolve("x.dcm").toString());
    assertNotEquals("0", r[0]);
    assertTrue(r[2].contains("does not match the source images"), r[2]);

    NdArray undescribed = labels();
    undescribed.setDouble(9, 2, 0, 0);
    r =
        CliTest.run(
            "seg",
            "create",
            "--source",
            src.toString(),
            "--labelmap",
            npy(undescribed.astype(DType.UINT16)).toString(),
            "--meta",
            meta("seg-example_multiple_segments.json").toString(),
            "--out",
            dir.resolve("x.dcm").toString());
    assertNotEquals("0", r[0]);
    assertTrue(r[2].contains("holds label value 9 that"), r[2]);
  }
}
