package org.highdicom4j.seg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.highdicom4j.DimensionOrganizationTypeValues;
import org.highdicom4j.ValueRepresentations;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;

/**
 * Turns the inputs of a {@link Segmentation.Builder} into the data set of a Segmentation or Label
 * Map Segmentation (PS3.3 A.51): after {@link SegmentationChecks} it chooses the frames (segment by
 * plane, empty ones omitted), writes the identity, references, Image Pixel, Segmentation Image,
 * dimension and functional group attributes and encodes the pixel data. It is the body of {@link
 * Segmentation.Builder#build()}, kept out of {@code Segmentation} so that file holds the public
 * API; the builder's options are read from its package-private fields.
 */
final class SegmentationAssembler {
  /** What {@link Segmentation.Builder#build()} passes to the {@code Segmentation} constructor. */
  record Result(
      DicomDataset dataset,
      String transferSyntaxUid,
      SegmentationTypeValues type,
      List<SegmentDescription> descriptions,
      int frames,
      Executor executor) {}

  private final Segmentation.Builder b;

  SegmentationAssembler(Segmentation.Builder builder) {
    this.b = builder;
  }

  /** Checks every input, then builds the data set and encodes the frames. */
  Result assemble() {
    b.requireInputs();
    SegmentationTypeValues type = b.segmentationType;
    boolean labelmap = type == SegmentationTypeValues.LABELMAP;
    SegmentationChecks.checkSources(b);
    FurtherSourceImages.check(b.furtherSourceImages, b.sourceImages);
    String ts = b.transferSyntaxOrDefault();
    SegmentationChecks.checkTransferSyntax(type, ts);
    SegmentationChecks.checkOptions(b, type);
    Executor pool = b.executor != null ? b.executor : ForkJoinPool.commonPool();
    VolumeInput volumeInput = SegmentationChecks.volumeInput(b);
    SlidePlanes slide = volumeInput != null ? null : SegmentationChecks.slidePlanes(b);
    boolean tiledFull = b.dimensionOrganizationType == DimensionOrganizationTypeValues.TILED_FULL;
    if (tiledFull && b.omitEmptyFrames && slide != null) {
      throw new IllegalArgumentException(
          "omitEmptyFrames must be false with dimensionOrganizationType TILED_FULL (expected"
              + " omitEmptyFrames(false): TILED_FULL stores every tile)");
    }
    SegmentationInput input =
        SegmentationInput.analyse(
            volumeInput != null ? volumeInput.array() : slide != null ? slide.array : b.pixelArray,
            type == SegmentationTypeValues.FRACTIONAL,
            pool);
    List<SegmentDescription> descriptions = SegmentationChecks.checkDescriptions(b, type, input);
    SourceGeometry src = SourceGeometry.of(b.sourceImages);
    Planes planes =
        volumeInput != null
            ? volumeInput.planes(src)
            : slide != null ? Planes.of(slide) : Planes.of(b, src, input);
    DimensionOrganizationTypeValues dimOrg = SegmentationChecks.dimensionOrganization(b, planes);

    // Frames: segment-major for BINARY/FRACTIONAL, then planes in spatial order.
    int[] order = planes.order;
    int[] segValues = new int[descriptions.size()];
    for (int k = 0; k < segValues.length; k++) {
      segValues[k] = input.stacked() ? k : descriptions.get(k).segmentNumber();
    }
    int[][] frames = selectFrames(labelmap, input, order, segValues, b.omitEmptyFrames);
    if (frames[0].length == 0) {
      System.getLogger(Segmentation.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "All frames of the segmentation are empty; encoding all frames");
      frames = selectFrames(labelmap, input, order, segValues, false);
    }
    int[] framePlane = frames[0];
    int[] frameSegment = frames[1];
    int[] frameDescription = frames[2];

    DicomDataset ds =
        b.identity(
            labelmap ? Segmentation.LABEL_MAP_SEGMENTATION_STORAGE : UID.SegmentationStorage);
    DicomDataset first = b.sourceImages.get(0);
    Segmentation.Builder.copyPatientStudyAndSpecimen(ds, first);
    ds.setString(Tag.ImageType, VR.CS, "DERIVED", "PRIMARY");
    if (src.frameOfReferenceUid != null) {
      ds.setString(Tag.FrameOfReferenceUID, VR.UI, src.frameOfReferenceUid);
      String pri = first.getString(Tag.PositionReferenceIndicator);
      if (pri != null && !pri.isEmpty()) {
        ds.setString(Tag.PositionReferenceIndicator, VR.LO, pri);
      } else {
        ds.setEmpty(Tag.PositionReferenceIndicator, VR.LO);
      }
    }
    addReferences(ds);
    int maxNumber = descriptions.get(descriptions.size() - 1).segmentNumber();
    int bits = type == SegmentationTypeValues.BINARY ? 1 : labelmap && maxNumber > 255 ? 16 : 8;
    String photometric = b.paletteLut != null ? "PALETTE COLOR" : "MONOCHROME2";
    ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
    ds.setString(Tag.PhotometricInterpretation, VR.CS, photometric);
    ds.setInt(Tag.NumberOfFrames, VR.IS, framePlane.length);
    ds.setInt(Tag.Rows, VR.US, input.rows());
    ds.setInt(Tag.Columns, VR.US, input.columns());
    ds.setInt(Tag.BitsAllocated, VR.US, bits);
    ds.setInt(Tag.BitsStored, VR.US, bits);
    ds.setInt(Tag.HighBit, VR.US, bits - 1);
    ds.setInt(Tag.PixelRepresentation, VR.US, 0);
    if (labelmap) {
      ds.setInt(Tag.PixelPaddingValue, VR.US, 0);
    }
    String lossy = first.getString(Tag.LossyImageCompression);
    ds.setString(Tag.LossyImageCompression, VR.CS, "01".equals(lossy) ? "01" : "00");
    if ("01".equals(lossy)) {
      ds.copyFrom(first, Tag.LossyImageCompressionRatio, Tag.LossyImageCompressionMethod);
    }
    if (b.paletteLut != null) {
      addPalette(ds);
    }
    ds.setString(Tag.SegmentationType, VR.CS, type.value());
    if (type == SegmentationTypeValues.FRACTIONAL) {
      ds.setString(Tag.SegmentationFractionalType, VR.CS, b.fractionalType.value());
      ds.setInt(Tag.MaximumFractionalValue, VR.US, b.maxFractionalValue);
    }
    Sequence segments = ds.newSequence(Tag.SegmentSequence);
    if (labelmap) {
      segments.add(
          SegmentDescription.background(descriptions.get(0).algorithmIdentification().orElse(null))
              .toItem());
    }
    for (SegmentDescription d : descriptions) {
      segments.add(d.toItem());
    }
    ds.setString(Tag.SegmentsOverlap, VR.CS, overlap(type, input).value());
    String label =
        b.contentLabel != null
            ? ValueRepresentations.checkCodeString(Tag.ContentLabel, b.contentLabel)
            : defaultContentLabel(first);
    ds.setString(Tag.ContentLabel, VR.CS, label);
    if (b.contentDescription != null) {
      ds.setString(
          Tag.ContentDescription,
          VR.LO,
          ValueRepresentations.checkLongString(Tag.ContentDescription, b.contentDescription));
    } else {
      ds.setEmpty(Tag.ContentDescription, VR.LO);
    }
    if (b.contentCreatorName != null) {
      ds.setString(
          Tag.ContentCreatorName,
          VR.PN,
          ValueRepresentations.checkPersonName(Tag.ContentCreatorName, b.contentCreatorName));
    } else {
      ds.setEmpty(Tag.ContentCreatorName, VR.PN);
    }

    if (slide != null) {
      SlideAttributes.addTo(ds, slide);
    }
    if (b.pyramidLabel != null && b.pyramidUid == null) {
      throw new IllegalArgumentException(
          "pyramidLabel needs a pyramidUid (expected PyramidUID (0008,0019) with PyramidLabel"
              + " (0020,0027))");
    }
    if (b.pyramidUid != null) {
      ds.setString(Tag.PyramidUID, VR.UI, b.pyramidUid);
    }
    if (b.pyramidLabel != null) {
      ds.setString(Tag.PyramidLabel, VR.LO, b.pyramidLabel);
    }
    DimensionIndexSequence dims =
        slide != null
            ? DimensionIndexSequence.ofSlide(!labelmap)
            : DimensionIndexSequence.of(!labelmap, planes.geometry);
    if (tiledFull) {
      dims.addOrganizationTo(ds);
    } else {
      dims.addTo(ds);
    }
    if (dimOrg != null) {
      ds.setString(Tag.DimensionOrganizationType, VR.CS, dimOrg.value());
    }
    if (slide != null) {
      SlideAttributes.addSharedGroups(ds, slide);
      if (!tiledFull) {
        PerFrameFunctionalGroups.addTo(
            ds, planes, labelmap, framePlane, frameDescription, descriptions, src);
      }
    } else {
      addFunctionalGroups(ds, planes, labelmap, framePlane, frameDescription, descriptions, src);
    }

    FrameDescriptor fd =
        new FrameDescriptor(input.rows(), input.columns(), 1, bits, bits, false, 0, photometric);
    int[] channelNumbers = new int[descriptions.size()];
    for (int k = 0; k < channelNumbers.length; k++) {
      channelNumbers[k] = descriptions.get(k).segmentNumber();
    }
    new SegmentationPixelData(
            input, type, framePlane, frameSegment, channelNumbers, b.maxFractionalValue, fd)
        .addTo(ds, ts, b.codecs != null ? b.codecs : CodecRegistry.getDefault(), pool);
    return new Result(ds, ts, type, descriptions, framePlane.length, pool);
  }

