package org.highdicom4j.codec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.highdicom4j.codec.uncompressed.NativePixelData;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.TransferSyntax;

/**
 * Re-encodes the Pixel Data of a data set from one transfer syntax into another (PS3.5 Section 10):
 * frames are decoded with the source syntax's codec and encoded with the target's, in parallel; the
 * Image Pixel Module is updated where decoding changes it (Photometric Interpretation, Planar
 * Configuration).
 */
public final class Transcoder {
  private final CodecRegistry registry;
  private final Executor executor;

  /**
   * Creates a transcoder.
   *
   * @param registry the codecs
   * @param executor where frames are decoded and encoded
   */
  public Transcoder(CodecRegistry registry, Executor executor) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** Returns a transcoder with the default codecs on all cores. */
  public static Transcoder defaultTranscoder() {
    return new Transcoder(CodecRegistry.getDefault(), ForkJoinPool.commonPool());
  }

  /**
   * Returns a copy of the data set whose Pixel Data is encoded in {@code to}.
   *
   * @param dataset the data set, as read in {@code from}
   * @param from the syntax of its Pixel Data
   * @param to the target syntax
   * @return a new data set (the input is not modified)
   * @throws IOException when a frame cannot be decoded
   * @throws UnsupportedTransferSyntaxException when no codec handles a syntax or the pixel format
   */
  public DicomDataset transcode(DicomDataset dataset, TransferSyntax from, TransferSyntax to)
      throws IOException {
    DicomDataset out = dataset.deepCopy();
    if (!dataset.contains(Tag.PixelData) || (from.isNative() && to.isNative())) {
      // Native to native: the writer changes byte order and VR encoding; nothing to re-encode.
      return out;
    }
    if (from.uid().equals(to.uid())) {
      return out;
    }
    PixelDataFrames frames = new PixelDataFrames(dataset, from, registry);
    List<DecodedFrame> decoded = frames.decodeAll(executor);
    FrameDescriptor d = frames.descriptor();
    String photometric = decoded.get(0).photometricInterpretation();
    FrameDescriptor target =
        new FrameDescriptor(
            d.rows(),
            d.columns(),
            d.samplesPerPixel(),
            d.bitsAllocated(),
            d.bitsStored(),
            d.signed(),
            0,
            photometric);
    List<byte[]> data = new ArrayList<>(decoded.size());
    for (DecodedFrame f : decoded) {
      data.add(f.data());
    }
    out.remove(Tag.ExtendedOffsetTable);
    out.remove(Tag.ExtendedOffsetTableLengths);
    if (to.isNative()) {
      byte[] pixels;
      if (d.bitsAllocated() == 1) {
        pixels = NativePixelData.packFrames(data, d.pixelCount());
      } else {
        int len = 0;
        for (byte[] f : data) {
          len += f.length;
        }
        pixels = new byte[len];
        int pos = 0;
        for (byte[] f : data) {
          System.arraycopy(f, 0, pixels, pos, f.length);
          pos += f.length;
        }
      }
      out.setBytes(Tag.PixelData, PixelDataFrames.nativeVr(d.bitsAllocated()), pixels);
    } else {
      List<byte[]> encoded = registry.encodeAll(to.uid(), data, target, executor);
      out.setFragments(
          Tag.PixelData, org.highdicom4j.dicom.data.VR.OB, EncapsulatedFrames.encapsulate(encoded));
    }
    out.setString(Tag.PhotometricInterpretation, org.highdicom4j.dicom.data.VR.CS, photometric);
    if (d.samplesPerPixel() > 1) {
      out.setInt(Tag.PlanarConfiguration, org.highdicom4j.dicom.data.VR.US, 0);
    }
    return out;
  }
}
