package org.highdicom4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.highdicom4j.AlgorithmIdentificationSequence;
import org.highdicom4j.NdArray;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.seg.SegmentAlgorithmTypeValues;
import org.highdicom4j.seg.SegmentDescription;
import org.highdicom4j.seg.Segmentation;
import org.highdicom4j.seg.SegmentationTypeValues;

/**
 * Builds the Segmentation instances of {@code hd4j demo} from the threshold label map: one segment
 * per {@link DemoOrgan}, numbered by its label, with SCT codes (category Anatomical Structure, CID
 * 7150; type the organ, CID 7151) and the algorithm AUTOMATIC "hd4j demo threshold" of family
 * Histogram Analysis (DCM 123105, CID 7162: the segments are intervals of the intensity histogram).
 */
final class DemoSegmentations {
  /** Algorithm Name (0066,0036) of the segments and measurements. */
  static final String ALGORITHM_NAME = "hd4j demo threshold";

  /** Algorithm Version (0066,0031). */
  static final String ALGORITHM_VERSION = "1.0";

  /** Algorithm Family Code Sequence (0066,002F): DCM 123105 "Histogram Analysis" (CID 7162). */
  static final CodedConcept ALGORITHM_FAMILY =
      new CodedConcept("123105", "DCM", "Histogram Analysis");

  private DemoSegmentations() {}

  /**
   * Returns the segment descriptions, one per organ, numbered 1 to 6.
   *
   * @param trackingUids Tracking UID (0062,0021) of each organ, shared by every object that
   *     describes it
   * @return the descriptions
   */
  static List<SegmentDescription> descriptions(Map<DemoOrgan, String> trackingUids) {
    AlgorithmIdentificationSequence algorithm =
        new AlgorithmIdentificationSequence(ALGORITHM_NAME, ALGORITHM_FAMILY, ALGORITHM_VERSION);
    List<SegmentDescription> out = new ArrayList<>();
    for (DemoOrgan o : DemoOrgan.values()) {
      out.add(
          SegmentDescription.builder(
                  o.label(),
                  o.segmentLabel(),
                  DemoOrgan.CATEGORY,
                  o.type(),
                  SegmentAlgorithmTypeValues.AUTOMATIC)
              .algorithmIdentification(algorithm)
              .trackingId(o.segmentLabel())
              .trackingUid(trackingUids.get(o))
              .build());
    }
    return out;
  }

  /**
   * Builds one segmentation.
   *
   * @param type BINARY (1-bit frame per segment and slice, uncompressed) or LABELMAP (one 8-bit
   *     frame per slice, RLE Lossless)
   * @param sourceImages the CT data sets, in the label map's plane order
   * @param labels the label map (planes, rows, columns)
   * @param seriesNumber Series Number (0020,0011)
   * @param trackingUids Tracking UID (0062,0021) of each organ
   * @return the segmentation
   */
  static Segmentation build(
      SegmentationTypeValues type,
      List<DicomDataset> sourceImages,
      NdArray labels,
      int seriesNumber,
      Map<DemoOrgan, String> trackingUids) {
    return Segmentation.builder()
        .sourceImages(sourceImages)
        .pixelArray(labels)
        .segmentationType(type)
        .segmentDescriptions(descriptions(trackingUids))
        .contentLabel(type == SegmentationTypeValues.LABELMAP ? "ORGANS_LABELMAP" : "ORGANS")
        .contentDescription("Organs of the phantom by HU thresholds")
        .seriesInstanceUid(UidGenerator.newUid())
        .seriesNumber(seriesNumber)
        .seriesDescription("hd4j demo " + type.value() + " segmentation")
        .sopInstanceUid(UidGenerator.newUid())
        .instanceNumber(1)
        .manufacturer("highdicom4j")
        .manufacturerModelName("hd4j demo")
        .softwareVersions("0.1.0")
        .deviceSerialNumber("1")
        // Label maps compress well; RLE also shows an encapsulated transfer syntax.
        .transferSyntaxUid(
            type == SegmentationTypeValues.LABELMAP ? UID.RLELossless : UID.ExplicitVRLittleEndian)
        .build();
  }
}
