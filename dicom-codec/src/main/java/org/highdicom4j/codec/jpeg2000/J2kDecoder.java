package org.highdicom4j.codec.jpeg2000;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReadParamJava;
import java.awt.Point;
import java.io.IOException;
import jj2000.j2k.codestream.HeaderInfo;
import jj2000.j2k.codestream.reader.BitstreamReaderAgent;
import jj2000.j2k.codestream.reader.HeaderDecoder;
import jj2000.j2k.decoder.DecoderSpecs;
import jj2000.j2k.entropy.decoder.EntropyDecoder;
import jj2000.j2k.image.DataBlkFloat;
import jj2000.j2k.image.DataBlkInt;
import jj2000.j2k.image.ImgDataConverter;
import jj2000.j2k.image.invcomptransf.InvCompTransf;
import jj2000.j2k.quantization.dequantizer.Dequantizer;
import jj2000.j2k.roi.ROIDeScaler;
import jj2000.j2k.wavelet.synthesis.InverseWT;
import org.highdicom4j.codec.FrameDescriptor;

/**
 * Runs JJ2000's decoding chain (codestream reader, entropy decoder, ROI de-scaler, dequantizer,
 * inverse wavelet transform, inverse component transform) over a checked codestream and writes the
 * samples in the decoded frame layout: interleaved, little-endian BitsAllocated containers, reduced
 * to BitsStored bits and sign-extended when Pixel Representation is 1.
 */
final class J2kDecoder {

  private J2kDecoder() {}

  static byte[] decode(FrameDescriptor d, J2kCodestream cs) throws IOException {
    ByteArrayRandomAccessIO in = new ByteArrayRandomAccessIO(cs.data, cs.start, cs.end);
    J2KImageReadParamJava param = new J2KImageReadParamJava();
    // Region-of-interest coefficients must be scaled back, as ISO/IEC 15444-1 Annex H requires.
    param.setNoROIDescaling(false);
    HeaderInfo hi = new HeaderInfo();
    HeaderDecoder hd = new HeaderDecoder(in, param, hi);
    DecoderSpecs specs = hd.getDecoderSpecs();
    int nc = hd.getNumComps();
    int[] depth = new int[nc];
    for (int c = 0; c < nc; c++) {
      depth[c] = hd.getOriginalBitDepth(c);
    }
    BitstreamReaderAgent reader =
        BitstreamReaderAgent.createInstance(in, hd, param, specs, false, hi);
    EntropyDecoder entropy = hd.createEntropyDecoder(reader, param);
    ROIDeScaler roi = hd.createROIDeScaler(entropy, param, specs);
    Dequantizer dequantizer = hd.createDequantizer(roi, depth, specs);
    InverseWT wavelet = InverseWT.createInstance(dequantizer, specs);
    wavelet.setImgResLevel(reader.getImgRes());
    // Reversible components are read as integers through JJ2000's inverse component transform
    // (RCT); irreversible ones as floats from the converter, rounded here.
    ImgDataConverter converter = new ImgDataConverter(wavelet, 0);
    InvCompTransf transform = new InvCompTransf(converter, specs, depth);

    Output out = new Output(d, nc);
    for (int c = 0; c < nc; c++) {
      int bits = transform.getNomRangeBits(c);
      if (hd.isOriginalSigned(c)) {
        out.min[c] = -(1 << (bits - 1));
        out.max[c] = (1 << (bits - 1)) - 1;
      } else {
        out.shift[c] = 1 << (bits - 1);
        out.max[c] = (int) ((1L << bits) - 1);
      }
    }

    Point tiles = transform.getNumTiles(null);
    DataBlkInt intBlock = new DataBlkInt();
    DataBlkFloat[] floatBlocks = {new DataBlkFloat(), new DataBlkFloat(), new DataBlkFloat()};
    int imgUlx = transform.getImgULX();
    int imgUly = transform.getImgULY();
    for (int ty = 0; ty < tiles.y; ty++) {
      for (int tx = 0; tx < tiles.x; tx++) {
        transform.setTile(tx, ty);
        int tile = transform.getTileIdx();
        boolean ict =
            nc >= 3
                && !Integer.valueOf(InvCompTransf.NONE).equals(specs.cts.getTileDef(tile))
                && !specs.wfs.isReversible(tile, 0)
                && !specs.wfs.isReversible(tile, 1)
                && !specs.wfs.isReversible(tile, 2);
        for (int c = 0; c < nc; c++) {
          int w = transform.getTileCompWidth(tile, c);
          int h = transform.getTileCompHeight(tile, c);
          if (w <= 0 || h <= 0) {
            continue;
          }
          int x0 = transform.getCompULX(c) - imgUlx;
          int y0 = transform.getCompULY(c) - imgUly;
          if (ict && c < 3) {
            if (c == 0) {
              inverseIct(converter, floatBlocks, w, h, x0, y0, out);
            }
          } else if (!specs.wfs.isReversible(tile, c)) {
            DataBlkFloat f = floatBlocks[0];
            setBounds(f, w, h);
            f = (DataBlkFloat) converter.getInternCompData(f, c);
            for (int y = 0; y < h; y++) {
              int i0 = f.offset + y * f.scanw;
              int o = out.index(x0, y0 + y, c);
              for (int x = 0; x < w; x++, o += out.spp) {
                out.put(o, c, round(f.data[i0 + x]));
              }
            }
          } else {
            setBounds(intBlock, w, h);
            DataBlkInt result = (DataBlkInt) transform.getInternCompData(intBlock, c);
            int fraction = transform.getFixedPoint(c);
            for (int y = 0; y < h; y++) {
              int i0 = result.offset + y * result.scanw;
              int o = out.index(x0, y0 + y, c);
              for (int x = 0; x < w; x++, o += out.spp) {
                out.put(o, c, result.data[i0 + x] >> fraction);
              }
            }
          }
        }
      }
    }
    return out.data;
  }

