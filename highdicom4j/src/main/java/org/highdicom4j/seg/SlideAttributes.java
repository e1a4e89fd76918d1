package org.highdicom4j.seg;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * Writes the attributes a segmentation of a tiled slide microscopy image has in the SLIDE
 * coordinate system: Total Pixel Matrix Rows/Columns (0048,0007/0006), Total Pixel Matrix Origin
 * Sequence (0048,0008), Image Orientation (Slide) (0048,0102), Total Pixel Matrix Focal Planes
 * (0048,0303) and the shared Pixel Measures functional group. The plane orientation lives in Image
 * Orientation (Slide) at the top level, not in a Plane Orientation functional group.
 */
final class SlideAttributes {
  private SlideAttributes() {}

  static void addTo(DicomDataset ds, SlidePlanes slide) {
    ds.setInt(Tag.TotalPixelMatrixColumns, VR.UL, slide.totalColumns);
    ds.setInt(Tag.TotalPixelMatrixRows, VR.UL, slide.totalRows);
    DicomDataset origin = ds.newSequence(Tag.TotalPixelMatrixOriginSequence).addNewItem();
    origin.setDouble(Tag.XOffsetInSlideCoordinateSystem, VR.DS, slide.origin[0]);
    origin.setDouble(Tag.YOffsetInSlideCoordinateSystem, VR.DS, slide.origin[1]);
    ds.setDouble(Tag.ImageOrientationSlide, VR.DS, slide.orientation);
    ds.setInt(Tag.TotalPixelMatrixFocalPlanes, VR.UL, 1);
    // General Image: Patient Orientation is type 2C, required (here empty) when the image has no
    // Image Orientation (Patient); highdicom leaves it out.
    ds.setEmpty(Tag.PatientOrientation, VR.CS);
  }

  static void addSharedGroups(DicomDataset ds, SlidePlanes slide) {
    DicomDataset shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addNewItem();
    Planes.addPixelMeasures(
        shared, slide.pixelSpacing, slide.sliceThickness, slide.spacingBetweenSlices);
  }
}
