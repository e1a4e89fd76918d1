package org.highdicom4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.highdicom4j.CoordinateSystemNames;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;
import org.highdicom4j.VolumeGeometry;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.seg.Segmentation;
import org.highdicom4j.seg.SegmentationTypeValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hd4j seg create}: a Segmentation from source images, a label map and dcmqi JSON metadata
 * (the inputs of dcmqi's {@code itkimage2segimage}).
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a DICOM SEG from source images, label maps and dcmqi seg-schema JSON metadata.",
      "Label map i is described by segmentAttributes group i (or the group that"
          + " segmentAttributesFileMapping assigns to its file name); labelID is its voxel value."
          + " Segments of different label maps may overlap (BINARY, FRACTIONAL).",
      "Label map axis 0 follows the source images sorted by position along the slice normal"
          + " (row cosines x column cosines); NIfTI/NRRD label maps are aligned by their affine."
    })
final class SegCreateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--source",
      required = true,
      arity = "1..*",
      paramLabel = "DIR|FILE",
      description = "source images: one series of single-frame images, or one multi-frame image")
  List<Path> sources;

  @Option(
      names = "--labelmap",
      required = true,
      arity = "1..*",
      split = ",",
      paramLabel = "FILE",
      description = {
        "label maps, one per segmentAttributes group of --meta (dcmqi's --inputImageList);"
            + " repeat the option or separate files by commas"
      })
  List<Path> labelMaps;

  @Option(names = "--meta", required = true, paramLabel = "FILE.json", description = "metadata")
  Path meta;

  @Option(
      names = "--type",
      defaultValue = "BINARY",
      paramLabel = "TYPE",
      description = "BINARY (default), FRACTIONAL or LABELMAP")
  String type;

  @Option(
      names = "--ts",
      defaultValue = UID.ExplicitVRLittleEndian,
      paramLabel = "UID",
      description = "Transfer Syntax UID (default Explicit VR Little Endian)")
  String ts;

  @Option(names = "--out", required = true, paramLabel = "SEG.dcm", description = "output file")
  Path out;

  @Override
  public Integer call() throws Exception {
    SegmentationTypeValues segType = SegmentationTypeValues.fromValue(type);
    SegMeta m = SegMeta.read(meta);
    List<DicomDataset> images = SegSources.read(sources);
    boolean multiFrame = images.size() == 1 && images.get(0).getInt(Tag.NumberOfFrames, 1) > 1;
    List<DicomDataset> ordered = multiFrame ? images : SegSources.sortAlongNormal(images);
    List<NdArray> arrays = new ArrayList<>();
    for (Path labelMap : labelMaps) {
      LabelMapIo.LabelMap lm = LabelMapFormats.forPath(labelMap).read(labelMap);
      arrays.add(aligned(lm, ordered, multiFrame, labelMap));
    }
    SegLabelInputs inputs = SegLabelInputs.assemble(m, labelMaps, arrays);
    for (String w : inputs.warnings) {
      spec.commandLine().getErr().println("hd4j seg create: " + w);
    }
    if (inputs.overlap && segType == SegmentationTypeValues.LABELMAP) {
      throw new IllegalArgumentException(
          "Segments of different label files overlap, which a LABELMAP segmentation cannot hold"
              + " (expected --type BINARY or FRACTIONAL)");
    }
    Segmentation.Builder b =
        Segmentation.builder()
            .sourceImages(ordered)
            .pixelArray(inputs.pixelArray)
            .segmentationType(segType)
            .segmentDescriptions(
                inputs.segments.stream().map(SegLabelInputs.Segment::description).toList())
            .transferSyntaxUid(ts)
            .seriesInstanceUid(UidGenerator.newUid())
            .seriesNumber(m.seriesNumber)
            .sopInstanceUid(UidGenerator.newUid())
            .instanceNumber(m.instanceNumber)
            .manufacturer("highdicom4j")
            .manufacturerModelName("hd4j")
            .softwareVersions("0.1.0")
            .deviceSerialNumber("1")
            .seriesDescription(m.seriesDescription)
            .contentLabel(m.contentLabel);
    if (m.contentDescription != null) {
      b.contentDescription(m.contentDescription);
    }
    if (m.contentCreatorName != null) {
      b.contentCreatorName(m.contentCreatorName);
    }
    b.build().write(out);
    return 0;
  }

  private static long labelled(NdArray a) {
    long n = 0;
    for (int i = 0, size = a.size(); i < size; i++) {
      if (a.getFlatLong(i) != 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * The label map as (source planes, rows, columns) in the order of the source list. A label map
   * with an affine may cover part of the source grid (for example fewer planes, as dcmqi accepts);
   * it is permuted, flipped, cropped and padded onto that grid, never resampled.
   */
  private static NdArray aligned(
      LabelMapIo.LabelMap lm, List<DicomDataset> ordered, boolean multiFrame, Path file) {
    DicomDataset first = ordered.get(0);
    int planes = multiFrame ? first.getInt(Tag.NumberOfFrames, 1) : ordered.size();
    int[] want = {planes, first.getInt(Tag.Rows, 0), first.getInt(Tag.Columns, 0)};
    NdArray a = lm.array();
    if (a.ndim() == 2 && planes == 1) {
      a = a.reshape(1, a.shape(0), a.shape(1));
    }
    double[][] grid = multiFrame ? SegSources.multiFrameAffine(first) : SegSources.affine(ordered);
    if (lm.affineLps() != null && grid != null) {
      // Permute and flip (no resampling) the label map onto the sorted source grid.
      String forUid = first.getString(Tag.FrameOfReferenceUID);
      Volume labels = new Volume(a, lm.affineLps(), CoordinateSystemNames.PATIENT, forUid);
      VolumeGeometry target = new VolumeGeometry(grid, want, CoordinateSystemNames.PATIENT, forUid);
      long before = labelled(a);
      a = labels.matchGeometry(target).array();
      long after = labelled(a);
      if (after != before) {
        throw new IllegalArgumentException(
            file
                + ": "
                + (before - after)
                + " labelled voxels lie outside the source images (expected the label map"
                + " within their grid)");
      }
    }
    if (!Arrays.equals(a.shape(), want)) {
      throw new IllegalArgumentException(
          file
              + ": label map shape "
              + Arrays.toString(a.shape())
              + " does not match the source images (expected "
              + Arrays.toString(want)
              + ": planes sorted along the slice normal, rows, columns)");
    }
    return a;
  }
}
