package org.highdicom4j.spatial;

import java.util.Objects;
import org.highdicom4j.CoordinateSystemNames;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;

/**
 * The Image Plane attributes of one image, frame or total pixel matrix: position of the first
 * pixel's centre, orientation, pixel spacing and (when recorded) slice spacing. Read from the
 * dataset root for single-frame images, from the shared or per-frame functional groups for enhanced
 * multi-frame images, and from the Total Pixel Matrix Origin Sequence for tiled slide images
 * (highdicom's internal {@code _get_spatial_information}).
 *
 * @param imagePosition three coordinates in millimetres
 * @param imageOrientation six direction cosines (row direction, then column direction)
 * @param pixelSpacing spacing between rows, spacing between columns
 * @param spacingBetweenSlices Spacing Between Slices (0018,0088), or null when absent
 */
public record SpatialInformation(
    double[] imagePosition,
    double[] imageOrientation,
    double[] pixelSpacing,
    Double spacingBetweenSlices) {

  /** Checks lengths. */
  public SpatialInformation {
    Spatial.checkLength(imagePosition, 3, "image_position");
    Spatial.checkLength(imageOrientation, 6, "image_orientation");
    Spatial.checkLength(pixelSpacing, 2, "pixel_spacing");
    imagePosition = imagePosition.clone();
    imageOrientation = imageOrientation.clone();
    pixelSpacing = pixelSpacing.clone();
  }

  /**
   * Returns the position of the first pixel's centre, Image Position (Patient) (0020,0032).
   *
   * @return a copy of the three coordinates in millimetres
   */
  @Override
  public double[] imagePosition() {
    return imagePosition.clone();
  }

  /**
   * Returns the direction cosines of the rows and columns, Image Orientation (Patient) (0020,0037).
   *
   * @return a copy of the six direction cosines (row direction, then column direction)
   */
  @Override
  public double[] imageOrientation() {
    return imageOrientation.clone();
  }

  /**
   * Returns the Pixel Spacing (0028,0030) between rows and between columns.
   *
   * @return a copy of the two spacings in millimetres
   */
  @Override
  public double[] pixelSpacing() {
    return pixelSpacing.clone();
  }

  /**
   * Reads the spatial information of an image or one of its frames.
   *
   * @param dataset the image
   * @param frameNumber 1-based frame number (required for multi-frame images, else null or 1)
   * @param forTotalPixelMatrix read the total pixel matrix of a tiled image instead of a frame
   * @return the information
   * @throws IllegalArgumentException when the image lacks a frame of reference or the attributes
   */
  public static SpatialInformation of(
      DicomDataset dataset, Integer frameNumber, boolean forTotalPixelMatrix) {
    Objects.requireNonNull(dataset, "dataset");
    CoordinateSystemNames cs =
        Spatial.getImageCoordinateSystem(dataset)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The input dataset has no spatial information as it has no frame of"
                            + " reference (expected FrameOfReferenceUID (0020,0052) and a plane"
                            + " position)"));
    if (forTotalPixelMatrix) {
      if (frameNumber != null) {
        throw new IllegalArgumentException(
            "Argument 'frame_number' is incompatible with 'for_total_pixel_matrix': "
                + frameNumber);
      }
      DicomDataset origin = dataset.getItem(Tag.TotalPixelMatrixOriginSequence);
      if (origin == null) {
        throw new IllegalArgumentException(
            "Image is not a tiled image (expected TotalPixelMatrixOriginSequence (0048,0008))");
      }
      double[] position = {
        origin.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0),
        origin.getDouble(Tag.YOffsetInSlideCoordinateSystem, 0),
        origin.getDouble(Tag.ZOffsetInSlideCoordinateSystem, 0)
      };
      DicomDataset measures = functionalItem(dataset, null, Tag.PixelMeasuresSequence);
      if (measures == null) {
        throw new IllegalArgumentException(
            "PixelMeasuresSequence (0028,9110) not found in the SharedFunctionalGroupsSequence");
      }
      return new SpatialInformation(
          position,
          Spatial.required(dataset, Tag.ImageOrientationSlide, 6),
          Spatial.required(measures, Tag.PixelSpacing, 2),
          optional(measures, Tag.SpacingBetweenSlices));
    }
    if (!Spatial.isMultiFrame(dataset)) {
      if (frameNumber != null && frameNumber != 1) {
        throw new IllegalArgumentException(
            "Argument 'frame_number' must be null or 1 for a single-frame image: " + frameNumber);
      }
      return new SpatialInformation(
          Spatial.required(dataset, Tag.ImagePositionPatient, 3),
          Spatial.required(dataset, Tag.ImageOrientationPatient, 6),
          Spatial.required(dataset, Tag.PixelSpacing, 2),
          optional(dataset, Tag.SpacingBetweenSlices));
    }
    if (frameNumber == null) {
      throw new IllegalArgumentException(
          "Argument 'frame_number' must be specified for a multi-frame image");
    }
    int frames = dataset.getInt(Tag.NumberOfFrames, 1);
    if (frameNumber < 1 || frameNumber > frames) {
      throw new IllegalArgumentException(
          "frame number out of range (expected 1.." + frames + "): " + frameNumber);
    }
    boolean tiledFull = "TILED_FULL".equals(dataset.getString(Tag.DimensionOrganizationType));
    Integer perFrame = tiledFull ? null : frameNumber;
    DicomDataset measures = functionalItem(dataset, perFrame, Tag.PixelMeasuresSequence);
    if (measures == null) {
      throw new IllegalArgumentException(
          "No pixel measures information found (expected PixelMeasuresSequence (0028,9110))");
    }
    double[] spacing = Spatial.required(measures, Tag.PixelSpacing, 2);
    Double between = optional(measures, Tag.SpacingBetweenSlices);
    if (cs == CoordinateSystemNames.SLIDE) {
      double[] orientation = Spatial.required(dataset, Tag.ImageOrientationSlide, 6);
      double[] position;
      if (tiledFull) {
        position = Tiling.tiledFullFramePosition(dataset, frameNumber);
      } else {
        DicomDataset pos = functionalItem(dataset, perFrame, Tag.PlanePositionSlideSequence);
        if (pos == null) {
          throw new IllegalArgumentException(
              "No frame position information found (expected PlanePositionSlideSequence"
                  + " (0048,021A))");
        }
        position =
            new double[] {
              pos.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0),
              pos.getDouble(Tag.YOffsetInSlideCoordinateSystem, 0),
              pos.getDouble(Tag.ZOffsetInSlideCoordinateSystem, 0)
            };
      }
      return new SpatialInformation(position, orientation, spacing, between);
    }
    DicomDataset pos = functionalItem(dataset, perFrame, Tag.PlanePositionSequence);
    if (pos == null) {
      throw new IllegalArgumentException(
          "No frame position information found (expected PlanePositionSequence (0020,9113))");
    }
    DicomDataset ori = functionalItem(dataset, perFrame, Tag.PlaneOrientationSequence);
    if (ori == null) {
      throw new IllegalArgumentException(
          "No frame orientation information found (expected PlaneOrientationSequence"
              + " (0020,9116))");
    }
    return new SpatialInformation(
        Spatial.required(pos, Tag.ImagePositionPatient, 3),
        Spatial.required(ori, Tag.ImageOrientationPatient, 6),
        spacing,
        between);
  }

  /**
   * Returns the item of a functional group macro for a frame: from the Shared Functional Groups
   * Sequence when present there, else from the frame's item of the Per-Frame Functional Groups
   * Sequence.
   *
   * @param dataset an enhanced multi-frame image
   * @param frameNumber 1-based frame, or null to look only in the shared groups
   * @param macroTag tag of the macro's sequence, e.g. {@link Tag#PlanePositionSequence}
   * @return the macro's first item, or null
   */
  public static DicomDataset functionalItem(
      DicomDataset dataset, Integer frameNumber, int macroTag) {
    DicomDataset shared = dataset.getItem(Tag.SharedFunctionalGroupsSequence);
    if (shared != null && shared.getItem(macroTag) != null) {
      return shared.getItem(macroTag);
    }
    if (frameNumber == null) {
      return null;
    }
    var perFrame = dataset.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    if (perFrame == null || frameNumber < 1 || frameNumber > perFrame.size()) {
      return null;
    }
    return perFrame.get(frameNumber - 1).getItem(macroTag);
  }

  private static Double optional(DicomDataset ds, int tag) {
    double[] v = ds.getDoubles(tag);
    return v.length == 0 ? null : v[0];
  }
}
