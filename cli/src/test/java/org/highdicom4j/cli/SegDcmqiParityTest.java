package org.highdicom4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.seg.SegmentPixelOptions;
import org.highdicom4j.seg.Segmentation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parity with dcmqi: the NRRD label maps and JSON metadata dcmqi's tests feed to {@code
 * itkimage2segimage} give, through {@code hd4j seg create}, the same masks per source instance as
 * the SEG dcmqi made ({@code liver.dcm}), and {@code hd4j seg read} of that SEG gives back the NRRD
 * label map.
 */
class SegDcmqiParityTest {
  @TempDir Path dir;

  private static LabelMapIo nrrd() {
    return LabelMapFormats.forPath(Path.of("label.nrrd"));
  }

  @ParameterizedTest
  @CsvSource({"liver_seg.nrrd, seg-example.json, liver.dcm"})
  void createMatchesTheDcmqiSegmentationAndReadGivesBackTheLabelMap(
      String labelMap, String meta, String dcmqiSeg) throws IOException {
    LabelMapIo io = nrrd();
    Path data = CliTest.testdata().resolve("dcmqi-segmentations");
    Path source = data.resolve("ct-3slice");
    Path ours = dir.resolve("ours.dcm");
    String[] r =
        CliTest.run(
            "seg",
            "create",
            "--source",
            source.toString(),
            "--labelmap",
            data.resolve(labelMap).toString(),
            "--meta",
            SegCommandTest.meta(meta).toString(),
            "--out",
            ours.toString());
    assertEquals("0", r[0], r[2]);
    Segmentation theirs = Segmentation.read(data.resolve(dcmqiSeg));
    Segmentation mine = Segmentation.read(ours);
    List<String> uids =
        SegSources.sortAlongNormal(SegSources.read(List.of(source))).stream()
            .map(d -> d.getString(Tag.SOPInstanceUID))
            .toList();
    SegmentPixelOptions o =
        SegmentPixelOptions.DEFAULT.withCombineSegments(true).withAssertMissingFramesAreEmpty(true);
    NdArray expected = theirs.getPixelsBySourceInstance(uids, o);
    assertEquals(expected, mine.getPixelsBySourceInstance(uids, o));

    Path back = dir.resolve("back.nrrd");
    r =
        CliTest.run(
            "seg",
            "read",
            data.resolve(dcmqiSeg).toString(),
            "--out",
            back.toString(),
            "--source",
            source.toString());
    assertEquals("0", r[0], r[2]);
    LabelMapIo.LabelMap original = io.read(data.resolve(labelMap));
    LabelMapIo.LabelMap roundTrip = io.read(back);
    assertArrayEquals(original.array().shape(), roundTrip.array().shape());
    for (int i = 0; i < original.array().size(); i++) {
      if (original.array().getFlatLong(i) != roundTrip.array().getFlatLong(i)) {
        assertEquals(
            original.array().getFlatLong(i), roundTrip.array().getFlatLong(i), "voxel " + i);
      }
    }
    for (int k = 0; k < 4; k++) {
      assertArrayEquals(original.affineLps()[k], roundTrip.affineLps()[k], 1e-3, "affine row " + k);
    }
  }
}
