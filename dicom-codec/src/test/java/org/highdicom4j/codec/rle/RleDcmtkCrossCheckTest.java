package org.highdicom4j.codec.rle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.highdicom4j.codec.FrameCodecContractTest;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.uncompressed.BasicCodecCorpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decodes frames encoded by {@link RleCodec} with DCMTK's independent RLE decoder: each frame is
 * wrapped in a minimal Secondary Capture file (written here byte by byte), decompressed with {@code
 * dcmdrle} and extracted with {@code dcmdump +W}.
 */
class RleDcmtkCrossCheckTest {

  private static final String RLE = RleCodec.RLE_LOSSLESS;

  @TempDir Path tmp;

  static Stream<FrameDescriptor> descriptors() {
    return Stream.of(
        new FrameDescriptor(37, 41, 1, 8, 8, false, 0, "MONOCHROME2"),
        new FrameDescriptor(37, 41, 3, 8, 8, false, 0, "RGB"),
        new FrameDescriptor(37, 300, 1, 16, 16, true, 0, "MONOCHROME2"),
        new FrameDescriptor(37, 41, 3, 16, 16, false, 0, "RGB"),
        new FrameDescriptor(37, 41, 1, 32, 32, false, 0, "MONOCHROME2"),
        new FrameDescriptor(37, 41, 3, 32, 32, false, 0, "RGB"));
  }

  @ParameterizedTest
  @MethodSource("descriptors")
  void dcmdrleDecodesOurEncodingToTheSameValues(FrameDescriptor d) throws Exception {
    requireTool("dcmdrle");
    requireTool("dcmdump");
    byte[] frame = FrameCodecContractTest.randomFrame(d, 42);
    byte[] encoded = new RleCodec().encode(RLE, frame, d);
    Path in = tmp.resolve("rle.dcm");
    Path out = tmp.resolve("native.dcm");
    Files.write(in, secondaryCapture(d, encoded));
    run("dcmdrle", in.toString(), out.toString());
    Path dir = Files.createDirectories(tmp.resolve("dump"));
    BasicCodecCorpus.Dump dump = BasicCodecCorpus.dump(out, dir);
    byte[] value = Files.readAllBytes(dump.nativeValue());
    // dcmdrle writes Explicit VR Little Endian; dcmdump +W writes host (little endian) order
    assertEquals(frame.length + (frame.length & 1), value.length);
    assertArrayEquals(frame, Arrays.copyOf(value, frame.length));
  }

  private static void requireTool(String tool) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      if (System.getenv("CI") != null) {
        fail(tool + " (DCMTK) is needed when CI is set");
      }
      System.out.println("SKIPPED DCMTK cross-check: " + tool + " not found");
      Assumptions.abort(tool + " not found");
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail(String.join(" ", command) + " failed: " + output);
    }
  }

  /** A minimal Secondary Capture Image file, Explicit VR Little Endian meta, RLE data set. */
  static byte[] secondaryCapture(FrameDescriptor d, byte[] encodedFrame) {
    String sopClass = "1.2.840.10008.5.1.4.1.1.7";
    String instance = "2.25.1234567890123456789";
    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    element(meta, 0x0002, 0x0001, "OB", new byte[] {0, 1});
    element(meta, 0x0002, 0x0002, "UI", ui(sopClass));
    element(meta, 0x0002, 0x0003, "UI", ui(instance));
    element(meta, 0x0002, 0x0010, "UI", ui(RLE));
    element(meta, 0x0002, 0x0012, "UI", ui("2.25.42"));
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(new byte[128]);
    file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
    element(file, 0x0002, 0x0000, "UL", le(meta.size(), 4));
    file.writeBytes(meta.toByteArray());
    element(file, 0x0008, 0x0016, "UI", ui(sopClass));
    element(file, 0x0008, 0x0018, "UI", ui(instance));
    element(file, 0x0028, 0x0002, "US", le(d.samplesPerPixel(), 2));
    String pi = d.photometricInterpretation();
    element(
        file,
        0x0028,
        0x0004,
        "CS",
        ((pi.length() & 1) == 0 ? pi : pi + " ").getBytes(StandardCharsets.US_ASCII));
    if (d.samplesPerPixel() > 1) {
      element(file, 0x0028, 0x0006, "US", le(0, 2));
    }
    element(file, 0x0028, 0x0010, "US", le(d.rows(), 2));
    element(file, 0x0028, 0x0011, "US", le(d.columns(), 2));
    element(file, 0x0028, 0x0100, "US", le(d.bitsAllocated(), 2));
    element(file, 0x0028, 0x0101, "US", le(d.bitsStored(), 2));
    element(file, 0x0028, 0x0102, "US", le(d.bitsStored() - 1, 2));
    element(file, 0x0028, 0x0103, "US", le(d.signed() ? 1 : 0, 2));
    // encapsulated Pixel Data: OB, undefined length, empty offset table, one fragment, delimiter
    file.writeBytes(le(0x7FE0, 2));
    file.writeBytes(le(0x0010, 2));
    file.writeBytes("OB".getBytes(StandardCharsets.US_ASCII));
    file.writeBytes(new byte[] {0, 0, -1, -1, -1, -1});
    item(file, 0xE000, new byte[0]);
    byte[] fragment =
        (encodedFrame.length & 1) == 0
            ? encodedFrame
            : Arrays.copyOf(encodedFrame, encodedFrame.length + 1);
    item(file, 0xE000, fragment);
    item(file, 0xE0DD, new byte[0]);
    return file.toByteArray();
  }

  private static void item(ByteArrayOutputStream out, int element, byte[] value) {
    out.writeBytes(le(0xFFFE, 2));
    out.writeBytes(le(element, 2));
    out.writeBytes(le(value.length, 4));
    out.writeBytes(value);
  }

  private static void element(ByteArrayOutputStream out, int group, int elem, String vr, byte[] v) {
    out.writeBytes(le(group, 2));
    out.writeBytes(le(elem, 2));
    out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
    if (vr.equals("OB")) {
      out.writeBytes(new byte[2]);
      out.writeBytes(le(v.length, 4));
    } else {
      out.writeBytes(le(v.length, 2));
    }
    out.writeBytes(v);
  }

  private static byte[] ui(String uid) {
    byte[] b = uid.getBytes(StandardCharsets.US_ASCII);
    return (b.length & 1) == 0 ? b : Arrays.copyOf(b, b.length + 1);
  }

  private static byte[] le(long v, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (v >>> (8 * i));
    }
    return b;
  }
}
