package org.highdicom4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.highdicom4j.NdArray;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.coding.SCT;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.seg.Segmentation;
import org.highdicom4j.sr.AlgorithmIdentification;
import org.highdicom4j.sr.Comprehensive3DSR;
import org.highdicom4j.sr.DeviceObserverIdentifyingAttributes;
import org.highdicom4j.sr.FindingSite;
import org.highdicom4j.sr.Measurement;
import org.highdicom4j.sr.MeasurementReport;
import org.highdicom4j.sr.ObservationContext;
import org.highdicom4j.sr.ObserverContext;
import org.highdicom4j.sr.ReferencedSegment;
import org.highdicom4j.sr.SourceImageForSegmentation;
import org.highdicom4j.sr.TrackingIdentifier;
import org.highdicom4j.sr.VolumetricROIMeasurementsAndQualitativeEvaluations;

/**
 * Builds the TID 1500 Measurement Report of {@code hd4j demo} as a Comprehensive 3D SR: one TID
 * 1411 volumetric group per organ, whose region is the organ's segment of the BINARY segmentation
 * (Referenced Segment, with the CT slices it was derived from as Source image for segmentation),
 * with the organ as finding and finding site (laterality for paired organs) and one TID 300
 * measurement: Volume (SCT 118565006) in ml (UCUM), voxel count × voxel volume.
 */
final class DemoMeasurementReport {
  /** Measurement Units Code Sequence of the volumes: UCUM "ml". */
  static final CodedConcept MILLILITER = new CodedConcept("ml", "UCUM", "milliliter");

  /** Procedure Reported (121058, DCM): LN 25045-6 "CT unspecified body region" (CID 100). */
  static final CodedConcept PROCEDURE =
      new CodedConcept("25045-6", "LN", "CT unspecified body region");

  private DemoMeasurementReport() {}

  /**
   * Returns the volume of a segment in ml.
   *
   * @param voxels the number of voxels
   * @param voxelVolumeMm3 the volume of one voxel in mm³
   * @return voxels × voxel volume / 1000
   */
  static double volumeMl(long voxels, double voxelVolumeMm3) {
    return voxels * voxelVolumeMm3 / 1000.0;
  }

  /**
   * Builds the report.
   *
   * @param seg the BINARY segmentation whose segments are the regions
   * @param ctImages the CT data sets in the label map's plane order
   * @param segmentation the label map and voxel counts
   * @param voxelVolumeMm3 the volume of one voxel in mm³
   * @param trackingUids Tracking UID of each organ (as in the segmentation)
   * @return the SR document
   */
  static Comprehensive3DSR build(
      Segmentation seg,
      List<DicomDataset> ctImages,
      DemoPhantomSegmenter.Result segmentation,
      double voxelVolumeMm3,
      Map<DemoOrgan, String> trackingUids) {
    AlgorithmIdentification algorithm =
        new AlgorithmIdentification(
            DemoSegmentations.ALGORITHM_NAME, DemoSegmentations.ALGORITHM_VERSION, null);
    List<VolumetricROIMeasurementsAndQualitativeEvaluations> groups = new ArrayList<>();
    for (DemoOrgan o : DemoOrgan.values()) {
      List<SourceImageForSegmentation> sources = new ArrayList<>();
      for (int plane : planesWith(segmentation.labels(), o.label())) {
        sources.add(SourceImageForSegmentation.fromSourceImage(ctImages.get(plane)));
      }
      ReferencedSegment region =
          new ReferencedSegment(
              seg.sopClassUid(), seg.sopInstanceUid(), o.label(), null, sources, null);
      Measurement volume =
          Measurement.builder(
                  SCT.Volume, volumeMl(segmentation.voxels(o), voxelVolumeMm3), MILLILITER)
              .algorithmId(algorithm)
              .build();
      groups.add(
          VolumetricROIMeasurementsAndQualitativeEvaluations.builder(
                  new TrackingIdentifier(trackingUids.get(o), o.segmentLabel()))
              .referencedSegment(region)
              .findingType(o.type())
              .findingSites(List.of(new FindingSite(o.type(), o.laterality(), null)))
              .algorithmId(algorithm)
              .measurements(List.of(volume))
              .build());
    }
    ObservationContext context =
        new ObservationContext(
            null,
            new ObserverContext(
                new DeviceObserverIdentifyingAttributes(
                    UidGenerator.newUid(), "hd4j demo", "highdicom4j", "hd4j", null, null, null)),
            null);
    MeasurementReport report = new MeasurementReport(context, List.of(PROCEDURE), groups);
    List<DicomDataset> evidence = new ArrayList<>(ctImages);
    evidence.add(seg.dataset());
    return Comprehensive3DSR.builder()
        .evidence(evidence)
        .content(report)
        .seriesInstanceUid(UidGenerator.newUid())
        .seriesNumber(300)
        .seriesDescription("hd4j demo organ volumes")
        .sopInstanceUid(UidGenerator.newUid())
        .instanceNumber(1)
        .manufacturer("highdicom4j")
        .build();
  }

  /** Returns the planes (axis 0 indices) of a label map that hold a label. */
  static List<Integer> planesWith(NdArray labels, int label) {
    int[] shape = labels.shape();
    int perPlane = shape[1] * shape[2];
    List<Integer> out = new ArrayList<>();
    for (int p = 0; p < shape[0]; p++) {
      for (int i = p * perPlane; i < (p + 1) * perPlane; i++) {
        if (labels.getFlatLong(i) == label) {
          out.add(p);
          break;
        }
      }
    }
    return out;
  }
}
