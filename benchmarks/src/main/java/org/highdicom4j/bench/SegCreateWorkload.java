package org.highdicom4j.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.highdicom4j.NdArray;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.ReadOptions;
import org.highdicom4j.seg.SegmentAlgorithmTypeValues;
import org.highdicom4j.seg.SegmentDescription;
import org.highdicom4j.seg.Segmentation;
import org.highdicom4j.seg.SegmentationTypeValues;

/**
 * The {@code seg-create} workload: a Segmentation of the peer's ball label map over a CT series
 * (phases "create" and "write"), every segment SCT 85756007 "Tissue" / SCT 21483005 "Connective
 * tissue", AUTOMATIC, empty frames omitted.
 */
final class SegCreateWorkload {
  private final List<DicomDataset> sources;
  private final NdArray labelMap;
  private final List<SegmentDescription> descriptions = new ArrayList<>();
  private final SegmentationTypeValues type;
  private final String ts;
  private final Path out;

  SegCreateWorkload(Path source, int segments, String type, String ts, Path out)
      throws IOException {
    List<DicomDataset> read = new ArrayList<>();
    try (Stream<Path> s = Files.list(source)) {
      for (Path p : s.sorted().toList()) {
        read.add(DicomReader.read(p, ReadOptions.DEFAULT.withStopBeforePixelData(true)).dataset());
      }
    }
    read.sort(Comparator.comparingDouble(ds -> ds.getDoubles(Tag.ImagePositionPatient)[2]));
    this.sources = read;
    DicomDataset first = read.get(0);
    this.labelMap =
        BallLabelMap.create(
            segments, read.size(), first.getInt(Tag.Rows, 0), first.getInt(Tag.Columns, 0));
    CodedConcept tissue = new CodedConcept("85756007", "SCT", "Tissue");
    CodedConcept connective = new CodedConcept("21483005", "SCT", "Connective tissue");
    for (int k = 1; k <= segments; k++) {
      descriptions.add(
          SegmentDescription.builder(
                  k, "Ball " + k, tissue, connective, SegmentAlgorithmTypeValues.AUTOMATIC)
              .algorithmIdentification(
                  new org.highdicom4j.AlgorithmIdentificationSequence(
                      "bench", new CodedConcept("123109", "DCM", "Manual Processing"), "1.0"))
              .build());
    }
    this.type = SegmentationTypeValues.fromValue(type);
    this.ts = ts;
    this.out = out;
  }

  Segmentation create() {
    Segmentation.Builder b =
        Segmentation.builder()
            .sourceImages(sources)
            .pixelArray(labelMap)
            .segmentationType(type)
            .segmentDescriptions(descriptions)
            .omitEmptyFrames(true)
            .seriesInstanceUid(UidGenerator.newUid())
            .seriesNumber(100)
            .sopInstanceUid(UidGenerator.newUid())
            .instanceNumber(1)
            .manufacturer("highdicom4j")
            .manufacturerModelName("bench")
            .softwareVersions("0.1")
            .deviceSerialNumber("1");
    if (ts != null) {
      b.transferSyntaxUid(ts);
    }
    return b.build();
  }

  void run(int repeat) throws Exception {
    String name =
        "seg-create-" + type.value() + "-K" + descriptions.size() + (ts == null ? "" : "-" + ts);
    Workloads.Phase create = new Workloads.Phase(name, "create");
    Workloads.Phase write = new Workloads.Phase(name, "write");
    int frames = 0;
    long bytes = 0;
    for (int r = 0; r <= repeat; r++) {
      long t0 = System.nanoTime();
      Segmentation seg = create();
      long t1 = System.nanoTime();
      if (out != null) {
        seg.write(out);
        bytes = Files.size(out);
      } else {
        try (OutputStream os = OutputStream.nullOutputStream()) {
          seg.write(os);
        }
      }
      long t2 = System.nanoTime();
      frames = seg.numberOfFrames();
      if (r > 0) {
        create.add(t1 - t0);
        write.add(t2 - t1);
      }
    }
    System.out.println(create.json());
    System.out.println(write.json());
    System.err.printf("frames %d, file %.2f MB%n", frames, bytes / 1e6);
  }
}
