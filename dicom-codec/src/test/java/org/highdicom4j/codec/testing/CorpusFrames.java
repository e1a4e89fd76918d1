package org.highdicom4j.codec.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.PixelDataFrames;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.DicomWriter;
import org.highdicom4j.dicom.io.ReadOptions;
import org.highdicom4j.dicom.io.WriteOptions;
import org.highdicom4j.dicom.testing.SharedData;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared plumbing of the codec tests: the corpus ({@code ../shared}, located by dicom-core's {@link
 * SharedData}) and its reference table, running the external tools (dcmtk, GDCM) that provide
 * independent expected values, and getting encoded frames, fragments, native Pixel Data and Image
 * Pixel attributes out of DICOM files with our own reader ({@link DicomReader}, {@link
 * PixelDataFrames}). Tests that cross-check against dcmtk still ask dcmtk for the expected pixels;
 * only the container handling lives here.
 */
public final class CorpusFrames {

  private CorpusFrames() {}

  private static final Map<String, Boolean> TOOLS = new ConcurrentHashMap<>();

  /**
   * Returns {@code shared/} beside the repository ({@link SharedData#root()}): skips the calling
   * test with one visible line when it is absent, and fails instead when the environment variable
   * CI is set.
   */
  public static Path requireShared() {
    return SharedData.root();
  }

  /** Returns {@code shared/testdata/<path>}, skipping or failing as {@link #requireShared}. */
  public static Path corpusFile(String path) {
    return requireShared().resolve("testdata").resolve(path);
  }

  /**
   * Skips the calling test when an external tool does not run (fails instead when CI is set).
   *
   * @param tool the command, such as {@code dcmdjpls} or {@code gdcmconv}
   */
  public static void requireTool(String tool) {
    if (!TOOLS.computeIfAbsent(tool, CorpusFrames::runs)) {
      unavailable(tool + " is not installed");
    }
  }

