package org.highdicom4j.cli;

import java.nio.file.Path;
import java.util.List;

/** The label map formats {@code hd4j seg} knows, looked up by file extension. */
final class LabelMapFormats {
  /** The registered formats, first match wins. */
  static final List<LabelMapIo> FORMATS = List.of(new FormatsLabelMapIo());

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
            + " (expected .nii, .nii.gz, .nrrd, .nhdr or .npy)");
  }
}
