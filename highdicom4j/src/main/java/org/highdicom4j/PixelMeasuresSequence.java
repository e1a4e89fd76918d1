package org.highdicom4j;

import java.util.Arrays;
import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * Pixel Measures Sequence (0028,9110) of the Pixel Measures functional group macro (PS3.3
 * C.7.6.16.2.1): physical spacing of the pixels of a frame (highdicom {@code
 * PixelMeasuresSequence}). Immutable; {@link #toItem()} gives its single item.
 */
public final class PixelMeasuresSequence {
  private final double[] pixelSpacing;
  private final Double sliceThickness;
  private final Double spacingBetweenSlices;

  /**
   * Creates the macro content.
   *
   * @param pixelSpacing Pixel Spacing (0028,0030): spacing between rows, then between columns, in
   *     millimetres (positive)
   * @param sliceThickness Slice Thickness (0018,0050) in millimetres, or null
   * @param spacingBetweenSlices Spacing Between Slices (0018,0088) in millimetres, or null
   */
  public PixelMeasuresSequence(
      double[] pixelSpacing, Double sliceThickness, Double spacingBetweenSlices) {
    Objects.requireNonNull(pixelSpacing, "pixelSpacing");
    if (pixelSpacing.length != 2 || !(pixelSpacing[0] > 0) || !(pixelSpacing[1] > 0)) {
      throw new IllegalArgumentException(
          "PixelSpacing (0028,0030) must be two positive values: " + Arrays.toString(pixelSpacing));
    }
    if (sliceThickness != null && !(sliceThickness >= 0)) {
      throw new IllegalArgumentException(
          "SliceThickness (0018,0050) must not be negative: " + sliceThickness);
    }
    this.pixelSpacing = pixelSpacing.clone();
    this.sliceThickness = sliceThickness;
    this.spacingBetweenSlices = spacingBetweenSlices;
  }

  /**
   * Reads the content from a Pixel Measures Sequence.
   *
   * @param sequence a sequence with exactly one item
   * @return the content
   * @throws IllegalArgumentException when the sequence does not have one item with Pixel Spacing
   */
  public static PixelMeasuresSequence fromSequence(Sequence sequence) {
    Objects.requireNonNull(sequence, "sequence");
    if (sequence.size() != 1) {
      throw new IllegalArgumentException(
          "PixelMeasuresSequence (0028,9110) must have exactly one item: " + sequence.size());
    }
    DicomDataset item = sequence.get(0);
    double[] t = item.getDoubles(Tag.SliceThickness);
    double[] s = item.getDoubles(Tag.SpacingBetweenSlices);
    return new PixelMeasuresSequence(
        item.getDoubles(Tag.PixelSpacing),
        t.length == 0 ? null : t[0],
        s.length == 0 ? null : s[0]);
  }

  /** Returns Pixel Spacing (0028,0030): spacing between rows, between columns. */
  public double[] pixelSpacing() {
    return pixelSpacing.clone();
  }

  /** Returns Slice Thickness (0018,0050), or null. */
  public Double sliceThickness() {
    return sliceThickness;
  }

  /** Returns Spacing Between Slices (0018,0088), or null. */
  public Double spacingBetweenSlices() {
    return spacingBetweenSlices;
  }

  /** Returns the sequence item as a new data set. */
  public DicomDataset toItem() {
    DicomDataset item = new DicomDataset();
    item.setDouble(Tag.PixelSpacing, VR.DS, pixelSpacing);
    if (sliceThickness != null) {
      item.setDouble(Tag.SliceThickness, VR.DS, sliceThickness);
    }
    if (spacingBetweenSlices != null) {
      item.setDouble(Tag.SpacingBetweenSlices, VR.DS, spacingBetweenSlices);
    }
    return item;
  }

  /**
   * Puts Pixel Measures Sequence (0028,9110) with this content into a data set (e.g. a functional
   * groups item).
   *
   * @param target the data set
   */
  public void addTo(DicomDataset target) {
    Sequence seq = target.newSequence(Tag.PixelMeasuresSequence);
    seq.add(toItem());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PixelMeasuresSequence
        && Arrays.equals(((PixelMeasuresSequence) o).pixelSpacing, pixelSpacing)
        && Objects.equals(((PixelMeasuresSequence) o).sliceThickness, sliceThickness)
        && Objects.equals(((PixelMeasuresSequence) o).spacingBetweenSlices, spacingBetweenSlices);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(pixelSpacing) * 31 + Objects.hash(sliceThickness, spacingBetweenSlices);
  }

  @Override
  public String toString() {
    return "PixelMeasuresSequence[pixelSpacing="
        + Arrays.toString(pixelSpacing)
        + ", sliceThickness="
        + sliceThickness
        + ", spacingBetweenSlices="
        + spacingBetweenSlices
        + "]";
  }
}
