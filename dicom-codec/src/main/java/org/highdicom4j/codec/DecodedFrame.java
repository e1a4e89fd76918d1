package org.highdicom4j.codec;

import java.util.Objects;

/**
 * One decoded frame in the layout of {@link FrameDescriptor} and the colour space of its samples.
 *
 * @param data the samples, interleaved, little-endian, BitsAllocated containers (1 byte per pixel
 *     for BitsAllocated 1)
 * @param photometricInterpretation the colour space of {@code data}; differs from the stored one
 *     where decoding changes it (e.g. JPEG 2000 YBR_RCT with MCT decodes to RGB)
 */
public record DecodedFrame(byte[] data, String photometricInterpretation) {
  /** Checks for nulls. */
  public DecodedFrame {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(photometricInterpretation, "photometricInterpretation");
  }
}
