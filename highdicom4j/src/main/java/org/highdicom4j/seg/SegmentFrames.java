package org.highdicom4j.seg;

import java.util.List;
import java.util.Objects;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.data.DicomDataset;

/**
 * The frames of one segment of a Segmentation data set, as {@link
 * SegmentationUtils#iterSegments(DicomDataset)} yields them: one element of highdicom's {@code
 * iter_segments} generator.
 *
 * @param frames the segment's frames in file order, shape (frames, Rows, Columns): stored values,
 *     0/1 for BINARY, 0..Maximum Fractional Value (0062,000E) for FRACTIONAL
 * @param frameItems the Per-Frame Functional Groups Sequence (5200,9230) item of each frame, in the
 *     same order (items of the data set, not copies)
 * @param segmentItem the Segment Sequence (0062,0002) item whose Segment Number (0062,0004) the
 *     frames reference
 */
public record SegmentFrames(
    NdArray frames, List<DicomDataset> frameItems, DicomDataset segmentItem) {
  /** Checks for nulls and that there is one item per frame. */
  public SegmentFrames {
    Objects.requireNonNull(frames, "frames");
    Objects.requireNonNull(segmentItem, "segmentItem");
    frameItems = List.copyOf(Objects.requireNonNull(frameItems, "frameItems"));
    if (frames.ndim() != 3 || frames.shape(0) != frameItems.size()) {
      throw new IllegalArgumentException(
          "frames must have shape (frames, rows, columns) with one item per frame (expected "
              + frameItems.size()
              + " frames): "
              + java.util.Arrays.toString(frames.shape()));
    }
  }
}
