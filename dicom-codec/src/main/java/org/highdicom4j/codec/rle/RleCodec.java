package org.highdicom4j.codec.rle;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameCodec;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.UnsupportedTransferSyntaxException;
import org.highdicom4j.codec.uncompressed.NativePixelData;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * RLE Lossless (1.2.840.10008.1.2.5, PS3.5 Annex G): a 64-byte header with up to 15 segment
 * offsets, then one PackBits-coded segment per byte of the composite pixel code.
 *
 * <p>For BitsAllocated 8, 16, 32 and 64 there is one segment per byte of each sample, the most
 * significant byte first (e.g. RGB 16-bit: R high, R low, G high, G low, B high, B low), each
 * holding Rows × Columns bytes; at most 15 segments, so 64-bit data is supported for one sample per
 * pixel only. For BitsAllocated 1 the single segment holds the frame's bits packed least
 * significant bit first ({@code ceil(Rows × Columns / 8)} bytes), as other toolkits write it.
 * Planar Configuration (0028,0006) does not matter: segments are always per sample, and decoded
 * frames are interleaved.
 *
 * <p>Decoding tolerates what conventional encoders produce: the no-operation header byte −128, a
 * padding byte after the last run of a segment, and segments that decode to more bytes than needed
 * (the excess is ignored). Encoding follows the common practice of pydicom's encoder: each row
 * separately, runs of two or more identical bytes as replicate runs, literal and replicate runs of
 * at most 128 bytes, each segment padded to even length with a zero byte.
 *
 * <p>Stateless and thread-safe.
 */
public final class RleCodec implements FrameCodec {

  /** The RLE Lossless Transfer Syntax UID. */
  public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

  private static final int HEADER_LENGTH = 64;
  private static final int MAX_SEGMENTS = 15;
  private static final long PIXEL_DATA_TAG = 0x7FE00010L;

  /** Creates the codec; it has no configuration. */
  public RleCodec() {}

  @Override
  public Set<String> transferSyntaxUids() {
    return Set.of(RLE_LOSSLESS);
  }

  @Override
  public boolean canDecode(String transferSyntaxUid, FrameDescriptor descriptor) {
    return RLE_LOSSLESS.equals(transferSyntaxUid) && supports(descriptor);
  }

  @Override
  public boolean canEncode(String transferSyntaxUid, FrameDescriptor descriptor) {
    return canDecode(transferSyntaxUid, descriptor);
  }

  private static boolean supports(FrameDescriptor d) {
    if (d == null) {
      return false;
    }
    if (d.bitsAllocated() == 1) {
      return d.samplesPerPixel() == 1;
    }
    int spp = d.samplesPerPixel();
    return (spp == 1 || spp == 3) && segmentCount(d) <= MAX_SEGMENTS;
  }

  private static int segmentCount(FrameDescriptor d) {
    return d.bitsAllocated() == 1 ? 1 : d.bytesPerSample() * d.samplesPerPixel();
  }

  private void requireSupported(String ts, FrameDescriptor d) {
    Objects.requireNonNull(ts, "transferSyntaxUid");
    Objects.requireNonNull(d, "descriptor");
    if (!RLE_LOSSLESS.equals(ts)) {
      throw new UnsupportedTransferSyntaxException(ts, "RleCodec handles only " + RLE_LOSSLESS);
    }
    if (!supports(d)) {
      throw new UnsupportedTransferSyntaxException(
          ts,
          "RLE needs SamplesPerPixel 1 or 3 and at most 15 segments (BitsAllocated 1, or"
              + " BitsAllocated/8 × SamplesPerPixel ≤ 15): "
              + d);
    }
  }