  /**
   * Inverse irreversible component transform (ISO/IEC 15444-1 G.3), done here rather than by
   * JJ2000, whose version rounds negative values toward zero (a bias of +1 on most samples of a
   * dark 8-bit image).
   */
  private static void inverseIct(
      ImgDataConverter src, DataBlkFloat[] blocks, int w, int h, int x0, int y0, Output out) {
    for (int c = 0; c < 3; c++) {
      setBounds(blocks[c], w, h);
      blocks[c] = (DataBlkFloat) src.getInternCompData(blocks[c], c);
    }
    float[] yy = blocks[0].data;
    float[] cb = blocks[1].data;
    float[] cr = blocks[2].data;
    for (int y = 0; y < h; y++) {
      int i0 = blocks[0].offset + y * blocks[0].scanw;
      int i1 = blocks[1].offset + y * blocks[1].scanw;
      int i2 = blocks[2].offset + y * blocks[2].scanw;
      int o = out.index(x0, y0 + y, 0);
      for (int x = 0; x < w; x++, o += out.spp) {
        float luma = yy[i0 + x];
        float blue = cb[i1 + x];
        float red = cr[i2 + x];
        out.put(o, 0, round(luma + 1.402f * red));
        out.put(o + 1, 1, round(luma - 0.34413f * blue - 0.71414f * red));
        out.put(o + 2, 2, round(luma + 1.772f * blue));
      }
    }
  }

  private static int round(float v) {
    return (int) Math.floor(v + 0.5f);
  }

  private static void setBounds(jj2000.j2k.image.DataBlk block, int w, int h) {
    block.ulx = 0;
    block.uly = 0;
    block.w = w;
    block.h = h;
  }

  /**
   * The decoded frame under construction: level shift, clamping to the component's nominal range,
   * reduction to BitsStored with sign extension, little-endian containers.
   */
  private static final class Output {
    final byte[] data;
    final int spp;
    final int[] shift;
    final int[] min;
    final int[] max;
    private final int columns;
    private final int bps;
    private final int storedMask;
    private final int signBit;

    Output(FrameDescriptor d, int nc) {
      this.data = new byte[Math.toIntExact(d.decodedLength())];
      this.spp = d.samplesPerPixel();
      this.columns = d.columns();
      this.bps = d.bytesPerSample();
      this.storedMask = d.bitsStored() >= 32 ? -1 : (1 << d.bitsStored()) - 1;
      this.signBit = d.signed() ? 1 << (d.bitsStored() - 1) : 0;
      this.shift = new int[nc];
      this.min = new int[nc];
      this.max = new int[nc];
    }

    int index(int x, int y, int c) {
      return (y * columns + x) * spp + c;
    }

    void put(int sampleIndex, int c, int value) {
      int v = value + shift[c];
      v = v < min[c] ? min[c] : (v > max[c] ? max[c] : v);
      v &= storedMask;
      if ((v & signBit) != 0) {
        v |= ~storedMask;
      }
      int b = sampleIndex * bps;
      data[b] = (byte) v;
      if (bps == 2) {
        data[b + 1] = (byte) (v >> 8);
      }
    }
  }
}
