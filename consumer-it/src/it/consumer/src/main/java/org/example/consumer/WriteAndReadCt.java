package org.example.consumer;

import java.nio.file.Path;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.PixelDataFrames;
import org.highdicom4j.codec.Transcoder;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.DicomWriter;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.highdicom4j.dicom.io.WriteOptions;
import org.highdicom4j.sample.SyntheticCtSeries;

/**
 * Writes one synthetic CT slice as JPEG 2000 Lossless, reads it back and checks its pixels: the
 * library, its codecs and their JPEG 2000 dependency as a Maven user gets them.
 */
public final class WriteAndReadCt {
  private WriteAndReadCt() {}

  /**
   * Runs the check.
   *
   * @param args the file to write
   * @throws Exception when anything fails
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    SyntheticCtSeries series = new SyntheticCtSeries(1, 64, 64, 1.0, 2.5);
    DicomDataset slice = series.slice(0);
    DicomDataset j2k =
        Transcoder.defaultTranscoder()
            .transcode(
                slice,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.of(UID.JPEG2000Lossless));
    DicomWriter.write(out, j2k, WriteOptions.DEFAULT.withTransferSyntax(UID.JPEG2000Lossless));

    DicomFile file = DicomReader.read(out);
    DicomDataset ds = file.dataset();
    DecodedFrame frame =
        new PixelDataFrames(ds, file.transferSyntax(), CodecRegistry.getDefault()).decodeStored(0);
    short[] expected = series.slicePixels(0);
    byte[] data = frame.data();
    int differing = 0;
    for (int i = 0; i < expected.length; i++) {
      short v = (short) ((data[2 * i] & 0xFF) | (data[2 * i + 1] << 8));
      if (v != expected[i]) {
        differing++;
      }
    }
    System.out.println(
        "read "
            + out.getFileName()
            + ": "
            + ds.getString(Tag.Modality)
            + " "
            + ds.getString(Tag.SOPClassUID)
            + " "
            + ds.getInt(Tag.Rows, 0)
            + "x"
            + ds.getInt(Tag.Columns, 0)
            + " "
            + file.transferSyntax().uid()
            + " differing pixels: "
            + differing);
    System.exit(differing == 0 && data.length == 2 * expected.length ? 0 : 1);
  }
}
