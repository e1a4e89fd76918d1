package org.highdicom4j.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The label map formats {@code hd4j seg} knows, looked up by file extension.
 *
 * <p>NOTE for the lead: NIfTI-1 ({@code .nii}, {@code .nii.gz}) and NRRD ({@code .nrrd}) come with
 * {@code org.highdicom4j.formats}; add their {@link LabelMapIo} adapters to {@link #FORMATS} when
 * that package is on main (the dcmqi parity test in {@code SegDcmqiParityTest} then runs).
 */
final class LabelMapFormats {
  /** The registered formats, first match wins. */
  static final List<LabelMapIo> FORMATS = List.of(new NpyLabelMapIo());

  private LabelMapFormats() {}

  /**
   * Returns the format of a file.
   *
   * @param path the label map file
   * @return its format
   * @throws IllegalArgumentException naming the supported extensions when none matches
   */
  static LabelMapIo forPath(Path path) {
    for (LabelMapIo io : FORMATS) {
      if (io.supports(path)) {
        return io;
      }
    }
    throw new IllegalArgumentException(
        "No label map format for "
            + path.getFileName()
            + " (expected .npy; NIfTI and NRRD label maps need org.highdicom4j.formats, which"
            + " this build does not include yet)");
  }
}
