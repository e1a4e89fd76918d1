package org.highdicom4j.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.highdicom4j.codec.rle.RleCodec;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.BulkDataSource;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.junit.jupiter.api.Test;

/** Frame access of {@link PixelDataFrames} when Number of Frames does not fit the Pixel Data. */
class PixelDataFramesTest {
  private static final String HUGE = "2147483647";

  private static DicomDataset image(int frames) {
    DicomDataset ds = new DicomDataset();
    ds.setInt(Tag.Rows, VR.US, 4);
    ds.setInt(Tag.Columns, VR.US, 4);
    ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
    ds.setInt(Tag.BitsAllocated, VR.US, 8);
    ds.setInt(Tag.BitsStored, VR.US, 8);
    ds.setInt(Tag.PixelRepresentation, VR.US, 0);
    ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
    ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
    return ds;
  }

  @Test
  void rejectsMoreEncapsulatedFramesThanFragmentsWithoutSizingForThem() throws IOException {
    DicomDataset ds = image(2);
    FrameDescriptor d = PixelDataFrames.descriptor(ds);
    byte[] frame = new RleCodec().encode(RleCodec.RLE_LOSSLESS, new byte[16], d);
    ds.setFragments(Tag.PixelData, VR.OB, EncapsulatedFrames.encapsulate(List.of(frame, frame)));
    TransferSyntax rle = TransferSyntax.of(RleCodec.RLE_LOSSLESS);
    CodecRegistry registry = CodecRegistry.getDefault();
    assertEquals(2, new PixelDataFrames(ds, rle, registry).decodeAll(Runnable::run).size());

    // Two fragments without an offset table cannot hold 2147483647 frames (PS3.5 A.4: each
    // fragment holds data of one frame only); rejected before lists of that size are made.
    Fragments noTable = new Fragments();
    noTable.add(new byte[0]);
    noTable.add(frame);
    noTable.add(frame);
    ds.setFragments(Tag.PixelData, VR.OB, noTable);
    ds.setString(Tag.NumberOfFrames, VR.IS, HUGE);
    PixelDataFrames frames = new PixelDataFrames(ds, rle, registry);
    DicomStreamException e =
        assertThrows(DicomStreamException.class, () -> frames.decodeAll(Runnable::run));
    assertTrue(e.getMessage().contains("fewer fragments than frames"), e.getMessage());
    assertThrows(DicomStreamException.class, () -> frames.decode(0));
  }

  @Test
  void rejectsMoreNativeFramesThanThePixelDataHoldsBeforeDecodingAll() throws IOException {
    DicomDataset ds = image(1);
    ds.setBytes(Tag.PixelData, VR.OB, new byte[32]); // two frames of 16 bytes
    ds.setString(Tag.NumberOfFrames, VR.IS, HUGE);
    PixelDataFrames frames =
        new PixelDataFrames(
            ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, CodecRegistry.getDefault());
    assertEquals(16, frames.decode(1).data().length);
    assertThrows(DicomStreamException.class, () -> frames.decodeAll(Runnable::run));
  }

  /** A source over an array that records whether each read happened under a hold. */
  private static final class HoldingSource implements BulkDataSource {
    final byte[] bytes;
    int holds;
    int open;
    int readsOutsideHold;
    int reads;

    HoldingSource(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public void read(long offset, byte[] dest, int destOffset, int length) {
      reads++;
      readsOutsideHold += open == 0 ? 1 : 0;
      System.arraycopy(bytes, (int) offset, dest, destOffset, length);
    }

    @Override
    public Closeable hold() {
      holds++;
      open++;
      return () -> open--;
    }

    @Override
    public String description() {
      return "test array";
    }
  }

  @Test
  void framesOfOneRequestAreReadUnderOneHoldOfTheirSource() throws IOException {
    // Native: three frames of 16 bytes kept in the (lazy) source.
    DicomDataset ds = image(3);
    byte[] pixels = new byte[48];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) i;
    }
    HoldingSource lazy = new HoldingSource(pixels);
    ds.putValue(Tag.PixelData, VR.OB, BulkDataRef.of(lazy, 0, pixels.length));
    PixelDataFrames frames =
        new PixelDataFrames(
            ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, CodecRegistry.getDefault());
    List<DecodedFrame> two = frames.decode(new int[] {2, 0}, Runnable::run);
    assertEquals(32, two.get(0).data()[0]);
    assertEquals(0, two.get(1).data()[0]);
    assertEquals(3, frames.decodeAll(Runnable::run).size());
    assertEquals(2, lazy.holds); // one per request, not one per frame
    assertEquals(0, lazy.open);
    assertEquals(0, lazy.readsOutsideHold);
    assertTrue(lazy.reads >= 5, "reads: " + lazy.reads);

    // Encapsulated: fragments kept in the source.
    DicomDataset enc = image(2);
    FrameDescriptor d = PixelDataFrames.descriptor(enc);
    byte[] frame = new RleCodec().encode(RleCodec.RLE_LOSSLESS, new byte[16], d);
    byte[] both = new byte[2 * frame.length];
    System.arraycopy(frame, 0, both, 0, frame.length);
    System.arraycopy(frame, 0, both, frame.length, frame.length);
    HoldingSource fragmentsSource = new HoldingSource(both);
    Fragments fragments = new Fragments();
    fragments.add(new byte[0]);
    fragments.add(BulkDataRef.of(fragmentsSource, 0, frame.length));
    fragments.add(BulkDataRef.of(fragmentsSource, frame.length, frame.length));
    enc.setFragments(Tag.PixelData, VR.OB, fragments);
    PixelDataFrames rle =
        new PixelDataFrames(
            enc, TransferSyntax.of(RleCodec.RLE_LOSSLESS), CodecRegistry.getDefault());
    assertEquals(2, rle.decodeAll(Runnable::run).size());
    assertEquals(1, fragmentsSource.holds);
    assertEquals(0, fragmentsSource.readsOutsideHold);
    assertEquals(0, fragmentsSource.open);
  }
}
