package org.highdicom4j.codec;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.highdicom4j.codec.uncompressed.NativePixelData;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.BulkDataSource;
import org.highdicom4j.dicom.data.ByteSwap;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.highdicom4j.dicom.io.TransferSyntax;

/**
 * Frame-level access to the Pixel Data of a data set, native or encapsulated: the frame description
 * from the Image Pixel Module, and decoding of one or all frames into the layout of {@link
 * FrameDescriptor}.
 *
 * <p>Float Pixel Data (7FE0,0008) and Double Float Pixel Data (7FE0,0009) are used when Pixel Data
 * is absent. Native pixel data kept as a {@link BulkDataRef} (see the bulk data threshold of the
 * reader) is read frame by frame: only the bytes of the requested frame are read from the source.
 */
public final class PixelDataFrames {
  private final DicomDataset dataset;
  private final int pixelTag;
  private final TransferSyntax transferSyntax;
  private final FrameDescriptor descriptor;
  private final int numberOfFrames;
  private final CodecRegistry registry;
  private List<int[]> frameFragments;

  /**
   * Prepares access to a data set's frames.
   *
   * @param dataset a data set with Pixel Data (7FE0,0010), Float Pixel Data (7FE0,0008) or Double
   *     Float Pixel Data (7FE0,0009), and the Image Pixel Module
   * @param transferSyntax the syntax the data set was read in (its Pixel Data encoding)
   * @param registry the codecs to decode with
   * @throws IllegalArgumentException when Pixel Data or a required attribute is missing or invalid
   */
  public PixelDataFrames(
      DicomDataset dataset, TransferSyntax transferSyntax, CodecRegistry registry) {
    this.dataset = dataset;
    this.transferSyntax = transferSyntax;
    this.registry = registry;
    this.pixelTag = pixelDataTag(dataset);
    if (pixelTag == 0) {
      throw new IllegalArgumentException(
          "PixelData (7FE0,0010) is missing, and so are Float and Double Float Pixel Data"
              + " (expected one of them)");
    }
    this.descriptor = pixelTag == Tag.PixelData ? descriptor(dataset) : floatDescriptor(dataset);
    this.numberOfFrames = dataset.getInt(Tag.NumberOfFrames, 1);
    if (numberOfFrames < 1) {
      throw new IllegalArgumentException(
          "NumberOfFrames (0028,0008) must be ≥ 1: " + numberOfFrames);
    }
  }

  /**
   * Returns the tag of the pixel data element of a data set: Pixel Data (7FE0,0010), else Float
   * Pixel Data (7FE0,0008), else Double Float Pixel Data (7FE0,0009); 0 when none is present.
   *
   * @param ds the data set
   * @return the tag or 0
   */
  public static int pixelDataTag(DicomDataset ds) {
    for (int tag : new int[] {Tag.PixelData, Tag.FloatPixelData, Tag.DoubleFloatPixelData}) {
      if (ds.contains(tag)) {
        return tag;
      }
    }
    return 0;
  }

  /** Returns the tag of the pixel data element in use (see {@link #pixelDataTag}). */
  public int pixelDataTag() {
    return pixelTag;
  }

  /**
   * Reads the Image Pixel Module attributes of a data set into a frame description.
   *
   * @param ds the data set
   * @return the description
   * @throws IllegalArgumentException when Rows, Columns, BitsAllocated are missing or invalid
   */
  public static FrameDescriptor descriptor(DicomDataset ds) {
    int rows = required(ds, Tag.Rows);
    int columns = required(ds, Tag.Columns);
    int bitsAllocated = required(ds, Tag.BitsAllocated);
    int bitsStored = ds.getInt(Tag.BitsStored, bitsAllocated);
    if (bitsStored < 1 || bitsStored > bitsAllocated) {
      // Some writers leave BitsStored larger than BitsAllocated; the container size rules.
      bitsStored = bitsAllocated;
    }
    return new FrameDescriptor(
        rows,
        columns,
        ds.getInt(Tag.SamplesPerPixel, 1),
        bitsAllocated,
        bitsStored,
        ds.getInt(Tag.PixelRepresentation, 0) == 1,
        ds.getInt(Tag.PlanarConfiguration, 0) == 1 ? 1 : 0,
        ds.getString(Tag.PhotometricInterpretation, "MONOCHROME2"));
  }

  /** Float Pixel Data has no Bits Allocated of its own meaning: 32 or 64-bit IEEE samples. */
  private FrameDescriptor floatDescriptor(DicomDataset ds) {
    int bits = pixelTag == Tag.FloatPixelData ? 32 : 64;
    return new FrameDescriptor(
        required(ds, Tag.Rows),
        required(ds, Tag.Columns),
        ds.getInt(Tag.SamplesPerPixel, 1),
        bits,
        bits,
        true,
        0,
        ds.getString(Tag.PhotometricInterpretation, "MONOCHROME2"));
  }

