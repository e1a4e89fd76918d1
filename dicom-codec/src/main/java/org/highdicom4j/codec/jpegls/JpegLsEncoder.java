package org.highdicom4j.codec.jpegls;

import org.highdicom4j.codec.FrameDescriptor;

/**
 * Writes a JPEG-LS codestream for one frame (T.87 Annex C): SOI, SOF55, one SOS with interleave
 * mode none (one component) or line (several components), default preset parameters, EOI.
 *
 * <p>Samples are coded as unsigned values of precision P = max(2, BitsStored): signed samples as
 * their two's complement bit pattern, which is what DICOM JPEG-LS decoders return.
 */
final class JpegLsEncoder {
  private JpegLsEncoder() {}

  /** Encodes {@code frame} (the decoded layout of {@code d}) with the given NEAR. */
  static byte[] encode(byte[] frame, FrameDescriptor d, int requestedNear) {
    return encode(frame, d, requestedNear, 0);
  }

  /**
   * Encodes {@code frame} with the given NEAR and a restart marker every {@code restartInterval}
   * lines (0 for none; T.87 C.2.5 and D.3).
   */
  static byte[] encode(byte[] frame, FrameDescriptor d, int requestedNear, int restartInterval) {
    int precision = Math.max(2, d.bitsStored());
    int maxVal = (1 << precision) - 1;
    int near = Math.min(requestedNear, Math.min(255, maxVal / 2));
    JpegLsParameters p = JpegLsParameters.defaults(precision, near);
    int width = d.columns();
    int height = d.rows();
    int nc = d.samplesPerPixel();
    int bps = d.bytesPerSample();
    JpegLsBitWriter out = new JpegLsBitWriter(frame.length / 2 + 64);
    out.writeShort(0xffd8);
    out.writeShort(0xfff7);
    out.writeShort(8 + 3 * nc);
    out.writeByte(precision);
    out.writeShort(height);
    out.writeShort(width);
    out.writeByte(nc);
    for (int c = 0; c < nc; c++) {
      out.writeByte(c + 1);
      out.writeByte(0x11);
      out.writeByte(0);
    }
    if (restartInterval > 0) {
      out.writeShort(0xffdd);
      out.writeShort(4);
      out.writeShort(restartInterval);
    }
    out.writeShort(0xffda);
    out.writeShort(6 + 2 * nc);
    out.writeByte(nc);
    for (int c = 0; c < nc; c++) {
      out.writeByte(c + 1);
      out.writeByte(0);
    }
    out.writeByte(near);
    out.writeByte(nc == 1 ? 0 : 1);
    out.writeByte(0);
    JpegLsScanEncoder scan = new JpegLsScanEncoder(p, width, nc, out);
    int[] src = new int[width + 2];
    int stride = nc * bps;
    int restartMarker = 0;
    for (int y = 0; y < height; y++) {
      if (restartInterval > 0 && y > 0 && y % restartInterval == 0) {
        out.endScan();
        out.writeShort(0xffd0 + restartMarker);
        restartMarker = (restartMarker + 1) & 7;
        scan.restart();
      }
      for (int c = 0; c < nc; c++) {
        int o = (y * width * nc + c) * bps;
        if (bps == 1) {
          for (int x = 1; x <= width; x++, o += stride) {
            src[x] = frame[o] & maxVal;
          }
        } else {
          for (int x = 1; x <= width; x++, o += stride) {
            src[x] = ((frame[o] & 0xff) | ((frame[o + 1] & 0xff) << 8)) & maxVal;
          }
        }
        scan.encodeLine(c, src);
      }
    }
    out.endScan();
    out.writeShort(0xffd9);
    return out.toByteArray();
  }
}
