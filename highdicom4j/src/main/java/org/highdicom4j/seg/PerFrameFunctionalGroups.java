package org.highdicom4j.seg;

import java.util.List;
import org.highdicom4j.coding.DCM;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * Builds the Per-frame Functional Groups Sequence (5200,9230) of a segmentation: per frame the
 * Derivation Image, Frame Content, Plane Position and Segment Identification functional groups.
 *
 * <p>A BINARY segmentation has one item per segment and plane, thousands of them, most of whose
 * values repeat: the same source reference for every segment of a plane, the same position, the
 * same codes. Each distinct item content is therefore built (and validated, and its decimal strings
 * formatted) once, as a template, and every frame's item receives the template's values, which are
 * immutable and shared.
 */
final class PerFrameFunctionalGroups {
  private PerFrameFunctionalGroups() {}

  static void addTo(
      DicomDataset ds,
      Planes planes,
      boolean labelmap,
      int[] framePlane,
      int[] frameDescription,
      List<SegmentDescription> descriptions,
      SourceGeometry src) {
    int nPlanes = planes.sourceFrame.length;
    DicomDataset[] sourceRef = new DicomDataset[nPlanes];
    DicomDataset[] position = new DicomDataset[nPlanes];
    DicomDataset[] segment = new DicomDataset[descriptions.size()];
    DicomDataset purpose = DCM.SourceImageForImageProcessingOperation.toDataset();
    DicomDataset derivationCode = DCM.Segmentation_113076.toDataset();
    Sequence perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
    int[][] slideIndex = planes.slide == null ? null : planes.slide.indexValues(framePlane);
    for (int f = 0; f < framePlane.length; f++) {
      int p = framePlane[f];
      DicomDataset item = perFrame.addNewItem();
      int ref = planes.sourceFrame[p];
      if (ref >= 0) {
        if (sourceRef[p] == null) {
          DicomDataset t = new DicomDataset();
          t.setString(Tag.ReferencedSOPClassUID, VR.UI, src.sopClassUids[ref]);
          t.setString(Tag.ReferencedSOPInstanceUID, VR.UI, src.sopInstanceUids[ref]);
          if (src.multiFrame) {
            t.setInt(Tag.ReferencedFrameNumber, VR.IS, src.frameNumbers[ref]);
          }
          SpatialLocationsPreservedValues kept =
              planes.spatialLocationsPreserved(p)
                  ? SpatialLocationsPreservedValues.YES
                  : SpatialLocationsPreservedValues.NO;
          t.setString(Tag.SpatialLocationsPreserved, VR.CS, kept.value());
          sourceRef[p] = t;
        }
        DicomDataset derivation = item.newSequence(Tag.DerivationImageSequence).addNewItem();
        DicomDataset srcItem = derivation.newSequence(Tag.SourceImageSequence).addNewItem();
        copyInto(sourceRef[p], srcItem);
        copyInto(purpose, srcItem.newSequence(Tag.PurposeOfReferenceCodeSequence).addNewItem());
        copyInto(derivationCode, derivation.newSequence(Tag.DerivationCodeSequence).addNewItem());
      }
      int[] index;
      if (slideIndex != null) {
        index = labelmap ? slideIndex[f] : prepend(frameDescription[f] + 1, slideIndex[f]);
      } else if (labelmap) {
        index = new int[] {planes.positionIndex[p]};
      } else if (planes.geometry) {
        index = new int[] {frameDescription[f] + 1, planes.positionIndex[p]};
      } else {
        index = new int[] {frameDescription[f] + 1};
      }
      item.newSequence(Tag.FrameContentSequence)
          .addNewItem()
          .setInt(Tag.DimensionIndexValues, VR.UL, index);
      if (planes.geometry) {
        if (position[p] == null) {
          position[p] = new DicomDataset();
          position[p].setDouble(Tag.ImagePositionPatient, VR.DS, planes.positions[p]);
        }
        copyInto(position[p], item.newSequence(Tag.PlanePositionSequence).addNewItem());
      } else if (planes.slide != null) {
        if (position[p] == null) {
          position[p] = slidePosition(planes.slide, p);
        }
        copyInto(position[p], item.newSequence(Tag.PlanePositionSlideSequence).addNewItem());
      }
      if (!labelmap) {
        int k = frameDescription[f];
        if (segment[k] == null) {
          segment[k] = new DicomDataset();
          segment[k].setInt(
              Tag.ReferencedSegmentNumber, VR.US, descriptions.get(k).segmentNumber());
        }
        copyInto(segment[k], item.newSequence(Tag.SegmentIdentificationSequence).addNewItem());
      }
    }
  }

  /** Plane Position (Slide) Sequence item of a tile (PS3.3 C.8.12.6.1). */
  private static DicomDataset slidePosition(SlidePlanes slide, int p) {
    DicomDataset d = new DicomDataset();
    d.setDouble(Tag.XOffsetInSlideCoordinateSystem, VR.DS, slide.offsets[p][0]);
    d.setDouble(Tag.YOffsetInSlideCoordinateSystem, VR.DS, slide.offsets[p][1]);
    d.setDouble(Tag.ZOffsetInSlideCoordinateSystem, VR.DS, slide.offsets[p][2]);
    d.setInt(Tag.ColumnPositionInTotalImagePixelMatrix, VR.SL, slide.matrixPositions[p][1]);
    d.setInt(Tag.RowPositionInTotalImagePixelMatrix, VR.SL, slide.matrixPositions[p][0]);
    return d;
  }

  private static int[] prepend(int first, int[] rest) {
    int[] out = new int[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  /** Gives {@code to} the elements of a template without sequences; values are immutable. */
  private static void copyInto(DicomDataset from, DicomDataset to) {
    for (int i = 0; i < from.size(); i++) {
      to.putValue(from.tagAt(i), from.vrAt(i), from.valueAt(i));
    }
  }
}
