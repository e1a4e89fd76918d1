package org.highdicom4j.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.highdicom4j.codec.rle.RleCodec;
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
}
