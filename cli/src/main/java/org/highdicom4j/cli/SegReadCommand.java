package org.highdicom4j.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.seg.SegmentPixelOptions;
import org.highdicom4j.seg.Segmentation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hd4j seg read}: a Segmentation as one label map (segment numbers as values) and its
 * metadata as dcmqi JSON (the outputs of dcmqi's {@code segimage2itkimage}).
 */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = {
      "Write a DICOM SEG as a label map (value = segment number) and dcmqi JSON metadata.",
      "With --source, label map axis 0 follows those images sorted along the slice normal (empty"
          + " planes included); otherwise the segmentation's own volume, in the same direction."
    })
final class SegReadCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SEG.dcm", description = "segmentation file")
  Path seg;

  @Option(names = "--out", required = true, paramLabel = "LABELMAP", description = "label map")
  Path out;

  @Option(names = "--meta", paramLabel = "OUT.json", description = "write dcmqi JSON metadata")
  Path meta;

  @Option(
      names = "--source",
      arity = "1..*",
      paramLabel = "DIR|FILE",
      description = "source images defining the label map grid")
  List<Path> sources;

  @Override
  public Integer call() throws Exception {
    LabelMapIo io = LabelMapFormats.forPath(out);
    Segmentation s = Segmentation.read(seg);
    SegmentPixelOptions combine = SegmentPixelOptions.DEFAULT.withCombineSegments(true);
    NdArray labels;
    double[][] affine;
    if (sources != null && !sources.isEmpty()) {
      List<DicomDataset> images = SegSources.read(sources);
      combine = combine.withAssertMissingFramesAreEmpty(true);
      if (images.size() == 1 && images.get(0).getInt(Tag.NumberOfFrames, 1) > 1) {
        int n = images.get(0).getInt(Tag.NumberOfFrames, 1);
        int[] frames = new int[n];
        for (int i = 0; i < n; i++) {
          frames[i] = i + 1;
        }
        labels =
            s.getPixelsBySourceFrame(images.get(0).getString(Tag.SOPInstanceUID), frames, combine);
        affine = null;
      } else {
        List<DicomDataset> sorted = SegSources.sortAlongNormal(images);
        List<String> uids = sorted.stream().map(d -> d.getString(Tag.SOPInstanceUID)).toList();
        labels = s.getPixelsBySourceInstance(uids, combine);
        affine = SegSources.affine(sorted);
      }
    } else if (s.dataset().contains(Tag.TotalPixelMatrixRows)) {
      NdArray tpm = s.getTotalPixelMatrix(combine);
      labels = tpm.reshape(1, tpm.shape(0), tpm.shape(1));
      affine = null;
    } else {
      Volume v = s.getVolume(combine);
      // highdicom's volumes run along column x row cosines; label maps along row x column.
      Volume flipped = v.flipSpatial(0);
      labels = flipped.array();
      affine = flipped.affine();
    }
    io.write(out, new LabelMapIo.LabelMap(labels, affine, Map.of()));
    if (meta != null) {
      Files.writeString(meta, SegMeta.write(s), StandardCharsets.UTF_8);
    }
    return 0;
  }
}
