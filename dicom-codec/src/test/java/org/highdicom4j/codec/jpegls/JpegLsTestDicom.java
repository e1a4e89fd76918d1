package org.highdicom4j.codec.jpegls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.highdicom4j.codec.FrameDescriptor;

/**
 * Writes minimal single-frame Secondary Capture files (Explicit VR Little Endian data set, native
 * or encapsulated Pixel Data) so that dcmtk's JPEG-LS tools can be run against the codec. Our DICOM
 * writer does not exist yet; this is only test scaffolding.
 */
final class JpegLsTestDicom {
  private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
  private static final String SC = "1.2.840.10008.5.1.4.1.1.7";
  private static final String INSTANCE = "1.2.826.0.1.3680043.10.1234.1";

  private JpegLsTestDicom() {}

  /** Writes a file with native (uncompressed) Pixel Data. */
  static void writeNative(Path path, FrameDescriptor d, byte[] pixels) throws IOException {
    ByteArrayOutputStream ds = dataSet(d);
    element(ds, 0x7fe0, 0x0010, d.bitsAllocated() == 8 ? "OB" : "OW", pad(pixels, (byte) 0));
    write(path, EXPLICIT_LE, ds);
  }

  /** Writes a file with one encapsulated frame in one fragment and an empty offset table. */
  static void writeEncapsulated(Path path, FrameDescriptor d, String ts, byte[] frame)
      throws IOException {
    ByteArrayOutputStream ds = dataSet(d);
    header(ds, 0x7fe0, 0x0010, "OB", -1);
    item(ds, 0xe000, new byte[0]);
    item(ds, 0xe000, pad(frame, (byte) 0));
    item(ds, 0xe0dd, new byte[0]);
    write(path, ts, ds);
  }

  private static ByteArrayOutputStream dataSet(FrameDescriptor d) throws IOException {
    ByteArrayOutputStream ds = new ByteArrayOutputStream();
    element(ds, 0x0008, 0x0016, "UI", ui(SC));
    element(ds, 0x0008, 0x0018, "UI", ui(INSTANCE));
    element(ds, 0x0008, 0x0064, "CS", text("WSD"));
    element(ds, 0x0028, 0x0002, "US", us(d.samplesPerPixel()));
    element(ds, 0x0028, 0x0004, "CS", text(d.photometricInterpretation()));
    if (d.samplesPerPixel() > 1) {
      element(ds, 0x0028, 0x0006, "US", us(0));
    }
    element(ds, 0x0028, 0x0010, "US", us(d.rows()));
    element(ds, 0x0028, 0x0011, "US", us(d.columns()));
    element(ds, 0x0028, 0x0100, "US", us(d.bitsAllocated()));
    element(ds, 0x0028, 0x0101, "US", us(d.bitsStored()));
    element(ds, 0x0028, 0x0102, "US", us(d.bitsStored() - 1));
    element(ds, 0x0028, 0x0103, "US", us(d.signed() ? 1 : 0));
    return ds;
  }

  private static void write(Path path, String ts, ByteArrayOutputStream ds) throws IOException {
    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    element(meta, 0x0002, 0x0001, "OB", new byte[] {0, 1});
    element(meta, 0x0002, 0x0002, "UI", ui(SC));
    element(meta, 0x0002, 0x0003, "UI", ui(INSTANCE));
    element(meta, 0x0002, 0x0010, "UI", ui(ts));
    element(meta, 0x0002, 0x0012, "UI", ui("1.2.826.0.1.3680043.10.1234.2"));
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(new byte[128]);
    file.write("DICM".getBytes(StandardCharsets.US_ASCII));
    byte[] length = new byte[4];
    int n = meta.size();
    for (int i = 0; i < 4; i++) {
      length[i] = (byte) (n >>> (8 * i));
    }
    element(file, 0x0002, 0x0000, "UL", length);
    meta.writeTo(file);
    ds.writeTo(file);
    Files.write(path, file.toByteArray());
  }

  private static byte[] us(int v) {
    return new byte[] {(byte) v, (byte) (v >>> 8)};
  }

  private static byte[] ui(String uid) {
    return pad(uid.getBytes(StandardCharsets.US_ASCII), (byte) 0);
  }

  private static byte[] text(String s) {
    return pad(s.getBytes(StandardCharsets.US_ASCII), (byte) ' ');
  }

  private static byte[] pad(byte[] v, byte padding) {
    if (v.length % 2 == 0) {
      return v;
    }
    byte[] p = java.util.Arrays.copyOf(v, v.length + 1);
    p[v.length] = padding;
    return p;
  }

  private static void element(ByteArrayOutputStream out, int group, int elem, String vr, byte[] v)
      throws IOException {
    header(out, group, elem, vr, v.length);
    out.write(v);
  }

  private static void header(ByteArrayOutputStream out, int group, int elem, String vr, int len) {
    out.write(group);
    out.write(group >>> 8);
    out.write(elem);
    out.write(elem >>> 8);
    out.write(vr.charAt(0));
    out.write(vr.charAt(1));
    if (vr.equals("OB") || vr.equals("OW")) {
      out.write(0);
      out.write(0);
      for (int i = 0; i < 4; i++) {
        out.write(len >>> (8 * i));
      }
    } else {
      out.write(len);
      out.write(len >>> 8);
    }
  }

  private static void item(ByteArrayOutputStream out, int elem, byte[] value) throws IOException {
    out.write(0xfe);
    out.write(0xff);
    out.write(elem);
    out.write(elem >>> 8);
    for (int i = 0; i < 4; i++) {
      out.write(value.length >>> (8 * i));
    }
    out.write(value);
  }
}
