package org.highdicom4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.highdicom4j.NdArray;

/**
 * Reads and writes label map files for {@code hd4j seg}: one implementation per format (NumPy
 * {@code .npy} here; NIfTI-1 and NRRD from {@code org.highdicom4j.formats} once it is wired in, see
 * {@link LabelMapFormats}).
 *
 * <p>Contract: the array is 3-dimensional (d0, d1, d2) in C order; the affine, when the format
 * records one, maps (d0, d1, d2, 1) voxel indices to patient coordinates in DICOM's LPS convention
 * (millimetres). Formats without geometry (.npy) return a null affine, and their axis 0 follows the
 * source images sorted by position along the slice normal (row cosines × column cosines), rows and
 * columns as in the images.
 */
interface LabelMapIo {
  /**
   * A label map and its geometry.
   *
   * @param array integer labels, shape (d0, d1, d2)
   * @param affineLps 4 × 4 index-to-LPS matrix, or null when the format records no geometry
   * @param metadata format-specific key/value pairs (may be empty)
   */
  record LabelMap(NdArray array, double[][] affineLps, Map<String, String> metadata) {
    /** Checks the array. */
    public LabelMap {
      Objects.requireNonNull(array, "array");
      metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
  }

  /**
   * Returns whether this format handles the file name (by its extension).
   *
   * @param path the file
   * @return whether it can read or write it
   */
  boolean supports(Path path);

  /**
   * Reads a label map.
   *
   * @param path the file
   * @return the label map
   * @throws IOException when the file cannot be read or is malformed
   */
  LabelMap read(Path path) throws IOException;

  /**
   * Writes a label map.
   *
   * @param path the file
   * @param labelMap the label map (formats without geometry ignore the affine)
   * @throws IOException when the file cannot be written
   */
  void write(Path path, LabelMap labelMap) throws IOException;
}