  /**
   * Returns true when the samples are IEEE floating point (Float or Double Float Pixel Data).
   *
   * @return whether the frames hold float32 or float64 values
   */
  public boolean isFloatingPoint() {
    return pixelTag != Tag.PixelData;
  }

  private static int required(DicomDataset ds, int tag) {
    int v = ds.getInt(tag, -1);
    if (v < 1) {
      throw new IllegalArgumentException(
          DicomDataset.tagString(tag) + " is missing or not positive (expected ≥ 1): " + v);
    }
    return v;
  }

  /** Returns the description of each frame. */
  public FrameDescriptor descriptor() {
    return descriptor;
  }

  /** Returns Number of Frames (0028,0008), 1 when absent. */
  public int numberOfFrames() {
    return numberOfFrames;
  }

  /**
   * Returns the encoded bytes of one frame as stored: for encapsulated syntaxes the frame's
   * fragments concatenated, for native ones the frame's slice of Pixel Data (bit-packed frames are
   * returned unpacked, one byte per pixel).
   *
   * @param index 0-based frame index
   * @return the bytes
   * @throws IOException when the frame cannot be located or read
   */
  public byte[] rawFrame(int index) throws IOException {
    checkIndex(index);
    Fragments f = dataset.getFragments(pixelTag);
    if (f == null) {
      return nativeFrame(index);
    }
    if (frameFragments == null) {
      long[] eot = dataset.contains(Tag.ExtendedOffsetTable) ? extendedOffsets() : null;
      frameFragments = EncapsulatedFrames.frameFragments(f, numberOfFrames, eot);
    }
    return EncapsulatedFrames.frame(f, frameFragments.get(index));
  }

  private long[] extendedOffsets() {
    byte[] b = dataset.getBytes(Tag.ExtendedOffsetTable);
    long[] out = new long[b.length / 8];
    for (int i = 0; i < out.length; i++) {
      long v = 0;
      for (int k = 7; k >= 0; k--) {
        v = v << 8 | (b[8 * i + k] & 0xff);
      }
      out[i] = v;
    }
    return out;
  }

  private byte[] nativeFrame(int index) throws IOException {
    BulkDataRef ref = dataset.getBulkDataRef(pixelTag);
    if (ref != null && ref.source() != null) {
      return nativeFrameFromSource(ref, index);
    }
    byte[] all = dataset.getBytes(pixelTag);
    long needed = NativePixelData.pixelDataLengthBytes(descriptor, index + 1);
    if (all.length < needed) {
      throw new DicomStreamException(
          DicomDataset.tagString(pixelTag)
              + " is shorter than frame "
              + (index + 1)
              + " needs (expected ≥ "
              + needed
              + " bytes): "
              + all.length
              + " bytes");
    }
    // The reader has already byte-swapped big-endian OW values into little endian.
    return NativePixelData.extractFrame(all, index, descriptor, false);
  }

  /** Reads only the bytes of one native frame from the source of a bulk data reference. */
  private byte[] nativeFrameFromSource(BulkDataRef ref, int index) throws IOException {
    long startBit = NativePixelData.frameStartBit(index, descriptor);
    int shift = (int) (startBit & 7);
    long from = startBit >>> 3;
    long end = (startBit + NativePixelData.frameLengthBits(descriptor) + 7) >>> 3;
    if (end > ref.length()) {
      throw new DicomStreamException(
          DicomDataset.tagString(pixelTag)
              + " is shorter than frame "
              + (index + 1)
              + " needs (expected ≥ "
              + end
              + " bytes): "
              + ref.length()
              + " bytes");
    }
    // The reader sets the swap unit per sample: 2 for OW words, 4 or 8 for 32/64-bit samples.
    int unit = ref.swapUnit();
    // big endian values are swapped in whole units, so read from and to unit boundaries
    long alignedFrom = unit > 1 ? from - from % unit : from;
    long alignedEnd = unit > 1 ? Math.min(ref.length(), (end + unit - 1) / unit * unit) : end;
    byte[] buf = new byte[Math.toIntExact(alignedEnd - alignedFrom)];
    ref.source().read(ref.offset() + alignedFrom, buf, 0, buf.length);
    if (unit > 1) {
      ByteSwap.swap(buf, 0, buf.length - buf.length % unit, unit);
    }
    return NativePixelData.extractFrame(buf, (int) (from - alignedFrom), shift, descriptor, false);
  }