  private static int[][] selectFrames(
      boolean labelmap, SegmentationInput input, int[] order, int[] segValues, boolean omit) {
    List<int[]> frames = new ArrayList<>();
    if (labelmap) {
      for (int p : order) {
        if (!omit || input.planeNonEmpty(p)) {
          frames.add(new int[] {p, -1, -1});
        }
      }
    } else {
      for (int k = 0; k < segValues.length; k++) {
        for (int p : order) {
          boolean present =
              input.stacked()
                  ? input.channelPresent(p, segValues[k])
                  : input.labelPresent(p, segValues[k]);
          if (!omit || present) {
            frames.add(new int[] {p, segValues[k], k});
          }
        }
      }
    }
    int[][] out = new int[3][frames.size()];
    for (int f = 0; f < frames.size(); f++) {
      for (int j = 0; j < 3; j++) {
        out[j][f] = frames.get(f)[j];
      }
    }
    return out;
  }

  private static SegmentsOverlapValues overlap(
      SegmentationTypeValues type, SegmentationInput input) {
    if (!input.stacked() || type == SegmentationTypeValues.LABELMAP) {
      return SegmentsOverlapValues.NO;
    }
    if (!input.binary()) {
      return SegmentsOverlapValues.UNDEFINED;
    }
    return input.overlap() ? SegmentsOverlapValues.YES : SegmentsOverlapValues.NO;
  }

