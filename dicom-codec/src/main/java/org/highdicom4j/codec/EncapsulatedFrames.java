package org.highdicom4j.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * Splits encapsulated Pixel Data (PS3.5 Section A.4) into frames: by the Extended Offset Table
 * (7FE0,0001/0002) when given, else by the Basic Offset Table, else one fragment per frame when the
 * counts agree, else by the start markers of JPEG, JPEG-LS and JPEG 2000 codestreams, and a single
 * frame takes every fragment.
 */
public final class EncapsulatedFrames {
  private EncapsulatedFrames() {}

  /**
   * Returns the byte ranges of every frame, as lists of fragment indices.
   *
   * @param fragments the Pixel Data value (item 0 is the Basic Offset Table)
   * @param numberOfFrames Number of Frames (0028,0008), 1 when absent
   * @param extendedOffsets Extended Offset Table (7FE0,0001) values, or null
   * @return for each frame, the fragment indices (1-based item indices) it spans
   * @throws IOException when the tables are inconsistent with the fragments or items cannot be read
   */
  public static List<int[]> frameFragments(
      Fragments fragments, int numberOfFrames, long[] extendedOffsets) throws IOException {
    int n = fragments.fragmentCount();
    if (numberOfFrames < 1) {
      throw new IllegalArgumentException(
          "NumberOfFrames (0028,0008) must be ≥ 1: " + numberOfFrames);
    }
    if (n == 0) {
      throw new DicomStreamException(
          "PixelData (7FE0,0010) encapsulated value has no fragments (expected ≥ 1)");
    }
    long[] offsets = extendedOffsets;
    if (offsets == null || offsets.length == 0) {
      offsets = fragments.basicOffsetTable();
    }
    if (offsets.length > 0) {
      if (offsets.length != numberOfFrames) {
        throw new DicomStreamException(
            "PixelData (7FE0,0010) offset table has "
                + offsets.length
                + " entries (expected one per frame): NumberOfFrames is "
                + numberOfFrames);
      }
      return byOffsets(fragments, offsets);
    }
    if (numberOfFrames > n) {
      // Every frame needs a fragment of its own (PS3.5 A.4); checked before anything is sized by
      // a Number of Frames that may be corrupt.
      throw new DicomStreamException(
          "PixelData (7FE0,0010) has fewer fragments than frames (expected ≥ NumberOfFrames "
              + numberOfFrames
              + "): "
              + n);
    }
    List<int[]> out = new ArrayList<>(numberOfFrames);
    if (n == numberOfFrames) {
      for (int i = 1; i <= n; i++) {
        out.add(new int[] {i});
      }
      return out;
    }
    if (numberOfFrames == 1) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i + 1;
      }
      out.add(all);
      return out;
    }
    // No table and more fragments than frames: a frame starts at each fragment that begins a
    // codestream (JPEG SOI FFD8, JPEG 2000 SOC FF4F).
    List<Integer> current = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      byte[] head = fragments.item(i);
      boolean start =
          head.length >= 2
              && (head[0] & 0xff) == 0xFF
              && ((head[1] & 0xff) == 0xD8 || (head[1] & 0xff) == 0x4F);
      if (start && !current.isEmpty()) {
        out.add(current.stream().mapToInt(Integer::intValue).toArray());
        current.clear();
      }
      current.add(i);
    }
    out.add(current.stream().mapToInt(Integer::intValue).toArray());
    if (out.size() != numberOfFrames) {
      throw new DicomStreamException(
          "PixelData (7FE0,0010) "
              + n
              + " fragments without offset table could not be split into frames (expected "
              + numberOfFrames
              + "): found "
              + out.size()
              + " codestream starts");
    }
    return out;
  }

  /**
   * Returns the encoded bytes of one frame (its fragments concatenated).
   *
   * @param fragments the Pixel Data value
   * @param frameFragments the fragment indices of the frame, from {@link #frameFragments}
   * @return the frame's bytes
   * @throws IOException when a fragment cannot be read
   */
  public static byte[] frame(Fragments fragments, int[] frameFragments) throws IOException {
    if (frameFragments.length == 1) {
      return fragments.item(frameFragments[0]);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i : frameFragments) {
      out.write(fragments.item(i));
    }
    return out.toByteArray();
  }

  /**
   * Returns the encoded bytes of every frame.
   *
   * @param fragments the Pixel Data value
   * @param numberOfFrames Number of Frames (0028,0008)
   * @param extendedOffsets Extended Offset Table values, or null
   * @return one array per frame
   * @throws IOException when the frames cannot be determined or read
   */
  public static List<byte[]> frames(Fragments fragments, int numberOfFrames, long[] extendedOffsets)
      throws IOException {
    List<byte[]> out = new ArrayList<>(numberOfFrames);
    for (int[] f : frameFragments(fragments, numberOfFrames, extendedOffsets)) {
      out.add(frame(fragments, f));
    }
    return out;
  }

  /**
   * Builds encapsulated Pixel Data from encoded frames, one fragment per frame, with a Basic Offset
   * Table when all offsets fit in 32 bits (else an empty one; callers then add an Extended Offset
   * Table).
   *
   * @param frames the encoded frames
   * @return the fragments
   */
  public static Fragments encapsulate(List<byte[]> frames) {
    long[] offsets = new long[frames.size()];
    long pos = 0;
    for (int i = 0; i < frames.size(); i++) {
      offsets[i] = pos;
      int len = frames.get(i).length;
      pos += 8 + len + (len & 1);
    }
    Fragments f = new Fragments();
    if (pos <= 0xFFFFFFFFL) {
      byte[] bot = new byte[4 * offsets.length];
      for (int i = 0; i < offsets.length; i++) {
        for (int b = 0; b < 4; b++) {
          bot[4 * i + b] = (byte) (offsets[i] >>> (8 * b));
        }
      }
      f.add(bot);
    } else {
      f.add(new byte[0]);
    }
    for (byte[] frame : frames) {
      f.add(frame);
    }
    return f;
  }

  private static List<int[]> byOffsets(Fragments fragments, long[] offsets) throws IOException {
    int n = fragments.fragmentCount();
    long[] starts = new long[n];
    long pos = 0;
    for (int i = 1; i <= n; i++) {
      starts[i - 1] = pos;
      long len = fragments.itemLength(i);
      // Items are written padded to even length; fragments built in memory may still be odd.
      pos += 8 + len + (len & 1);
    }
    List<int[]> out = new ArrayList<>(offsets.length);
    for (int f = 0; f < offsets.length; f++) {
      long from = offsets[f];
      long to = f + 1 < offsets.length ? offsets[f + 1] : Long.MAX_VALUE;
      if (f > 0 && from <= offsets[f - 1]) {
        throw new DicomStreamException(
            "PixelData (7FE0,0010) offset table is not increasing at frame " + (f + 1));
      }
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (starts[i] >= from && starts[i] < to) {
          idx.add(i + 1);
        }
      }
      if (idx.isEmpty() || starts[idx.get(0) - 1] != from) {
        throw new DicomStreamException(
            "PixelData (7FE0,0010) offset table entry of frame "
                + (f + 1)
                + " does not point at a fragment (expected one of the fragment offsets): "
                + from);
      }
      out.add(idx.stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }
}
