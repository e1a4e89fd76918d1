package org.highdicom4j.codec.jpeg2000;

import jj2000.j2k.image.DataBlk;
import jj2000.j2k.image.DataBlkInt;
import jj2000.j2k.image.input.ImgReader;
import org.highdicom4j.codec.FrameDescriptor;

/**
 * One frame in the decoded layout presented to JJ2000's encoder as an untiled image source: each
 * component with precision BitsStored, signed when Pixel Representation is 1, unsigned samples DC
 * level shifted by 2^(BitsStored-1) (ISO/IEC 15444-1 Annex G.1).
 */
final class FrameImageSource extends ImgReader {

  private final byte[] frame;
  private final int bytesPerSample;
  private final int bitsStored;
  private final boolean signed;

  FrameImageSource(byte[] frame, FrameDescriptor d) {
    this.frame = frame;
    this.w = d.columns();
    this.h = d.rows();
    this.nc = d.samplesPerPixel();
    this.bytesPerSample = d.bytesPerSample();
    this.bitsStored = d.bitsStored();
    this.signed = d.signed();
  }

  @Override
  public void close() {
    // the frame belongs to the caller
  }

  @Override
  public boolean isOrigSigned(int c) {
    return signed;
  }

  @Override
  public int getNomRangeBits(int c) {
    return bitsStored;
  }

  @Override
  public int getFixedPoint(int c) {
    return 0;
  }

  @Override
  public DataBlk getCompData(DataBlk blk, int c) {
    return getInternCompData(blk, c);
  }

  @Override
  public DataBlk getInternCompData(DataBlk blk, int c) {
    DataBlkInt out;
    if (blk instanceof DataBlkInt) {
      out = (DataBlkInt) blk;
    } else {
      out = new DataBlkInt(blk.ulx, blk.uly, blk.w, blk.h);
    }
    int bw = out.w;
    int bh = out.h;
    int[] data = out.data;
    if (data == null || data.length < bw * bh) {
      data = new int[bw * bh];
      out.data = data;
    }
    int mask = (1 << bitsStored) - 1;
    int signBit = 1 << (bitsStored - 1);
    int offset = signed ? 0 : signBit;
    for (int y = 0; y < bh; y++) {
      int i = ((out.uly + y) * w + out.ulx) * nc + c;
      int o = y * bw;
      for (int x = 0; x < bw; x++, i += nc) {
        int v;
        if (bytesPerSample == 1) {
          v = frame[i] & 0xFF;
        } else {
          v = (frame[2 * i] & 0xFF) | ((frame[2 * i + 1] & 0xFF) << 8);
        }
        v &= mask;
        if (signed && (v & signBit) != 0) {
          v |= ~mask;
        }
        data[o + x] = v - offset;
      }
    }
    out.offset = 0;
    out.scanw = bw;
    out.progressive = false;
    return out;
  }
}