  /**
   * Decodes one frame.
   *
   * @param index 0-based frame index
   * @return the frame in the layout of {@link FrameDescriptor}
   * @throws IOException when the frame is truncated or its codestream is corrupt
   * @throws UnsupportedTransferSyntaxException when no codec decodes the syntax
   */
  public DecodedFrame decode(int index) throws IOException {
    byte[] raw = rawFrame(index);
    if (dataset.getFragments(pixelTag) == null) {
      return new DecodedFrame(raw, NativePixelData.decodedPhotometricInterpretation(descriptor));
    }
    return registry.decode(transferSyntax.uid(), raw, descriptor);
  }

  /**
   * Decodes every frame, in parallel on the given executor.
   *
   * @param executor where to run the decoders
   * @return the frames in order
   * @throws IOException when a frame is truncated or corrupt
   */
  public List<DecodedFrame> decodeAll(Executor executor) throws IOException {
    // The last frame must exist before room is made for all of them: Number of Frames may be
    // corrupt (e.g. 2147483647).
    Closeable held = hold();
    try {
      rawFrame(numberOfFrames - 1);
      int[] all = new int[numberOfFrames];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return decodeFrames(all, executor);
    } finally {
      held.close();
    }
  }

  /**
   * Decodes the given frames, in parallel on the given executor for encapsulated syntaxes (native
   * frames are only copied).
   *
   * @param indices 0-based frame indices, in the order wanted (repeats allowed)
   * @param executor where to run the decoders
   * @return the frames in the order of {@code indices}
   * @throws IOException when a frame is truncated or corrupt
   */
  public List<DecodedFrame> decode(int[] indices, Executor executor) throws IOException {
    for (int i : indices) {
      checkIndex(i);
    }
    Closeable held = hold();
    try {
      return decodeFrames(indices, executor);
    } finally {
      held.close();
    }
  }

  /** Decodes checked frames; callers hold the source so that the file is opened once. */
  private List<DecodedFrame> decodeFrames(int[] indices, Executor executor) throws IOException {
    if (dataset.getFragments(pixelTag) == null) {
      List<DecodedFrame> out = new ArrayList<>(indices.length);
      for (int i : indices) {
        out.add(decode(i));
      }
      return out;
    }
    List<byte[]> raw = new ArrayList<>(indices.length);
    for (int i : indices) {
      raw.add(rawFrame(i));
    }
    return registry.decodeAll(transferSyntax.uid(), raw, descriptor, executor);
  }

  /**
   * Keeps the source the pixel data is still to be read from (a lazily read file) open until the
   * returned handle is closed, so that the frames of one request share one open file (see {@link
   * BulkDataSource#hold()}); a no-op for pixel data in memory. The decode methods hold it
   * themselves; callers that read several frames one by one may hold it around them.
   *
   * @return the handle to close
   * @throws IOException when the source cannot be opened
   */
  public Closeable hold() throws IOException {
    BulkDataRef ref = dataset.getBulkDataRef(pixelTag);
    if (ref != null && ref.source() != null) {
      return ref.source().hold();
    }
    Fragments fragments = dataset.getFragments(pixelTag);
    for (int i = 0; fragments != null && i < fragments.size(); i++) {
      BulkDataRef item = fragments.itemRef(i);
      if (item != null && item.source() != null) {
        return item.source().hold();
      }
    }
    return () -> {};
  }

  /**
   * Decodes every frame on all cores.
   *
   * @return the frames in order
   * @throws IOException when a frame is truncated or corrupt
   */
  public List<DecodedFrame> decodeAll() throws IOException {
    return decodeAll(ForkJoinPool.commonPool());
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= numberOfFrames) {
      throw new IndexOutOfBoundsException(
          "frame index must be 0.." + (numberOfFrames - 1) + ": " + index);
    }
  }

  /**
   * Decodes one frame and normalises it to stored values as PS3.5 defines them: each integer sample
   * reduced to its low Bits Stored bits and sign-extended when Pixel Representation is 1.
   *
   * @param index 0-based frame index
   * @return the stored values in the layout of {@link FrameDescriptor}
   * @throws IOException when the frame is truncated or corrupt
   */
  public DecodedFrame decodeStored(int index) throws IOException {
    DecodedFrame f = decode(index);
    if (!isFloatingPoint()) {
      byte[] data = f.data();
      if (dataset.getFragments(pixelTag) == null && data == dataset.getBytes(pixelTag)) {
        data = data.clone();
      }
      NativePixelData.maskAndSignExtend(data, descriptor);
      return new DecodedFrame(data, f.photometricInterpretation());
    }
    return f;
  }

  /** Returns the VR native Pixel Data takes for a BitsAllocated value: OW above 8, else OB. */
  static VR nativeVr(int bitsAllocated) {
    return bitsAllocated > 8 ? VR.OW : VR.OB;
  }
}
