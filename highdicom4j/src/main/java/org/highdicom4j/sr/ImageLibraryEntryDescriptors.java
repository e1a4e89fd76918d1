package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.coding.Codes;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;

/**
 * TID 1602 Image Library Entry Descriptors, with TID 1603 (projection radiography) and TID 1604
 * (cross-sectional modalities) descriptors: HAS ACQ CONTEXT items describing a referenced image:
 * modality, frame of reference, pixel matrix size, pixel spacing, slice thickness and spacing,
 * image position and orientation, or patient orientation; highdicom's {@code
 * ImageLibraryEntryDescriptors}. Slide microscopy images take their pixel spacing from the shared
 * functional groups.
 */
public final class ImageLibraryEntryDescriptors extends Template {
  /**
   * Creates the descriptors of an image.
   *
   * @param image the image data set (its attributes, pixel data not needed)
   * @param additionalDescriptors further HAS ACQ CONTEXT items, or null
   * @throws IllegalArgumentException when the image has no Modality (0008,0060) or an additional
   *     descriptor has another relationship type
   */
  public ImageLibraryEntryDescriptors(
      DicomDataset image, List<? extends ContentItem> additionalDescriptors) {
    super(items(image, additionalDescriptors));
  }

  private static List<ContentItem> items(DicomDataset image, List<? extends ContentItem> extra) {
    Objects.requireNonNull(image, "image");
    RelationshipTypeValues acq = RelationshipTypeValues.HAS_ACQ_CONTEXT;
    List<ContentItem> items = new ArrayList<>();
    String modality = image.getString(Tag.Modality);
    if (modality == null) {
      throw new IllegalArgumentException(
          "Modality (0008,0060) is required for an image library entry (expected e.g. CT): none");
    }
    CodedConcept modalityCode =
        Codes.code("DCM", modality).orElse(new CodedConcept(modality, "DCM", modality));
    items.add(new CodeContentItem(SrCodes.MODALITY, modalityCode, acq));
    String forUid = image.getString(Tag.FrameOfReferenceUID);
    if (forUid != null) {
      items.add(new UIDRefContentItem(SrCodes.FRAME_OF_REFERENCE_UID, forUid, acq));
    }
    int rows = image.getInt(Tag.Rows, -1);
    int columns = image.getInt(Tag.Columns, -1);
    if (modality.equals("SM")) {
      rows = image.getInt(Tag.TotalPixelMatrixRows, rows);
      columns = image.getInt(Tag.TotalPixelMatrixColumns, columns);
    }
    if (rows > 0 && columns > 0) {
      items.add(new NumContentItem(SrCodes.PIXEL_DATA_ROWS, rows, SrCodes.PIXELS, acq));
      items.add(new NumContentItem(SrCodes.PIXEL_DATA_COLUMNS, columns, SrCodes.PIXELS, acq));
    }
    double[] spacing = pixelSpacing(image);
    if (spacing.length == 2) {
      items.add(new NumContentItem(SrCodes.HORIZONTAL_PIXEL_SPACING, spacing[1], SrCodes.MM, acq));
      items.add(new NumContentItem(SrCodes.VERTICAL_PIXEL_SPACING, spacing[0], SrCodes.MM, acq));
    }
    double[] position = image.getDoubles(Tag.ImagePositionPatient);
    double[] orientation = image.getDoubles(Tag.ImageOrientationPatient);
    if (position.length == 3 && orientation.length == 6) {
      // TID 1604: cross-sectional modalities.
      double thickness = image.getDouble(Tag.SliceThickness, Double.NaN);
      if (!Double.isNaN(thickness)) {
        items.add(new NumContentItem(SrCodes.SLICE_THICKNESS, thickness, SrCodes.MM, acq));
      }
      double between = image.getDouble(Tag.SpacingBetweenSlices, Double.NaN);
      if (!Double.isNaN(between)) {
        items.add(new NumContentItem(SrCodes.SPACING_BETWEEN_SLICES, between, SrCodes.MM, acq));
      }
      CodedConcept[] pos = {SrCodes.IPP_X, SrCodes.IPP_Y, SrCodes.IPP_Z};
      for (int i = 0; i < 3; i++) {
        items.add(new NumContentItem(pos[i], position[i], SrCodes.MM, acq));
      }
      CodedConcept[] ori = {
        SrCodes.IOP_ROW_X, SrCodes.IOP_ROW_Y, SrCodes.IOP_ROW_Z,
        SrCodes.IOP_COLUMN_X, SrCodes.IOP_COLUMN_Y, SrCodes.IOP_COLUMN_Z
      };
      for (int i = 0; i < 6; i++) {
        items.add(new NumContentItem(ori[i], orientation[i], SrCodes.DIRECTION_COSINE, acq));
      }
    } else {
      // TID 1603: projection radiography.
      String[] po = image.getStrings(Tag.PatientOrientation);
      if (po.length == 2 && !po[0].isEmpty() && !po[1].isEmpty()) {
        items.add(new TextContentItem(SrCodes.PATIENT_ORIENTATION_ROW, po[0], acq));
        items.add(new TextContentItem(SrCodes.PATIENT_ORIENTATION_COLUMN, po[1], acq));
      }
    }
    if (extra != null) {
      for (ContentItem c : extra) {
        if (c.relationshipType().orElse(null) != acq) {
          throw new IllegalArgumentException(
              "RelationshipType (0040,A010) of an additional image library descriptor must be"
                  + " HAS ACQ CONTEXT (expected HAS ACQ CONTEXT): "
                  + c);
        }
        items.add(c);
      }
    }
    return items;
  }

  private static double[] pixelSpacing(DicomDataset image) {
    double[] s = image.getDoubles(Tag.PixelSpacing);
    if (s.length == 2) {
      return s;
    }
    s = image.getDoubles(Tag.ImagerPixelSpacing);
    if (s.length == 2) {
      return s;
    }
    DicomDataset shared = image.getItem(Tag.SharedFunctionalGroupsSequence);
    if (shared != null) {
      DicomDataset measures = shared.getItem(Tag.PixelMeasuresSequence);
      if (measures != null) {
        return measures.getDoubles(Tag.PixelSpacing);
      }
    }
    return new double[0];
  }
}
