package org.highdicom4j.seg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.PixelDataFrames;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.TransferSyntax;

/**
 * Helpers for plain Segmentation data sets (PS3.3 A.51) that have not been wrapped in a {@link
 * Segmentation}; highdicom's {@code highdicom.seg.utils}.
 */
public final class SegmentationUtils {
  private SegmentationUtils() {}

  /**
   * Groups the frames of a Segmentation data set whose Pixel Data is native (Explicit VR Little
   * Endian) by segment; see {@link #iterSegments(DicomDataset, String)}.
   *
   * @param dataset a BINARY or FRACTIONAL Segmentation Storage instance
   * @return one element per segment that has frames, in ascending Segment Number (0062,0004)
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalArgumentException when the data set is no BINARY or FRACTIONAL segmentation, has
   *     no Pixel Data, or a frame references no or an undescribed segment
   */
  public static List<SegmentFrames> iterSegments(DicomDataset dataset) throws IOException {
    return iterSegments(dataset, UID.ExplicitVRLittleEndian);
  }

  /**
   * Groups the frames of a Segmentation data set by segment; highdicom's {@code
   * seg.utils.iter_segments(dataset)}. For each segment that frames reference (Referenced Segment
   * Number (0062,000B) of the Segment Identification Sequence (0062,000A), per frame or shared), in
   * ascending number: its frames as stored values, their Per-Frame Functional Groups Sequence
   * (5200,9230) items and its Segment Sequence (0062,0002) item. Every frame is decoded, as
   * highdicom reads the whole pixel array; {@link Segmentation} reads only the frames a query
   * needs.
   *
   * @param dataset a BINARY or FRACTIONAL Segmentation Storage instance
   * @param transferSyntaxUid Transfer Syntax UID (0002,0010) its Pixel Data is encoded in
   * @return one element per segment that has frames, in ascending Segment Number (0062,0004)
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalArgumentException when the data set is no BINARY or FRACTIONAL segmentation, has
   *     no Pixel Data, or a frame references no or an undescribed segment
   */
  public static List<SegmentFrames> iterSegments(DicomDataset dataset, String transferSyntaxUid)
      throws IOException {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
    String sopClass = dataset.getString(Tag.SOPClassUID);
    if (!UID.SegmentationStorage.equals(sopClass)) {
      throw new IllegalArgumentException(
          "SOPClassUID (0008,0016) is not Segmentation Storage (expected "
              + UID.SegmentationStorage
              + "; label maps have no per-frame segment): "
              + sopClass);
    }
    if (!dataset.contains(Tag.PixelData)) {
      throw new IllegalArgumentException(
          "PixelData (7FE0,0010) is missing (expected the segmentation frames)");
    }
    Map<Integer, DicomDataset> described = new TreeMap<>();
    Sequence segments = dataset.getSequence(Tag.SegmentSequence);
    if (segments != null) {
      for (DicomDataset item : segments) {
        described.put(item.getInt(Tag.SegmentNumber, -1), item);
      }
    }
    int n = dataset.getInt(Tag.NumberOfFrames, 1);
    Sequence perFrame = dataset.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    if (perFrame == null || perFrame.size() != n) {
      throw new IllegalArgumentException(
          "PerFrameFunctionalGroupsSequence (5200,9230) must have one item per frame (expected "
              + n
              + "): "
              + (perFrame == null ? "absent" : perFrame.size() + " items"));
    }
    DicomDataset shared = dataset.getItem(Tag.SharedFunctionalGroupsSequence);
    Map<Integer, List<Integer>> framesOf = new TreeMap<>();
    for (int f = 0; f < n; f++) {
      DicomDataset sid =
          SegmentFrameIndex.group(perFrame.get(f), shared, Tag.SegmentIdentificationSequence);
      int s = sid == null ? -1 : sid.getInt(Tag.ReferencedSegmentNumber, -1);
      if (!described.containsKey(s)) {
        throw new IllegalArgumentException(
            "ReferencedSegmentNumber (0062,000B) of frame "
                + (f + 1)
                + " names no item of the SegmentSequence (expected one of "
                + described.keySet()
                + "): "
                + s);
      }
      framesOf.computeIfAbsent(s, k -> new ArrayList<>()).add(f);
    }
    PixelDataFrames frames =
        new PixelDataFrames(
            dataset, TransferSyntax.of(transferSyntaxUid), CodecRegistry.getDefault());
    FrameDescriptor d = frames.descriptor();
    if (d.samplesPerPixel() != 1 || d.bitsAllocated() > 8) {
      throw new IllegalArgumentException(
          "BitsAllocated (0028,0100) of a BINARY or FRACTIONAL segmentation must be 1 or 8 with one"
              + " sample per pixel: "
              + d.bitsAllocated());
    }
    long pixelsPerFrame = (long) d.rows() * d.columns();
    for (Map.Entry<Integer, List<Integer>> e : framesOf.entrySet()) {
      // One array per segment: its size must fit a Java array, not wrap around.
      long size = e.getValue().size() * pixelsPerFrame;
      if (size > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "NumberOfFrames (0028,0008) of segment "
                + e.getKey()
                + " times Rows x Columns (0028,0010/0011) exceeds one array (expected at most"
                + " 2^31 - 9 pixels): "
                + e.getValue().size()
                + " x "
                + d.rows()
                + " x "
                + d.columns());
      }
    }
    int ppf = (int) Math.min(pixelsPerFrame, Integer.MAX_VALUE);
    List<SegmentFrames> out = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : framesOf.entrySet()) {
      List<Integer> indices = e.getValue();
      byte[] data = new byte[indices.size() * ppf];
      List<DicomDataset> items = new ArrayList<>();
      for (int k = 0; k < indices.size(); k++) {
        byte[] frame = frames.decode(indices.get(k)).data();
        System.arraycopy(frame, 0, data, k * ppf, ppf);
        items.add(perFrame.get(indices.get(k)));
      }
      out.add(
          new SegmentFrames(
              NdArray.wrap(DType.UINT8, data, indices.size(), d.rows(), d.columns()),
              items,
              described.get(e.getKey())));
    }
    return List.copyOf(out);
  }
}