  @Override
  public DecodedFrame decode(String transferSyntaxUid, byte[] encoded, FrameDescriptor descriptor)
      throws DicomStreamException {
    requireSupported(transferSyntaxUid, descriptor);
    Objects.requireNonNull(encoded, "encoded");
    FrameDescriptor d = descriptor;
    long decodedLength = d.decodedLength();
    if (decodedLength > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("decoded frame exceeds 2 GiB: " + decodedLength);
    }
    if (encoded.length < HEADER_LENGTH) {
      throw new DicomStreamException(
          "RLE header is truncated (expected 64 bytes): " + encoded.length, 0, PIXEL_DATA_TAG);
    }
    int expectedSegments = segmentCount(d);
    long declared = readUint32(encoded, 0);
    if (declared != expectedSegments) {
      throw new DicomStreamException(
          "RLE header declares a wrong number of segments (expected "
              + expectedSegments
              + " for "
              + d.samplesPerPixel()
              + " samples of BitsAllocated "
              + d.bitsAllocated()
              + "): "
              + declared,
          0,
          PIXEL_DATA_TAG);
    }
    int[] starts = new int[expectedSegments + 1];
    for (int s = 0; s < expectedSegments; s++) {
      long off = readUint32(encoded, 4 + 4 * s);
      long min = s == 0 ? HEADER_LENGTH : starts[s - 1];
      if (off < min || off > encoded.length) {
        throw new DicomStreamException(
            "RLE segment "
                + (s + 1)
                + " offset out of range (expected "
                + min
                + ".."
                + encoded.length
                + "): "
                + off,
            4 + 4L * s,
            PIXEL_DATA_TAG);
      }
      starts[s] = (int) off;
    }
    starts[expectedSegments] = encoded.length;
    // PackBits turns 2 bytes into at most 128: a segment too short to fill its share of the frame
    // is rejected before the frame, whose size comes from attributes that may be corrupt, is
    // allocated.
    long perSegment = d.bitsAllocated() == 1 ? (d.pixelCount() + 7L) >>> 3 : d.pixelCount();
    for (int s = 0; s < expectedSegments; s++) {
      long capacity = 64L * (starts[s + 1] - starts[s] + 1);
      if (perSegment > capacity) {
        throw new DicomStreamException(
            "RLE segment "
                + (s + 1)
                + " is too short for the frame (expected ≥ "
                + (2 * ((perSegment + 127) / 128))
                + " bytes for "
                + perSegment
                + " decoded bytes): "
                + (starts[s + 1] - starts[s]),
            starts[s],
            PIXEL_DATA_TAG);
      }
    }

    if (d.bitsAllocated() == 1) {
      byte[] packed = new byte[(d.pixelCount() + 7) >>> 3];
      decodeSegment(encoded, starts[0], starts[1], packed, 0, 1, packed.length, 1);
      return new DecodedFrame(
          NativePixelData.unpackBits(packed, 0, d.pixelCount()), d.photometricInterpretation());
    }
    byte[] out = new byte[(int) decodedLength];
    int bps = d.bytesPerSample();
    int stride = bps * d.samplesPerPixel();
    for (int s = 0; s < expectedSegments; s++) {
      int sample = s / bps;
      int byteInSample = bps - 1 - (s % bps);
      decodeSegment(
          encoded,
          starts[s],
          starts[s + 1],
          out,
          sample * bps + byteInSample,
          stride,
          d.pixelCount(),
          s + 1);
    }
    return new DecodedFrame(out, d.photometricInterpretation());
  }

  /**
   * Decodes one PackBits segment into {@code count} bytes of {@code dst} spaced {@code stride}
   * apart.
   */
  static void decodeSegment(
      byte[] src, int start, int end, byte[] dst, int dstStart, int stride, int count, int segment)
      throws DicomStreamException {
    int pos = start;
    int n = 0;
    int di = dstStart;
    while (n < count) {
      if (pos >= end) {
        throw new DicomStreamException(
            "RLE segment "
                + segment
                + " ends too early (expected "
                + count
                + " decoded bytes): "
                + n,
            pos,
            PIXEL_DATA_TAG);
      }
      int header = src[pos++];
      if (header >= 0) {
        int len = header + 1;
        if (len > end - pos) {
          throw new DicomStreamException(
              "RLE segment "
                  + segment
                  + " literal run overruns the segment (expected "
                  + len
                  + " bytes): "
                  + (end - pos),
              pos - 1,
              PIXEL_DATA_TAG);
        }
        int take = Math.min(len, count - n);
        if (stride == 1) {
          System.arraycopy(src, pos, dst, di, take);
          di += take;
        } else {
          for (int k = 0; k < take; k++, di += stride) {
            dst[di] = src[pos + k];
          }
        }
        pos += len;
        n += take;
      } else if (header != -128) {
        if (pos >= end) {
          throw new DicomStreamException(
              "RLE segment " + segment + " replicate run overruns the segment (expected 1 byte): 0",
              pos - 1,
              PIXEL_DATA_TAG);
        }
        byte v = src[pos++];
        int take = Math.min(1 - header, count - n);
        if (stride == 1) {
          Arrays.fill(dst, di, di + take, v);
          di += take;
        } else {
          for (int k = 0; k < take; k++, di += stride) {
            dst[di] = v;
          }
        }
        n += take;
      }
      // header -128 is a no-operation
    }
  }

