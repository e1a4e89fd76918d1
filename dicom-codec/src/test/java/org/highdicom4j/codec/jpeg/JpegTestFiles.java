package org.highdicom4j.codec.jpeg;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.highdicom4j.codec.FrameDescriptor;
import org.junit.jupiter.api.Assumptions;

/**
 * Test utilities for the JPEG codec: the shared corpus and reference table, DCMTK as an independent
 * encoder, decoder and fragment extractor, and a minimal Part 10 writer to hand our codestreams to
 * DCMTK.
 */
final class JpegTestFiles {

  private JpegTestFiles() {}

  private static final Pattern RAW_FILE = Pattern.compile("=(\\S+\\.raw)");

  /** Returns {@code ../shared} found above the working directory, or null. */
  static Path shared() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    return p == null ? null : p.resolve("shared");
  }

  /** Returns the corpus folder, skipping the test when it or DCMTK is absent (failing under CI). */
  static Path requireCorpus() {
    Path shared = shared();
    boolean ok = shared != null && dcmtkAvailable();
    if (!ok) {
      String why = "JPEG corpus tests skipped: ../shared/testdata or dcmtk (dcmdump) is absent";
      if (System.getenv("CI") != null) {
        fail(why);
      }
      System.out.println(why);
      Assumptions.assumeTrue(false, why);
    }
    return shared;
  }

  static boolean dcmtkAvailable() {
    try {
      return run(List.of("dcmdump", "--version")).exitCode == 0;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  record Result(int exitCode, String output) {}

  static Result run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns the value files {@code dcmdump +W} writes for Pixel Data: for native data one file, for
   * encapsulated data the Basic Offset Table followed by one file per fragment; null when dcmdump
   * cannot read the file.
   */
  static List<byte[]> pixelDataItems(Path dicom, Path workDir) throws IOException {
    Path dir = Files.createTempDirectory(workDir, "dcmdump");
    Result r = run(List.of("dcmdump", "+L", "+W", dir.toString(), dicom.toString()));
    if (r.exitCode != 0) {
      return null;
    }
    List<byte[]> items = new ArrayList<>();
    boolean inPixelData = false;
    for (String line : r.output.split("\n")) {
      String t = line.strip();
      if (t.startsWith("(7fe0,0010)")) {
        inPixelData = true;
      } else if (inPixelData && !t.startsWith("(fffe,")) {
        inPixelData = false;
      }
      if (inPixelData) {
        Matcher m = RAW_FILE.matcher(t);
        if (m.find()) {
          items.add(Files.readAllBytes(Path.of(m.group(1))));
        }
      }
    }
    if (items.isEmpty()) {
      throw new IllegalStateException("no Pixel Data values in dcmdump output: " + r.output);
    }
    return items;
  }

  /**
   * Returns the encoded frames of an encapsulated file: fragments after the Basic Offset Table,
   * joined per frame (a frame starts with a fragment that starts with SOI). Files DCMTK cannot
   * parse are scanned for the encapsulated Pixel Data directly.
   */
  static List<byte[]> encodedFrames(Path dicom, int frameCount, Path workDir) throws IOException {
    List<byte[]> items = pixelDataItems(dicom, workDir);
    if (items == null) {
      items = scanEncapsulatedItems(Files.readAllBytes(dicom));
    }
    List<byte[]> fragments = items.subList(1, items.size());
    List<byte[]> frames = new ArrayList<>();
    if (fragments.size() == frameCount) {
      frames.addAll(fragments);
      return frames;
    }
    ByteArrayOutputStream current = null;
    for (byte[] f : fragments) {
      boolean soi = f.length >= 2 && (f[0] & 0xff) == 0xff && (f[1] & 0xff) == 0xd8;
      if (current == null || (soi && frameCount > 1)) {
        if (current != null) {
          frames.add(current.toByteArray());
        }
        current = new ByteArrayOutputStream();
      }
      current.write(f);
    }
    if (current != null) {
      frames.add(current.toByteArray());
    }
    return frames;
  }

  /**
   * Finds the last (7FE0,0010) element with undefined length and returns its items (for files whose
   * data set DCMTK cannot parse, such as an implicit VR data set behind explicit VR meta).
   */
  static List<byte[]> scanEncapsulatedItems(byte[] file) {
    for (int i = file.length - 8; i >= 0; i--) {
      if ((file[i] & 0xff) == 0xe0
          && (file[i + 1] & 0xff) == 0x7f
          && file[i + 2] == 0x10
          && file[i + 3] == 0) {
        int p = i + 4;
        if (file[p] == 'O' && file[p + 1] == 'B') {
          p += 4;
        }
        if (le32(file, p) != -1) {
          continue;
        }
        p += 4;
        List<byte[]> items = new ArrayList<>();
        while (p + 8 <= file.length && le16(file, p) == 0xfffe && le16(file, p + 2) == 0xe000) {
          int len = le32(file, p + 4);
          items.add(java.util.Arrays.copyOfRange(file, p + 8, p + 8 + len));
          p += 8 + len;
        }
        return items;
      }
    }
    throw new IllegalStateException("no encapsulated Pixel Data found");
  }

  private static int le16(byte[] b, int p) {
    return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
  }

  private static int le32(byte[] b, int p) {
    return le16(b, p) | le16(b, p + 2) << 16;
  }

  /** Decodes a file with {@code dcmdjpeg +cn +px} (no colour conversion, interleaved). */
  static byte[] dcmdjpegPixels(Path dicom, Path workDir) throws IOException {
    Path out = Files.createTempFile(workDir, "dcmdjpeg", ".dcm");
    Result r = run(List.of("dcmdjpeg", "+cn", "+px", "+te", dicom.toString(), out.toString()));
    if (r.exitCode != 0) {
      throw new IllegalStateException("dcmdjpeg failed: " + r.output);
    }
    List<byte[]> items = pixelDataItems(out, workDir);
    if (items == null || items.size() != 1) {
      throw new IllegalStateException("no native Pixel Data in " + out);
    }
    return items.get(0);
  }

  /** Encodes a file with {@code dcmcjpeg} and the given options. */
  static Path dcmcjpeg(Path dicom, Path workDir, String... options) {
    try {
      Path out = Files.createTempFile(workDir, "dcmcjpeg", ".dcm");
      List<String> cmd = new ArrayList<>();
      cmd.add("dcmcjpeg");
      cmd.addAll(List.of(options));
      cmd.add(dicom.toString());
      cmd.add(out.toString());
      Result r = run(cmd);
      if (r.exitCode != 0) {
        throw new IllegalStateException("dcmcjpeg failed: " + r.output);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the Image Pixel attributes of a file from {@code dcmdump} output. */
  static FrameDescriptor descriptorOf(Path dicom) {
    String out = run(List.of("dcmdump", "+L", dicom.toString())).output;
    return new FrameDescriptor(
        intValue(out, "0028,0010"),
        intValue(out, "0028,0011"),
        intValue(out, "0028,0002"),
        intValue(out, "0028,0100"),
        intValue(out, "0028,0101"),
        intValue(out, "0028,0103") == 1,
        0,
        stringValue(out, "0028,0004"));
  }

  /** Reads Number of Frames (0028,0008) of a file from {@code dcmdump} output; 1 if absent. */
  static int numberOfFrames(Path dicom) {
    String out = run(List.of("dcmdump", "+L", dicom.toString())).output;
    Matcher m = Pattern.compile("\\(0028,0008\\) IS \\[\\s*(\\d+)").matcher(out);
    return m.find() ? Integer.parseInt(m.group(1)) : 1;
  }

  private static int intValue(String dump, String tag) {
    Matcher m = Pattern.compile("\\(" + tag + "\\) US (\\d+)").matcher(dump);
    if (!m.find()) {
      throw new IllegalStateException("no (" + tag + ") in dcmdump output");
    }
    return Integer.parseInt(m.group(1));
  }

  private static String stringValue(String dump, String tag) {
    Matcher m = Pattern.compile("\\(" + tag + "\\) CS \\[([^\\]]*)\\]").matcher(dump);
    if (!m.find()) {
      throw new IllegalStateException("no (" + tag + ") in dcmdump output");
    }
    return m.group(1).strip();
  }

  /** Reads the rows of pixels.tsv as maps from column name to value. */
  static List<Map<String, String>> referenceRows(Path shared) throws IOException {
    List<String> lines = Files.readAllLines(shared.resolve("reference/pixels.tsv"));
    String[] header = lines.get(0).split("\t", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], i < f.length ? f[i] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes a minimal Secondary Capture Part 10 file holding one encapsulated frame, so that DCMTK
   * can decode our codestreams.
   */
  static Path writeEncapsulated(Path file, FrameDescriptor d, String ts, byte[] frame)
      throws IOException {
    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    String sopClass = "1.2.840.10008.5.1.4.1.1.7";
    String sopInstance = "1.2.826.0.1.3680043.10.1234.1";
    element(meta, 0x0002, 0x0001, "OB", new byte[] {0, 1});
    element(meta, 0x0002, 0x0002, "UI", uid(sopClass));
    element(meta, 0x0002, 0x0003, "UI", uid(sopInstance));
    element(meta, 0x0002, 0x0010, "UI", uid(ts));
    element(meta, 0x0002, 0x0012, "UI", uid("1.2.826.0.1.3680043.10.1234"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[128]);
    out.write("DICM".getBytes(StandardCharsets.US_ASCII));
    element(out, 0x0002, 0x0000, "UL", le(meta.size(), 4));
    meta.writeTo(out);
    element(out, 0x0008, 0x0016, "UI", uid(sopClass));
    element(out, 0x0008, 0x0018, "UI", uid(sopInstance));
    element(out, 0x0008, 0x0064, "CS", text("WSD"));
    element(out, 0x0028, 0x0002, "US", le(d.samplesPerPixel(), 2));
    element(out, 0x0028, 0x0004, "CS", text(d.photometricInterpretation()));
    if (d.samplesPerPixel() > 1) {
      element(out, 0x0028, 0x0006, "US", le(0, 2));
    }
    element(out, 0x0028, 0x0010, "US", le(d.rows(), 2));
    element(out, 0x0028, 0x0011, "US", le(d.columns(), 2));
    element(out, 0x0028, 0x0100, "US", le(d.bitsAllocated(), 2));
    element(out, 0x0028, 0x0101, "US", le(d.bitsStored(), 2));
    element(out, 0x0028, 0x0102, "US", le(d.bitsStored() - 1, 2));
    element(out, 0x0028, 0x0103, "US", le(d.signed() ? 1 : 0, 2));
    out.write(le(0x7fe0, 2));
    out.write(le(0x0010, 2));
    out.write("OB".getBytes(StandardCharsets.US_ASCII));
    out.write(new byte[2]);
    out.write(le(-1, 4));
    item(out, new byte[0]);
    item(out, frame.length % 2 == 0 ? frame : java.util.Arrays.copyOf(frame, frame.length + 1));
    out.write(le(0xfffe, 2));
    out.write(le(0xe0dd, 2));
    out.write(le(0, 4));
    Files.write(file, out.toByteArray());
    return file;
  }

  private static void item(ByteArrayOutputStream out, byte[] value) throws IOException {
    out.write(le(0xfffe, 2));
    out.write(le(0xe000, 2));
    out.write(le(value.length, 4));
    out.write(value);
  }

  private static void element(ByteArrayOutputStream out, int group, int elem, String vr, byte[] v)
      throws IOException {
    out.write(le(group, 2));
    out.write(le(elem, 2));
    out.write(vr.getBytes(StandardCharsets.US_ASCII));
    if (vr.equals("OB")) {
      out.write(new byte[2]);
      out.write(le(v.length, 4));
    } else {
      out.write(le(v.length, 2));
    }
    out.write(v);
  }

  private static byte[] le(int v, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (v >> (8 * i));
    }
    return b;
  }

  private static byte[] uid(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return b.length % 2 == 0 ? b : java.util.Arrays.copyOf(b, b.length + 1);
  }

  private static byte[] text(String s) {
    return (s.length() % 2 == 0 ? s : s + " ").getBytes(StandardCharsets.US_ASCII);
  }
}