  private static String defaultContentLabel(DicomDataset first) {
    String modality = first.getString(Tag.Modality);
    if (modality != null && modality.matches("[A-Z0-9_]{1,12}")) {
      return modality + "_SEG";
    }
    return "SEGMENTATION";
  }

  private void addReferences(DicomDataset ds) {
    // Common Instance Reference: one series (sources share it), one item per instance.
    Sequence series = ds.newSequence(Tag.ReferencedSeriesSequence);
    DicomDataset seriesItem = series.addNewItem();
    Sequence instances = seriesItem.newSequence(Tag.ReferencedInstanceSequence);
    Sequence source = ds.newSequence(Tag.SourceImageSequence);
    for (DicomDataset s : b.sourceImages) {
      for (Sequence seq : new Sequence[] {instances, source}) {
        DicomDataset item = seq.addNewItem();
        item.setString(Tag.ReferencedSOPClassUID, VR.UI, s.getString(Tag.SOPClassUID));
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, s.getString(Tag.SOPInstanceUID));
      }
    }
    seriesItem.setString(
        Tag.SeriesInstanceUID, VR.UI, b.sourceImages.get(0).getString(Tag.SeriesInstanceUID));
    FurtherSourceImages.addTo(b.furtherSourceImages, series, source);
  }

  private void addPalette(DicomDataset ds) {
    int n = b.paletteLut[0].length;
    int[] tags = {
      Tag.RedPaletteColorLookupTableDescriptor,
      Tag.GreenPaletteColorLookupTableDescriptor,
      Tag.BluePaletteColorLookupTableDescriptor
    };
    int[] data = {
      Tag.RedPaletteColorLookupTableData,
      Tag.GreenPaletteColorLookupTableData,
      Tag.BluePaletteColorLookupTableData
    };
    for (int c = 0; c < 3; c++) {
      // 65536 entries are written as 0 (PS3.3 C.7.6.3.1.5).
      ds.setInt(tags[c], VR.US, n == 65536 ? 0 : n, 0, 16);
      byte[] bytes = new byte[2 * n];
      for (int i = 0; i < n; i++) {
        bytes[2 * i] = (byte) b.paletteLut[c][i];
        bytes[2 * i + 1] = (byte) (b.paletteLut[c][i] >>> 8);
      }
      ds.setBytes(data[c], VR.OW, bytes);
    }
  }

  private static void addFunctionalGroups(
      DicomDataset ds,
      Planes planes,
      boolean labelmap,
      int[] framePlane,
      int[] frameDescription,
      List<SegmentDescription> descriptions,
      SourceGeometry src) {
    DicomDataset shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addNewItem();
    if (planes.geometry) {
      Planes.addPixelMeasures(
          shared, planes.pixelSpacing, planes.sliceThickness, planes.spacingBetweenSlices);
      shared
          .newSequence(Tag.PlaneOrientationSequence)
          .addNewItem()
          .setDouble(Tag.ImageOrientationPatient, VR.DS, planes.orientation);
    }
    PerFrameFunctionalGroups.addTo(
        ds, planes, labelmap, framePlane, frameDescription, descriptions, src);
  }
}