  @Override
  public byte[] encode(String transferSyntaxUid, byte[] frame, FrameDescriptor descriptor) {
    requireSupported(transferSyntaxUid, descriptor);
    Objects.requireNonNull(frame, "frame");
    FrameDescriptor d = descriptor;
    if (frame.length != d.decodedLength()) {
      throw new IllegalArgumentException(
          "frame length does not match the descriptor (expected "
              + d.decodedLength()
              + " bytes): "
              + frame.length);
    }
    int segments = segmentCount(d);
    ByteSink sink = new ByteSink(HEADER_LENGTH + frame.length / 2 + 64);
    sink.length = HEADER_LENGTH;
    int[] offsets = new int[segments];
    if (d.bitsAllocated() == 1) {
      byte[] packed = NativePixelData.packBits(frame);
      offsets[0] = sink.length;
      // Packed bits have no row structure: encode the segment as one sequence.
      encodeRow(packed, packed.length, sink);
      sink.padEven();
    } else {
      int columns = d.columns();
      int bps = d.bytesPerSample();
      int stride = bps * d.samplesPerPixel();
      byte[] row = new byte[columns];
      for (int s = 0; s < segments; s++) {
        offsets[s] = sink.length;
        int first = (s / bps) * bps + (bps - 1 - s % bps);
        for (int r = 0, in = first; r < d.rows(); r++) {
          for (int c = 0; c < columns; c++, in += stride) {
            row[c] = frame[in];
          }
          encodeRow(row, columns, sink);
        }
        sink.padEven();
      }
    }
    byte[] out = sink.toArray();
    writeUint32(out, 0, segments);
    for (int s = 0; s < segments; s++) {
      writeUint32(out, 4 + 4 * s, offsets[s]);
    }
    return out;
  }

  /**
   * Encodes {@code n} bytes as PackBits runs: a run of two or more identical bytes becomes
   * replicate runs of at most 128, a remainder of one byte after full replicate runs a literal run
   * of one, and consecutive single bytes literal runs of at most 128.
   */
  static void encodeRow(byte[] row, int n, ByteSink sink) {
    int literalStart = -1;
    int i = 0;
    while (i < n) {
      byte v = row[i];
      int j = i + 1;
      while (j < n && row[j] == v) {
        j++;
      }
      int run = j - i;
      if (run == 1) {
        if (literalStart < 0) {
          literalStart = i;
        }
        i = j;
        continue;
      }
      if (literalStart >= 0) {
        writeLiteral(row, literalStart, i, sink);
        literalStart = -1;
      }
      for (; run >= 128; run -= 128) {
        sink.put(-127);
        sink.put(v);
      }
      if (run > 1) {
        sink.put(1 - run);
        sink.put(v);
      } else if (run == 1) {
        sink.put(0);
        sink.put(v);
      }
      i = j;
    }
    if (literalStart >= 0) {
      writeLiteral(row, literalStart, n, sink);
    }
  }

  private static void writeLiteral(byte[] row, int from, int to, ByteSink sink) {
    for (int p = from; p < to; p += 128) {
      int len = Math.min(128, to - p);
      sink.put(len - 1);
      sink.put(row, p, len);
    }
  }

  private static long readUint32(byte[] b, int i) {
    return (b[i] & 0xffL)
        | (b[i + 1] & 0xffL) << 8
        | (b[i + 2] & 0xffL) << 16
        | (b[i + 3] & 0xffL) << 24;
  }

  private static void writeUint32(byte[] b, int i, int v) {
    b[i] = (byte) v;
    b[i + 1] = (byte) (v >>> 8);
    b[i + 2] = (byte) (v >>> 16);
    b[i + 3] = (byte) (v >>> 24);
  }

  /** A growable byte array; per call, so the codec stays thread-safe. */
  static final class ByteSink {
    byte[] buf;
    int length;

    ByteSink(int capacity) {
      buf = new byte[Math.max(capacity, 16)];
    }

    private void ensure(int extra) {
      if (buf.length - length < extra) {
        long grown = Math.max((long) buf.length * 2, (long) length + extra);
        buf = Arrays.copyOf(buf, (int) Math.min(grown, Integer.MAX_VALUE - 8));
      }
    }

    void put(int b) {
      ensure(1);
      buf[length++] = (byte) b;
    }

    void put(byte[] src, int from, int n) {
      ensure(n);
      System.arraycopy(src, from, buf, length, n);
      length += n;
    }

    void padEven() {
      if ((length & 1) != 0) {
        put(0);
      }
    }

    byte[] toArray() {
      return Arrays.copyOf(buf, length);
    }
  }
}
