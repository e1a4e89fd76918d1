package org.highdicom4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.highdicom4j.NdArray;
import org.highdicom4j.seg.SegmentPixelOptions;
import org.highdicom4j.seg.Segmentation;

/**
 * The {@code seg-read} workload: read a SEG and build the full label map over its source instances
 * (phase "read+labelmap": the peer's segread + get_pixels_by_source_instance(combine_segments)).
 */
final class SegReadWorkload {
  private final Path seg;

  SegReadWorkload(Path seg) {
    this.seg = seg;
  }

  void run(int repeat) throws Exception {
    Workloads.Phase phase = new Workloads.Phase("seg-read", "read+labelmap");
    long checksum = 0;
    for (int r = 0; r <= repeat; r++) {
      long t0 = System.nanoTime();
      Segmentation s = Segmentation.read(seg);
      List<String> sources = new ArrayList<>(new LinkedHashSet<>(sourceInstances(s)));
      NdArray labels =
          s.getPixelsBySourceInstance(
              sources, SegmentPixelOptions.DEFAULT.withCombineSegments(true));
      long t1 = System.nanoTime();
      checksum += labels.size();
      if (r > 0) {
        phase.add(t1 - t0);
      }
    }
    System.out.println(phase.json());
    System.err.println("checksum " + checksum);
  }

  private static List<String> sourceInstances(Segmentation s) {
    List<String> out = new ArrayList<>();
    s.getSourceImageUids().forEach(ref -> out.add(ref.sopInstanceUid()));
    return out;
  }
}
