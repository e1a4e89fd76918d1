package org.highdicom4j.cli;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.highdicom4j.codec.FrameDescriptor;

/**
 * The hash and statistics of one frame of stored values, as the reference decodings define them:
 * SHA-256 of the little-endian samples in C order, and min, max and mean over all samples.
 *
 * @param dtype numpy name of the sample type
 * @param sha256 hex digest
 * @param min smallest sample
 * @param max largest sample
 * @param mean mean of all samples
 */
record FrameStatistics(String dtype, String sha256, double min, double max, double mean) {

  static FrameStatistics of(byte[] data, FrameDescriptor d, boolean floatingPoint) {
    String dtype;
    int size = d.bytesPerSample();
    if (floatingPoint) {
      dtype = size == 4 ? "float32" : "float64";
    } else {
      dtype = (d.signed() ? "int" : "uint") + (size * 8);
    }
    ByteBuffer bb = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    int n = data.length / size;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double v;
      switch (size) {
        case 1:
          v = d.signed() ? data[i] : data[i] & 0xff;
          break;
        case 2:
          v = d.signed() ? bb.getShort(2 * i) : bb.getShort(2 * i) & 0xffff;
          break;
        case 4:
          v =
              floatingPoint
                  ? bb.getFloat(4 * i)
                  : d.signed() ? bb.getInt(4 * i) : bb.getInt(4 * i) & 0xffffffffL;
          break;
        default:
          v = floatingPoint ? bb.getDouble(8 * i) : bb.getLong(8 * i);
          break;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    try {
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
      return new FrameStatistics(dtype, hash, min, max, n == 0 ? Double.NaN : sum / n);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
