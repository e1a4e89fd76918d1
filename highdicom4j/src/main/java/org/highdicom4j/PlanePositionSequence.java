package org.highdicom4j;

import java.util.Arrays;
import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * Plane Position Sequence (0020,9113) of the Plane Position (Patient) functional group macro (PS3.3
 * C.7.6.16.2.3), or Plane Position (Slide) Sequence (0048,021A) (PS3.3 C.8.12.6.1): the position of
 * one frame (highdicom {@code PlanePositionSequence}). Immutable.
 */
public final class PlanePositionSequence {
  private final CoordinateSystemNames coordinateSystem;
  private final double[] imagePosition;
  private final int[] pixelMatrixPosition;

  /**
   * Creates the macro content.
   *
   * @param coordinateSystem PATIENT or SLIDE
   * @param imagePosition centre of the frame's first pixel in millimetres: Image Position (Patient)
   *     (0020,0032), or the X/Y/Z Offset in Slide Coordinate System (0040,072A/073A/074A)
   * @param pixelMatrixPosition (column, row) 1-based position in the total pixel matrix: Column and
   *     Row Position In Total Image Pixel Matrix (0048,021E/021F); required for SLIDE, null for
   *     PATIENT
   */
  public PlanePositionSequence(
      CoordinateSystemNames coordinateSystem, double[] imagePosition, int[] pixelMatrixPosition) {
    this.coordinateSystem = Objects.requireNonNull(coordinateSystem, "coordinateSystem");
    Objects.requireNonNull(imagePosition, "imagePosition");
    if (imagePosition.length != 3) {
      throw new IllegalArgumentException(
          "ImagePositionPatient (0020,0032) must have 3 values: " + imagePosition.length);
    }
    if (coordinateSystem == CoordinateSystemNames.SLIDE) {
      if (pixelMatrixPosition == null || pixelMatrixPosition.length != 2) {
        throw new IllegalArgumentException(
            "ColumnPositionInTotalImagePixelMatrix (0048,021E) and RowPosition… (0048,021F) are"
                + " required for the SLIDE coordinate system (expected a pair): "
                + Arrays.toString(pixelMatrixPosition));
      }
    } else if (pixelMatrixPosition != null) {
      throw new IllegalArgumentException(
          "pixelMatrixPosition only applies to the SLIDE coordinate system (expected null): "
              + Arrays.toString(pixelMatrixPosition));
    }
    this.imagePosition = imagePosition.clone();
    this.pixelMatrixPosition = pixelMatrixPosition == null ? null : pixelMatrixPosition.clone();
  }

  /**
   * Creates patient-based content.
   *
   * @param imagePosition Image Position (Patient) (0020,0032)
   * @return the content
   */
  public static PlanePositionSequence ofPatient(double[] imagePosition) {
    return new PlanePositionSequence(CoordinateSystemNames.PATIENT, imagePosition, null);
  }

  /**
   * Reads the content from a Plane Position Sequence (patient) or Plane Position (Slide) Sequence.
   *
   * @param sequence a sequence with exactly one item
   * @return the content
   */
  public static PlanePositionSequence fromSequence(Sequence sequence) {
    Objects.requireNonNull(sequence, "sequence");
    if (sequence.size() != 1) {
      throw new IllegalArgumentException(
          "PlanePositionSequence (0020,9113) must have exactly one item: " + sequence.size());
    }
    DicomDataset item = sequence.get(0);
    if (item.contains(Tag.ImagePositionPatient)) {
      return ofPatient(item.getDoubles(Tag.ImagePositionPatient));
    }
    return new PlanePositionSequence(
        CoordinateSystemNames.SLIDE,
        new double[] {
          item.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0),
          item.getDouble(Tag.YOffsetInSlideCoordinateSystem, 0),
          item.getDouble(Tag.ZOffsetInSlideCoordinateSystem, 0)
        },
        new int[] {
          item.getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 1),
          item.getInt(Tag.RowPositionInTotalImagePixelMatrix, 1)
        });
  }

  /** Returns the coordinate system. */
  public CoordinateSystemNames coordinateSystem() {
    return coordinateSystem;
  }

  /** Returns the position of the centre of the first pixel in millimetres. */
  public double[] imagePosition() {
    return imagePosition.clone();
  }

  /** Returns the 1-based (column, row) position in the total pixel matrix, or null. */
  public int[] pixelMatrixPosition() {
    return pixelMatrixPosition == null ? null : pixelMatrixPosition.clone();
  }

  /** Returns the sequence item as a new data set. */
  public DicomDataset toItem() {
    DicomDataset item = new DicomDataset();
    if (coordinateSystem == CoordinateSystemNames.PATIENT) {
      item.setDouble(Tag.ImagePositionPatient, VR.DS, imagePosition);
    } else {
      item.setDouble(Tag.XOffsetInSlideCoordinateSystem, VR.DS, imagePosition[0]);
      item.setDouble(Tag.YOffsetInSlideCoordinateSystem, VR.DS, imagePosition[1]);
      item.setDouble(Tag.ZOffsetInSlideCoordinateSystem, VR.DS, imagePosition[2]);
      item.setInt(Tag.ColumnPositionInTotalImagePixelMatrix, VR.SL, pixelMatrixPosition[0]);
      item.setInt(Tag.RowPositionInTotalImagePixelMatrix, VR.SL, pixelMatrixPosition[1]);
    }
    return item;
  }

  /**
   * Puts Plane Position Sequence (0020,9113) or Plane Position (Slide) Sequence (0048,021A) with
   * this content into a data set (e.g. a per-frame functional groups item).
   *
   * @param target the data set
   */
  public void addTo(DicomDataset target) {
    int tag =
        coordinateSystem == CoordinateSystemNames.PATIENT
            ? Tag.PlanePositionSequence
            : Tag.PlanePositionSlideSequence;
    target.newSequence(tag).add(toItem());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlanePositionSequence
        && ((PlanePositionSequence) o).coordinateSystem == coordinateSystem
        && Arrays.equals(((PlanePositionSequence) o).imagePosition, imagePosition)
        && Arrays.equals(((PlanePositionSequence) o).pixelMatrixPosition, pixelMatrixPosition);
  }

  @Override
  public int hashCode() {
    return Objects.hash(coordinateSystem, Arrays.hashCode(imagePosition));
  }

  @Override
  public String toString() {
    return "PlanePositionSequence["
        + coordinateSystem
        + ", "
        + Arrays.toString(imagePosition)
        + (pixelMatrixPosition == null ? "" : ", " + Arrays.toString(pixelMatrixPosition))
        + "]";
  }
}
