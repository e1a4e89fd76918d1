package org.highdicom4j.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.seg.SegmentPixelOptions;
import org.highdicom4j.seg.Segmentation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hd4j seg read}: a Segmentation as one label map (segment numbers as values), or as dcmqi's
 * {@code segimage2itkimage} writes it (one label file per segment, or per group of segments that do
 * not overlap), and its metadata as dcmqi JSON.
 */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = {
      "Write a DICOM SEG as label maps (value = segment number) and dcmqi JSON metadata.",
      "--out writes one label map of all segments (they must not overlap); --out-dir writes, as"
          + " dcmqi's segimage2itkimage, PREFIX-N.EXT per segment number N, or with"
          + " --merge-segments PREFIX-K.EXT per group K of segments that do not overlap (first"
          + " fit in segment order), and PREFIX-meta.json with one segmentAttributes group per"
          + " file.",
      "With --source, label map axis 0 follows those images sorted along the slice normal (empty"
          + " planes included); otherwise the segmentation's own volume, in the same direction."
    })
final class SegReadCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SEG.dcm", description = "segmentation file")
  Path seg;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Output output;

  /** Where the label maps go: one file, or a directory of per-segment (or per-group) files. */
  static final class Output {
    @Option(
        names = "--out",
        required = true,
        paramLabel = "LABELMAP",
        description = "one label map of all segments")
    Path out;

    @Option(
        names = "--out-dir",
        required = true,
        paramLabel = "DIR",
        description = "directory for one label map per segment (or per group, --merge-segments)")
    Path outDir;
  }

  @Option(
      names = "--prefix",
      defaultValue = "segment",
      paramLabel = "PREFIX",
      description = "file name prefix with --out-dir (default: segment)")
  String prefix;

  @Option(
      names = "--format",
      defaultValue = "nrrd",
      paramLabel = "EXT",
      description = "label map format with --out-dir: nrrd (default), nii, nii.gz or npy")
  String format;

  @Option(
      names = "--merge-segments",
      description = "with --out-dir: one file per group of segments that do not overlap")
  boolean mergeSegments;

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
    // Checked before the segmentation is read and the directory created.
    LabelMapIo dirIo = null;
    if (output.outDir != null) {
      try {
        dirIo = LabelMapFormats.forPath(Path.of("x." + format));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--format "
                + format
                + " is not a label map format (expected nrrd, nhdr, nii, nii.gz or npy)",
            e);
      }
    }
    Segmentation s = Segmentation.read(seg);
    if (output.out != null) {
      LabelMapIo io = LabelMapFormats.forPath(output.out);
      LabelMapIo.LabelMap lm;
      try {
        lm = read(s, SegmentPixelOptions.DEFAULT.withCombineSegments(true));
      } catch (IllegalStateException e) {
        if (!String.valueOf(e.getMessage()).contains("overlap")) {
          throw e;
        }
        throw new IllegalArgumentException(
            e.getMessage() + "; --out-dir [--merge-segments] writes overlapping segments", e);
      }
      io.write(output.out, lm);
      if (meta != null) {
        Files.writeString(meta, SegMeta.write(s), StandardCharsets.UTF_8);
      }
      return 0;
    }
    Path dir = Files.createDirectories(output.outDir);
    LabelMapIo io = dirIo;
    int[] numbers = s.segmentNumbers();
    LabelMapIo.LabelMap stacked = read(s, SegmentPixelOptions.DEFAULT.withSegmentNumbers(numbers));
    List<List<Integer>> groups = SegmentGroups.of(stacked.array(), numbers, mergeSegments);
    for (int k = 0; k < groups.size(); k++) {
      int name = mergeSegments ? k + 1 : groups.get(k).get(0);
      NdArray labels = SegmentGroups.labels(stacked.array(), numbers, groups.get(k));
      io.write(
          dir.resolve(prefix + "-" + name + "." + format),
          new LabelMapIo.LabelMap(labels, stacked.affineLps(), Map.of()));
    }
    Path json = meta != null ? meta : dir.resolve(prefix + "-meta.json");
    Files.writeString(json, SegMeta.write(s, groups), StandardCharsets.UTF_8);
    return 0;
  }

  /** The segments as label map(s) on the source grid (--source) or the segmentation's volume. */
  private LabelMapIo.LabelMap read(Segmentation s, SegmentPixelOptions options) throws Exception {
    NdArray labels;
    double[][] affine;
    if (sources != null && !sources.isEmpty()) {
      List<DicomDataset> images = SegSources.read(sources);
      options = options.withAssertMissingFramesAreEmpty(true);
      if (images.size() == 1 && images.get(0).getInt(Tag.NumberOfFrames, 1) > 1) {
        int n = images.get(0).getInt(Tag.NumberOfFrames, 1);
        int[] frames = new int[n];
        for (int i = 0; i < n; i++) {
          frames[i] = i + 1;
        }
        labels =
            s.getPixelsBySourceFrame(images.get(0).getString(Tag.SOPInstanceUID), frames, options);
        affine = SegSources.multiFrameAffine(images.get(0));
      } else {
        List<DicomDataset> sorted = SegSources.sortAlongNormal(images);
        List<String> uids = new ArrayList<>();
        for (DicomDataset d : sorted) {
          uids.add(d.getString(Tag.SOPInstanceUID));
        }
        labels = s.getPixelsBySourceInstance(uids, options);
        affine = SegSources.affine(sorted);
      }
    } else if (s.dataset().contains(Tag.TotalPixelMatrixRows)) {
      NdArray tpm = s.getTotalPixelMatrix(options);
      int[] shape = new int[tpm.ndim() + 1];
      shape[0] = 1;
      System.arraycopy(tpm.shape(), 0, shape, 1, tpm.ndim());
      labels = tpm.reshape(shape);
      affine = null;
    } else {
      Volume v = s.getVolume(options);
      // highdicom's volumes run along column x row cosines; label maps along row x column.
      Volume flipped = v.flipSpatial(0);
      labels = flipped.array();
      affine = flipped.affine();
    }
    return new LabelMapIo.LabelMap(labels, affine, Map.of());
  }
}
