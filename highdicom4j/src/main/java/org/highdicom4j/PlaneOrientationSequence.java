package org.highdicom4j;

import java.util.Arrays;
import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * Plane Orientation Sequence (0020,9116) of the Plane Orientation (Patient) functional group macro
 * (PS3.3 C.7.6.16.2.4), or its slide counterpart with Image Orientation (Slide) (0048,0102)
 * (highdicom {@code PlaneOrientationSequence}). Immutable.
 */
public final class PlaneOrientationSequence {
  private final CoordinateSystemNames coordinateSystem;
  private final double[] imageOrientation;

  /**
   * Creates the macro content.
   *
   * @param coordinateSystem PATIENT (Image Orientation (Patient) (0020,0037)) or SLIDE (Image
   *     Orientation (Slide) (0048,0102))
   * @param imageOrientation six direction cosines: row direction, then column direction
   */
  public PlaneOrientationSequence(
      CoordinateSystemNames coordinateSystem, double[] imageOrientation) {
    this.coordinateSystem = Objects.requireNonNull(coordinateSystem, "coordinateSystem");
    Objects.requireNonNull(imageOrientation, "imageOrientation");
    if (imageOrientation.length != 6) {
      throw new IllegalArgumentException(
          "ImageOrientationPatient (0020,0037) must have 6 values: " + imageOrientation.length);
    }
    this.imageOrientation = imageOrientation.clone();
  }

  /**
   * Reads the content from a Plane Orientation Sequence; the coordinate system follows from the
   * attribute present.
   *
   * @param sequence a sequence with exactly one item
   * @return the content
   */
  public static PlaneOrientationSequence fromSequence(Sequence sequence) {
    Objects.requireNonNull(sequence, "sequence");
    if (sequence.size() != 1) {
      throw new IllegalArgumentException(
          "PlaneOrientationSequence (0020,9116) must have exactly one item: " + sequence.size());
    }
    DicomDataset item = sequence.get(0);
    if (item.contains(Tag.ImageOrientationSlide)) {
      return new PlaneOrientationSequence(
          CoordinateSystemNames.SLIDE, item.getDoubles(Tag.ImageOrientationSlide));
    }
    return new PlaneOrientationSequence(
        CoordinateSystemNames.PATIENT, item.getDoubles(Tag.ImageOrientationPatient));
  }

  /** Returns the coordinate system. */
  public CoordinateSystemNames coordinateSystem() {
    return coordinateSystem;
  }

  /** Returns the six direction cosines. */
  public double[] imageOrientation() {
    return imageOrientation.clone();
  }

  /** Returns the sequence item as a new data set. */
  public DicomDataset toItem() {
    DicomDataset item = new DicomDataset();
    if (coordinateSystem == CoordinateSystemNames.PATIENT) {
      item.setDouble(Tag.ImageOrientationPatient, VR.DS, imageOrientation);
    } else {
      item.setDouble(Tag.ImageOrientationSlide, VR.DS, imageOrientation);
    }
    return item;
  }

  /**
   * Puts Plane Orientation Sequence (0020,9116) with this content into a data set.
   *
   * @param target the data set
   */
  public void addTo(DicomDataset target) {
    target.newSequence(Tag.PlaneOrientationSequence).add(toItem());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlaneOrientationSequence
        && ((PlaneOrientationSequence) o).coordinateSystem == coordinateSystem
        && Arrays.equals(((PlaneOrientationSequence) o).imageOrientation, imageOrientation);
  }

  @Override
  public int hashCode() {
    return coordinateSystem.hashCode() * 31 + Arrays.hashCode(imageOrientation);
  }

  @Override
  public String toString() {
    return "PlaneOrientationSequence["
        + coordinateSystem
        + ", "
        + Arrays.toString(imageOrientation)
        + "]";
  }
}
