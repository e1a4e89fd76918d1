package org.highdicom4j.codec;

/**
 * The Image Pixel Module attributes that describe one frame (PS3.3 C.7.6.3): what a codec needs to
 * encode or decode it.
 *
 * <p>Decoded frames always use one layout, whatever the transfer syntax: samples interleaved
 * (Planar Configuration 0) in row-major order, each sample in a little-endian container of
 * BitsAllocated bits (1, 2, 4 or 8 bytes); for BitsAllocated 1, one byte (0 or 1) per pixel.
 *
 * @param rows Rows (0028,0010), at least 1
 * @param columns Columns (0028,0011), at least 1
 * @param samplesPerPixel Samples per Pixel (0028,0002), 1 to 4
 * @param bitsAllocated Bits Allocated (0028,0100): 1, 8, 16, 32 or 64
 * @param bitsStored Bits Stored (0028,0101), 1 to bitsAllocated
 * @param signed Pixel Representation (0028,0103) is 1 (two's complement samples)
 * @param planarConfiguration Planar Configuration (0028,0006) of the stored encoding, 0 or 1
 * @param photometricInterpretation Photometric Interpretation (0028,0004), e.g. "MONOCHROME2"
 */
public record FrameDescriptor(
    int rows,
    int columns,
    int samplesPerPixel,
    int bitsAllocated,
    int bitsStored,
    boolean signed,
    int planarConfiguration,
    String photometricInterpretation) {

  /** Validates the attributes. */
  public FrameDescriptor {
    if (rows < 1 || rows > 65535) {
      throw new IllegalArgumentException("Rows (0028,0010) must be 1..65535: " + rows);
    }
    if (columns < 1 || columns > 65535) {
      throw new IllegalArgumentException("Columns (0028,0011) must be 1..65535: " + columns);
    }
    if (samplesPerPixel < 1 || samplesPerPixel > 4) {
      throw new IllegalArgumentException(
          "SamplesPerPixel (0028,0002) must be 1..4: " + samplesPerPixel);
    }
    if (bitsAllocated != 1
        && bitsAllocated != 8
        && bitsAllocated != 16
        && bitsAllocated != 32
        && bitsAllocated != 64) {
      throw new IllegalArgumentException(
          "BitsAllocated (0028,0100) must be 1, 8, 16, 32 or 64: " + bitsAllocated);
    }
    if (bitsStored < 1 || bitsStored > bitsAllocated) {
      throw new IllegalArgumentException(
          "BitsStored (0028,0101) must be 1.." + bitsAllocated + ": " + bitsStored);
    }
    if (planarConfiguration != 0 && planarConfiguration != 1) {
      throw new IllegalArgumentException(
          "PlanarConfiguration (0028,0006) must be 0 or 1: " + planarConfiguration);
    }
    if (photometricInterpretation == null) {
      throw new NullPointerException("photometricInterpretation");
    }
    long length =
        (long) rows * columns * samplesPerPixel * (bitsAllocated == 1 ? 1 : bitsAllocated / 8);
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "A frame of "
              + rows
              + " x "
              + columns
              + " x "
              + samplesPerPixel
              + " samples of "
              + bitsAllocated
              + " bits does not fit one array (expected < 2 GiB): "
              + length
              + " bytes");
    }
  }

  /**
   * Returns the number of pixels in the frame (rows × columns); the constructor ensures it fits.
   */
  public int pixelCount() {
    return rows * columns;
  }

  /** Returns the bytes per sample in the decoded layout: 1 for BitsAllocated 1 and 8. */
  public int bytesPerSample() {
    return bitsAllocated == 1 ? 1 : bitsAllocated / 8;
  }

  /** Returns the length in bytes of a decoded frame in the layout described above. */
  public long decodedLength() {
    return (long) rows * columns * samplesPerPixel * bytesPerSample();
  }
}
