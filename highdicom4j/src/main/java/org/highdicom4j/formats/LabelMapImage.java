package org.highdicom4j.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.highdicom4j.ChannelDescriptor;
import org.highdicom4j.CoordinateSystemNames;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;

/**
 * A label map or value image read from (or to be written to) a NIfTI-1, NRRD or NumPy file: the
 * voxels, their geometry when the format has one, and the file's free-form metadata. This is what
 * the {@code hd4j seg} and {@code pm} commands take as {@code --labelmap}.
 *
 * <p>{@code array} has axes (slice, row, column[, channel]); {@code affineLps} maps (slice, row,
 * column, 1) to LPS patient coordinates exactly as {@link Volume#affine()} does, or is null when
 * the file has no geometry ({@code .npy}, NRRD without space information); {@code metadata} holds
 * NRRD {@code key:=value} pairs (e.g. dcmqi's and 3D Slicer's {@code Segment0_ID}) and, for NIfTI,
 * non-empty {@code descrip} and {@code intent_name}.
 *
 * @param array the voxels (shared, not copied)
 * @param affineLps 4 x 4 matrix from (slice, row, column, 1) to LPS, or null
 * @param metadata free-form key/value pairs (copied; null means none)
 */
public record LabelMapImage(NdArray array, double[][] affineLps, Map<String, String> metadata) {

  /** Validates and copies the components. */
  public LabelMapImage {
    Objects.requireNonNull(array, "array");
    if (affineLps != null) {
      affineLps = DataIo.checkAffine(affineLps, "affineLps");
    }
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** Returns a copy of the affine, or null when the image has no geometry. */
  @Override
  public double[][] affineLps() {
    if (affineLps == null) {
      return null;
    }
    double[][] c = new double[4][];
    for (int i = 0; i < 4; i++) {
      c[i] = affineLps[i].clone();
    }
    return c;
  }

  /** The file formats, chosen by file name extension. */
  private enum Kind {
    NIFTI,
    NRRD,
    NPY
  }

  private static Kind kindOf(Path path) {
    String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".nii") || n.endsWith(".nii.gz")) {
      return Kind.NIFTI;
    }
    if (n.endsWith(".nrrd") || n.endsWith(".nhdr")) {
      return Kind.NRRD;
    }
    if (n.endsWith(".npy")) {
      return Kind.NPY;
    }
    throw new IllegalArgumentException(
        "label map file name has an unknown extension (expected .nii, .nii.gz, .nrrd, .nhdr or"
            + " .npy): "
            + path.getFileName());
  }

  /**
   * Reads a label map, choosing the format by extension: {@code .nii} and {@code .nii.gz} (NIfTI-1,
   * values scaled by scl_slope/scl_inter when the header scales them), {@code .nrrd} and {@code
   * .nhdr} (NRRD), {@code .npy} (NumPy, no geometry).
   *
   * @param path the file
   * @return the image
   * @throws IllegalArgumentException when the extension is none of those
   * @throws ImageFormatException when the file is malformed or unsupported
   * @throws IOException when the file cannot be read
   */
  public static LabelMapImage read(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    switch (kindOf(path)) {
      case NIFTI:
        {
          Nifti1Image n = Nifti1.read(path);
          Map<String, String> meta = new LinkedHashMap<>();
          if (!n.description().isEmpty()) {
            meta.put("descrip", n.description());
          }
          if (!n.intentName().isEmpty()) {
            meta.put("intent_name", n.intentName());
          }
          return new LabelMapImage(n.scaledArray(), n.affineLps(), meta);
        }
      case NRRD:
        {
          NrrdImage n = Nrrd.read(path);
          return new LabelMapImage(n.array(), n.affineLps(), n.keyValues());
        }
      default:
        return new LabelMapImage(Npy.read(path), null, Map.of());
    }
  }

  /**
   * Writes the image, choosing the format by extension: NIfTI-1 ({@code .nii}, {@code .nii.gz};
   * needs an affine; metadata is not written), NRRD ({@code .nrrd} attached, {@code .nhdr}
   * detached; gzip encoded; metadata as {@code key:=value}), NumPy ({@code .npy}; array only).
   *
   * @param path target
   * @throws IllegalArgumentException when the extension is unknown, or NIfTI is asked for without
   *     an affine
   * @throws IOException when the file cannot be written
   */
  public void write(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    switch (kindOf(path)) {
      case NIFTI:
        if (affineLps == null) {
          throw new IllegalArgumentException(
              "NIfTI-1 needs geometry (expected an affine): the label map has none");
        }
        Nifti1.write(path, array, affineLps);
        break;
      case NRRD:
        Nrrd.write(path, array, affineLps, metadata, Nrrd.Encoding.GZIP);
        break;
      default:
        Npy.write(path, array);
        break;
    }
  }

  /**
   * Returns a label map holding a volume's array and affine.
   *
   * @param volume the volume, at most one channel axis
   * @param metadata key/value pairs, or null
   * @return the label map
   */
  public static LabelMapImage fromVolume(Volume volume, Map<String, String> metadata) {
    Objects.requireNonNull(volume, "volume");
    return new LabelMapImage(volume.array(), volume.affine(), metadata);
  }

  /**
   * Returns a volume in the patient coordinate system of a 3-dimensional label map.
   *
   * @param frameOfReferenceUid Frame of Reference UID (0020,0052) of the volume, or null
   * @return the volume (sharing the array)
   * @throws IllegalStateException when the label map has no affine or a channel axis
   * @throws IllegalArgumentException when the affine is not one a {@link Volume} accepts
   */
  public Volume toVolume(String frameOfReferenceUid) {
    if (array.ndim() != 3) {
      throw new IllegalStateException(
          "label map has a channel axis; use toVolume(coordinateSystem, uid, channels): "
              + Arrays.toString(array.shape()));
    }
    return toVolume(CoordinateSystemNames.PATIENT, frameOfReferenceUid, null);
  }

  /**
   * Returns a volume of this label map.
   *
   * @param coordinateSystem PATIENT or SLIDE
   * @param frameOfReferenceUid Frame of Reference UID (0020,0052), or null
   * @param channels descriptor and values of the channel axis (e.g. SegmentNumber 1..n), or null
   *     for a 3-dimensional array
   * @return the volume (sharing the array)
   * @throws IllegalStateException when the label map has no affine
   */
  public Volume toVolume(
      CoordinateSystemNames coordinateSystem,
      String frameOfReferenceUid,
      Map<ChannelDescriptor, ? extends List<?>> channels) {
    if (affineLps == null) {
      throw new IllegalStateException(
          "label map has no geometry (expected an affine from NIfTI or NRRD): none");
    }
    return new Volume(array, affineLps, coordinateSystem, frameOfReferenceUid, channels);
  }

  /** Compares array, affine (element-wise) and metadata. */
  @Override
  public boolean equals(Object o) {
    return o instanceof LabelMapImage other
        && array.equals(other.array)
        && Arrays.deepEquals(affineLps, other.affineLps)
        && metadata.equals(other.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(array, Arrays.deepHashCode(affineLps), metadata);
  }

  @Override
  public String toString() {
    return "LabelMapImage[array="
        + array
        + ", affineLps="
        + Arrays.deepToString(affineLps)
        + ", metadata="
        + metadata
        + "]";
  }
}
