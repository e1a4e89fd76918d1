package org.highdicom4j.color;

import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.Objects;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;

/**
 * Colour management with an ICC profile (PS3.3 C.11.15, ICC Profile (0028,2000)): converts RGB
 * frames from the profile's colour space to sRGB; highdicom's {@code color.ColorManager}.
 *
 * <p>Uses the colour management of {@code java.awt.color} (LittleCMS in OpenJDK) with the relative
 * colorimetric intent, as highdicom does. Immutable and thread-safe.
 */
public final class ColorManager {
  private static final int HEADER_INTENT_OFFSET = 64;
  private final ICC_ColorSpace source;

  /**
   * Parses an ICC profile.
   *
   * @param iccProfile the profile bytes, as in ICC Profile (0028,2000)
   * @throws IllegalArgumentException when the profile cannot be read ("Could not read ICC
   *     Profile.") or is not an RGB profile
   */
  public ColorManager(byte[] iccProfile) {
    Objects.requireNonNull(iccProfile, "iccProfile");
    byte[] bytes = iccProfile.clone();
    if (bytes.length >= 128) {
      // the transform takes its intent from the header: relative colorimetric, as highdicom
      Arrays.fill(bytes, HEADER_INTENT_OFFSET, HEADER_INTENT_OFFSET + 4, (byte) 0);
      bytes[HEADER_INTENT_OFFSET + 3] = 1;
    }
    ICC_Profile profile;
    try {
      profile = ICC_Profile.getInstance(bytes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "ICCProfile (0028,2000) Could not read ICC Profile. (expected an ICC profile): "
              + e.getMessage(),
          e);
    }
    if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
      throw new IllegalArgumentException(
          "ICCProfile (0028,2000) is not an RGB profile (expected colour space type RGB): "
              + profile.getColorSpaceType());
    }
    this.source = new ICC_ColorSpace(profile);
  }

  /**
   * Converts one RGB frame to sRGB; highdicom's {@code transform_frame}.
   *
   * @param array UINT8 array of shape (rows, columns, 3)
   * @return a new UINT8 array of the same shape
   * @throws IllegalArgumentException when the array is not a UINT8 colour frame
   */
  public NdArray transformFrame(NdArray array) {
    Objects.requireNonNull(array, "array");
    if (array.ndim() != 3 || array.shape(2) != 3) {
      throw new IllegalArgumentException(
          "Array has incorrect dimensions for a color image frame (expected (rows, columns, 3)): "
              + Arrays.toString(array.shape()));
    }
    if (array.dtype() != DType.UINT8) {
      throw new IllegalArgumentException(
          "ICC colour management needs 8-bit samples (expected uint8): "
              + array.dtype().numpyName());
    }
    int rows = array.shape(0);
    int cols = array.shape(1);
    byte[] in = new byte[array.size()];
    System.arraycopy(array.data(), array.offset(), in, 0, in.length);
    BufferedImage src = image(source, in, cols, rows);
    BufferedImage dst =
        image(ColorSpace.getInstance(ColorSpace.CS_sRGB), new byte[in.length], cols, rows);
    new ColorConvertOp(null).filter(src, dst);
    byte[] out = ((DataBufferByte) dst.getRaster().getDataBuffer()).getData();
    return NdArray.wrap(DType.UINT8, out, rows, cols, 3);
  }

  /**
   * Returns colour samples as the 8 bits colour management works on: UINT8 as it is, UINT16 (16-bit
   * Palette Color Lookup Table entries) scaled by 255/65535 and rounded, other types clipped to
   * 0..255.
   *
   * @param array integer samples
   * @return a UINT8 array of the same shape (the input itself when already UINT8)
   */
  public static NdArray eightBitSamples(NdArray array) {
    Objects.requireNonNull(array, "array");
    if (array.dtype() == DType.UINT8) {
      return array;
    }
    NdArray out = NdArray.zeros(DType.UINT8, array.shape());
    double scale = array.dtype() == DType.UINT16 ? 255.0 / 65535.0 : 1.0;
    for (int i = 0; i < array.size(); i++) {
      out.setFlatLong(i, Math.max(0, Math.min(255, Math.round(array.getFlatDouble(i) * scale))));
    }
    return out;
  }

  private static BufferedImage image(ColorSpace cs, byte[] data, int w, int h) {
    ComponentColorModel cm =
        new ComponentColorModel(cs, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
    PixelInterleavedSampleModel sm =
        new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, w, h, 3, 3 * w, new int[] {0, 1, 2});
    WritableRaster raster =
        Raster.createWritableRaster(sm, new DataBufferByte(data, data.length), new Point(0, 0));
    return new BufferedImage(cm, raster, false, null);
  }
}
