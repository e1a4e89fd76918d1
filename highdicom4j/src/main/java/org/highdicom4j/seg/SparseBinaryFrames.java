package org.highdicom4j.seg;

import java.util.Arrays;
import java.util.concurrent.Executor;
import org.highdicom4j.dicom.data.BulkDataSource;

/**
 * The native Pixel Data of a BINARY segmentation of a label map, kept compactly: for each frame
 * only the bits inside the bounding box of its segment in its plane. The 1-bit frames, contiguous
 * as PS3.5 8.1.1 packs them, are produced on demand for any byte range, so that a segmentation with
 * thousands of mostly empty frames never holds them all in memory; writing streams them.
 *
 * <p>Used for byte label maps whose rows are whole bytes of the packed frame (Columns a multiple of
 * 8); immutable and thread-safe once built.
 */
final class SparseBinaryFrames implements BulkDataSource {
  private final int frameBytes;
  private final int rowBytes;

  /** Per frame: first row, last row, first byte, last byte of the box (first row -1: empty). */
  private final int[] box;

  private final byte[][] bits;
  private final long length;

  private SparseBinaryFrames(int frameBytes, int rowBytes, int[] box, byte[][] bits) {
    this.frameBytes = frameBytes;
    this.rowBytes = rowBytes;
    this.box = box;
    this.bits = bits;
    this.length = (long) frameBytes * bits.length;
  }

  /**
   * Packs the frames of a byte label map.
   *
   * @param input a byte label map with Columns a multiple of 8
   * @param frameOf per plane, the frame of each label value or -1
   * @param frames number of frames
   * @param executor runs planes in parallel
   * @return the frames, or null when their boxes would take more than a quarter of the packed
   *     frames (little to gain over packing them contiguously)
   */
  static SparseBinaryFrames pack(
      SegmentationInput input, int[][] frameOf, int frames, Executor executor) {
    int rows = input.rows();
    int rowWords = input.columns() >>> 3;
    byte[] d = input.byteData();
    int[] box = new int[4 * frames];
    for (int f = 0; f < frames; f++) {
      box[4 * f] = Integer.MAX_VALUE;
      box[4 * f + 1] = -1;
      box[4 * f + 2] = Integer.MAX_VALUE;
      box[4 * f + 3] = -1;
    }
    SegmentationPixelData.parallelFor(
        input.planes(),
        executor,
        p -> {
          int[] fo = frameOf[p];
          if (!hasFrame(fo)) {
            return;
          }
          int[] labelBox = new int[4 * fo.length];
          for (int v = 0; v < fo.length; v++) {
            labelBox[4 * v] = Integer.MAX_VALUE;
            labelBox[4 * v + 1] = -1;
            labelBox[4 * v + 2] = Integer.MAX_VALUE;
            labelBox[4 * v + 3] = -1;
          }
          ByteLabelKernels.boxes(d, input.byteBase(p), rows, rowWords, labelBox);
          // Each frame belongs to one plane: planes write disjoint parts of box.
          for (int v = 1; v < fo.length; v++) {
            if (fo[v] >= 0 && labelBox[4 * v + 1] >= 0) {
              System.arraycopy(labelBox, 4 * v, box, 4 * fo[v], 4);
            }
          }
        });
    long boxed = 0;
    for (int f = 0; f < frames; f++) {
      if (box[4 * f + 1] >= 0) {
        boxed += (long) (box[4 * f + 1] - box[4 * f] + 1) * (box[4 * f + 3] - box[4 * f + 2] + 1);
      }
    }
    long frameBytes = (long) rows * rowWords;
    if (boxed > frameBytes * frames / 4) {
      return null;
    }
    byte[][] bits = new byte[frames][];
    for (int f = 0; f < frames; f++) {
      if (box[4 * f + 1] >= 0) {
        bits[f] =
            new byte[(box[4 * f + 1] - box[4 * f] + 1) * (box[4 * f + 3] - box[4 * f + 2] + 1)];
      } else {
        box[4 * f] = -1;
      }
    }
    SegmentationPixelData.parallelFor(
        input.planes(),
        executor,
        p -> {
          if (hasFrame(frameOf[p])) {
            ByteLabelKernels.packBoxes(d, input.byteBase(p), rows, rowWords, frameOf[p], box, bits);
          }
        });
    return new SparseBinaryFrames((int) frameBytes, rowWords, box, bits);
  }

  private static boolean hasFrame(int[] frameOf) {
    for (int v = 1; v < frameOf.length; v++) {
      if (frameOf[v] >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Returns the length of the packed frames in bytes. */
  long length() {
    return length;
  }

  @Override
  public void read(long offset, byte[] dest, int destOffset, int len) {
    if (offset < 0 || len < 0 || offset + len > length) {
      throw new IndexOutOfBoundsException(
          "Segmentation frames hold " + length + " bytes: " + offset + " + " + len);
    }
    Arrays.fill(dest, destOffset, destOffset + len, (byte) 0);
    if (len == 0) {
      return;
    }
    long end = offset + len;
    int first = (int) (offset / frameBytes);
    int last = (int) ((end - 1) / frameBytes);
    for (int f = first; f <= last; f++) {
      byte[] b = bits[f];
      if (b == null) {
        continue;
      }
      int r0 = box[4 * f];
      int c0 = box[4 * f + 2];
      int width = box[4 * f + 3] - c0 + 1;
      long frameStart = (long) f * frameBytes;
      for (int r = r0, at = 0; r <= box[4 * f + 1]; r++, at += width) {
        long rowStart = frameStart + (long) r * rowBytes + c0;
        long s = Math.max(rowStart, offset);
        long e = Math.min(rowStart + width, end);
        if (s < e) {
          System.arraycopy(
              b, at + (int) (s - rowStart), dest, destOffset + (int) (s - offset), (int) (e - s));
        }
      }
    }
  }

  @Override
  public String description() {
    return "BINARY segmentation frames";
  }
}
