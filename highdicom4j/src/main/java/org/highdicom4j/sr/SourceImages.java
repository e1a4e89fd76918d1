package org.highdicom4j.sr;

import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;

/** highdicom's checks of an image data set used as a source image. */
final class SourceImages {
  private SourceImages() {}

  static String[] check(DicomDataset image, int[] frames) {
    Objects.requireNonNull(image, "image");
    String sopClass = image.getString(Tag.SOPClassUID);
    String sopInstance = image.getString(Tag.SOPInstanceUID);
    if (sopClass == null || sopInstance == null) {
      throw new IllegalArgumentException(
          "SOPClassUID (0008,0016) and SOPInstanceUID (0008,0018) are required in a source image"
              + " (expected both): "
              + sopClass
              + ", "
              + sopInstance);
    }
    String modality = image.getString(Tag.Modality, "");
    if (modality.equals("SR") || sopClass.startsWith("1.2.840.10008.5.1.4.1.1.88.")) {
      throw new IllegalArgumentException(
          "SOPClassUID (0008,0016) of a source image must not be an SR document (expected an"
              + " image): "
              + sopClass);
    }
    if (modality.equals("SEG")
        || sopClass.equals(UID.SegmentationStorage)
        || sopClass.equals(UID.LabelMapSegmentationStorage)) {
      throw new IllegalArgumentException(
          "SOPClassUID (0008,0016) of a source image must not be a segmentation (expected an"
              + " image): "
              + sopClass);
    }
    if (frames != null && frames.length > 0) {
      int n = image.getInt(Tag.NumberOfFrames, 1);
      for (int f : frames) {
        if (f < 1 || f > n) {
          throw new IllegalArgumentException(
              "ReferencedFrameNumber (0008,1160) is out of range (expected 1 to NumberOfFrames "
                  + n
                  + "): "
                  + f);
        }
      }
    }
    return new String[] {sopClass, sopInstance};
  }
}
