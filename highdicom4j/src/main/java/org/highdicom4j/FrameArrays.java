package org.highdicom4j;

import java.util.Arrays;
import java.util.List;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.PixelDataFrames;
import org.highdicom4j.codec.uncompressed.NativePixelData;
import org.highdicom4j.dicom.dict.Tag;

/**
 * The decoded frames of an {@link Image} as arrays of stored values: the data type that holds Pixel
 * Data (7FE0,0010), Float Pixel Data (7FE0,0008) or Double Float Pixel Data (7FE0,0009), the bits
 * above Bits Stored (0028,0101) masked and sign-extended, colour frames in RGB for the pixel
 * transforms, and frames stacked along a new first axis. Kept apart from {@code Image} so that
 * class holds the public API; package-private.
 */
final class FrameArrays {
  private final PixelDataFrames frames;

  /** The data type of the stored values. */
  final DType storedDtype;

  FrameArrays(PixelDataFrames frames) {
    this.frames = frames;
    this.storedDtype = storedDtype(frames);
  }

  private static DType storedDtype(PixelDataFrames f) {
    FrameDescriptor d = f.descriptor();
    if (f.pixelDataTag() == Tag.FloatPixelData) {
      return DType.FLOAT32;
    }
    if (f.pixelDataTag() == Tag.DoubleFloatPixelData) {
      return DType.FLOAT64;
    }
    return DType.forPixels(d.bitsAllocated(), d.signed());
  }

  /** The range of values Bits Stored allows, or null for floating-point pixels. */
  double[] inputRange() {
    if (storedDtype.isFloatingPoint()) {
      return null;
    }
    int bits = frames.descriptor().bitsStored();
    if (frames.descriptor().signed()) {
      double half = Math.pow(2, bits - 1);
      return new double[] {-half, half - 1};
    }
    return new double[] {0, Math.pow(2, bits) - 1};
  }

  /** The shape of one frame: (rows, columns) or (rows, columns, samples). */
  int[] storedShape() {
    FrameDescriptor d = frames.descriptor();
    return d.samplesPerPixel() == 1
        ? new int[] {d.rows(), d.columns()}
        : new int[] {d.rows(), d.columns(), d.samplesPerPixel()};
  }

  /** The stored values of a decoded frame. */
  NdArray toArray(DecodedFrame f) {
    byte[] data = f.data();
    if (!storedDtype.isFloatingPoint()) {
      NativePixelData.maskAndSignExtend(data, frames.descriptor());
    }
    return NdArray.fromLittleEndian(storedDtype, data, storedShape());
  }

  /** Stored values as the transforms expect them: colour frames in RGB. */
  NdArray toTransformInput(DecodedFrame f) {
    NdArray a = toArray(f);
    String pi = f.photometricInterpretation();
    if (a.ndim() == 3 && (pi.equals("YBR_FULL") || pi.equals("YBR_FULL_422"))) {
      return ColorConversion.ybrFullToRgb(a, frames.descriptor().bitsStored());
    }
    return a;
  }

  /** Stacks frames of one shape and type along a new first axis. */
  static NdArray stack(List<NdArray> arrays, DType dtype, int[] frameShape) {
    int[] shape = new int[frameShape.length + 1];
    shape[0] = arrays.size();
    System.arraycopy(frameShape, 0, shape, 1, frameShape.length);
    NdArray out = NdArray.zeros(dtype, shape);
    int per = out.size() / Math.max(1, arrays.size());
    for (int k = 0; k < arrays.size(); k++) {
      NdArray a = arrays.get(k);
      if (!Arrays.equals(a.shape(), frameShape) || a.dtype() != dtype) {
        throw new IllegalStateException("frames differ in shape or type: " + a);
      }
      copy(a, 0, out, k * per, per);
    }
    return out;
  }

  /** Copies {@code count} elements between the backing arrays of two arrays of one type. */
  static void copy(NdArray src, int from, NdArray dst, int to, int count) {
    System.arraycopy(src.data(), src.offset() + from, dst.data(), dst.offset() + to, count);
  }
}