  private static boolean runs(String tool) {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void unavailable(String reason) {
    if (System.getenv("CI") != null) {
      fail(reason + " (required when CI is set)");
    }
    System.out.println("[skipped] " + reason);
    Assumptions.abort(reason);
  }

  /**
   * Runs a command and returns its output; fails the test with the output when it exits non-zero or
   * takes longer than two minutes.
   */
  public static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " timed out");
    }
    if (p.exitValue() != 0) {
      fail(String.join(" ", command) + " exited " + p.exitValue() + ": " + out);
    }
    return out;
  }

  /** Runs a command as {@link #run(List)} does. */
  public static String run(String... command) throws IOException, InterruptedException {
    return run(List.of(command));
  }

  /** Returns the rows of {@code reference/pixels.tsv}, as maps from column name to value. */
  public static List<Map<String, String>> referenceRows(Path shared) {
    return SharedData.readTsv(shared.resolve("reference/pixels.tsv"));
  }

  /**
   * Returns the Image Pixel attributes of a row of {@code reference/pixels.tsv}, with Planar
   * Configuration 0 (the layout of the reference decodings).
   */
  public static FrameDescriptor descriptor(Map<String, String> row) {
    return new FrameDescriptor(
        Integer.parseInt(row.get("rows")),
        Integer.parseInt(row.get("columns")),
        Integer.parseInt(row.get("samples_per_pixel")),
        Integer.parseInt(row.get("bits_allocated")),
        Integer.parseInt(row.get("bits_stored")),
        "1".equals(row.get("pixel_representation")),
        0,
        row.get("photometric_stored"));
  }

  /** Returns the SHA-256 of the bytes as lower-case hex. */
  public static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a DICOM file with our reader. */
  public static DicomFile read(Path file) throws IOException {
    return DicomReader.read(file);
  }

  /**
   * Returns the Image Pixel attributes of a file (Rows, Columns, Samples per Pixel, Bits Allocated
   * and Stored, Pixel Representation, Planar Configuration, Photometric Interpretation).
   */
  public static FrameDescriptor descriptor(Path file) throws IOException {
    return PixelDataFrames.descriptor(
        DicomReader.read(file, ReadOptions.DEFAULT.withStopBeforePixelData(true)).dataset());
  }

  /**
   * Returns the encoded frames of an encapsulated file as stored (each frame's fragments joined),
   * split as {@link PixelDataFrames} splits them for Number of Frames (0028,0008).
   */
  public static List<byte[]> encodedFrames(Path file) throws IOException {
    DicomFile f = read(file);
    PixelDataFrames frames =
        new PixelDataFrames(f.dataset(), f.transferSyntax(), CodecRegistry.getDefault());
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < frames.numberOfFrames(); i++) {
      out.add(frames.rawFrame(i));
    }
    return out;
  }

  /**
   * Returns the items of encapsulated Pixel Data (7FE0,0010): item 0 is the Basic Offset Table,
   * then the fragments.
   *
   * @throws IllegalStateException when the Pixel Data is native
   */
  public static Fragments fragments(Path file) throws IOException {
    Fragments f = read(file).dataset().getFragments(Tag.PixelData);
    if (f == null) {
      throw new IllegalStateException("Pixel Data of " + file + " is not encapsulated");
    }
    return f;
  }

  /**
   * Returns the native Pixel Data (7FE0,0010) value, with 16-bit and wider samples little endian.
   */
  public static byte[] nativePixelData(Path file) throws IOException {
    byte[] value = read(file).dataset().getBytes(Tag.PixelData);
    if (value == null) {
      throw new IllegalStateException("no native Pixel Data in " + file);
    }
    return value;
  }

  /**
   * Native Pixel Data as stored in a file.
   *
   * @param vr the value representation, OB or OW
   * @param planarConfiguration Planar Configuration (0028,0006), 0 when absent
   * @param bigEndian whether the data set is Explicit VR Big Endian
   * @param stored the value's bytes in file order (not byte-swapped)
   */
  public record StoredPixelData(
      String vr, int planarConfiguration, boolean bigEndian, byte[] stored) {}

  /** Returns the native Pixel Data (7FE0,0010) of a file exactly as its bytes are stored. */
  public static StoredPixelData storedPixelData(Path file) throws IOException {
    // A threshold of 0 keeps every value as a reference into the file, so the bytes can be read
    // without the reader's byte swapping of big endian values.
    DicomFile f = DicomReader.read(file, ReadOptions.DEFAULT.withBulkDataThreshold(0));
    DicomDataset ds = f.dataset();
    BulkDataRef ref = ds.getBulkDataRef(Tag.PixelData);
    if (ref == null || ref.source() == null) {
      throw new IllegalStateException("no native Pixel Data in " + file);
    }
    byte[] stored = new byte[Math.toIntExact(ref.length())];
    ref.source().read(ref.offset(), stored, 0, stored.length);
    return new StoredPixelData(
        ds.vr(Tag.PixelData).name(),
        ds.getInt(Tag.PlanarConfiguration, 0),
        f.transferSyntax().bigEndian(),
        stored);
  }

  /**
   * Writes a minimal single-frame Secondary Capture file with our writer, so that an independent
   * tool can read the pixels.
   *
   * @param file where to write
   * @param d the Image Pixel attributes
   * @param transferSyntax the transfer syntax UID
   * @param pixels the native frame for a native syntax, the encoded frame for an encapsulated one
   */
  public static Path writeSecondaryCapture(
      Path file, FrameDescriptor d, String transferSyntax, byte[] pixels) throws IOException {
    WriteOptions options = WriteOptions.DEFAULT.withTransferSyntax(transferSyntax);
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
    ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1234567890123456789");
    ds.setString(Tag.ConversionType, VR.CS, "WSD");
    ds.setInt(Tag.SamplesPerPixel, VR.US, d.samplesPerPixel());
    ds.setString(Tag.PhotometricInterpretation, VR.CS, d.photometricInterpretation());
    if (d.samplesPerPixel() > 1) {
      ds.setInt(Tag.PlanarConfiguration, VR.US, d.planarConfiguration());
    }
    ds.setInt(Tag.Rows, VR.US, d.rows());
    ds.setInt(Tag.Columns, VR.US, d.columns());
    ds.setInt(Tag.BitsAllocated, VR.US, d.bitsAllocated());
    ds.setInt(Tag.BitsStored, VR.US, d.bitsStored());
    ds.setInt(Tag.HighBit, VR.US, d.bitsStored() - 1);
    ds.setInt(Tag.PixelRepresentation, VR.US, d.signed() ? 1 : 0);
    if (options.transferSyntax().encapsulated()) {
      Fragments fragments = new Fragments();
      fragments.add(new byte[0]);
      fragments.add(pixels);
      ds.setFragments(Tag.PixelData, VR.OB, fragments);
    } else {
      ds.setBytes(Tag.PixelData, d.bitsAllocated() > 8 ? VR.OW : VR.OB, pixels);
    }
    DicomWriter.write(file, ds, options);
    return file;
  }
}
