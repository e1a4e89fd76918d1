package org.highdicom4j.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads every corpus file, writes it in its own transfer syntax and in Explicit VR Little Endian,
 * reads it back and checks that nothing changed; DCMTK's {@code dcmdump} must read each written
 * file without warnings and dicom3tools' {@code dciodvfy} must find no error that the original did
 * not have.
 */
class DicomWriterCorpusRoundTripTest {
  private static final int THREADS =
      Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void roundTripsEveryCorpusFileInItsOwnSyntaxAndExplicitLittleEndian(@TempDir Path tmp)
      throws Exception {
    SharedData.assumeAvailable();
    ExternalTools.assumeInstalled("dcmdump", "dciodvfy", "dcmconv");
    List<String> files = SharedData.dicomFiles();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger written = new AtomicInteger();
    AtomicInteger counter = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (String f : files) {
        tasks.add(
            pool.submit(
                () -> {
                  try {
                    written.addAndGet(
                        roundTrip(f, SharedData.testdata().resolve(f), tmp, counter, failures));
                  } catch (Exception | AssertionError e) {
                    failures.add(f + ": " + e);
                  }
                  return null;
                }));
      }
      for (Future<?> t : tasks) {
        t.get();
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("round trip: %d files written, read back and validated%n", written.get());
    Collections.sort(failures);
    assertEquals(List.of(), failures);
  }

  /** Round-trips one file; returns the number of files written. */
  private static int roundTrip(
      String name, Path source, Path tmp, AtomicInteger counter, List<String> failures)
      throws Exception {
    DicomFile original;
    try {
      original = DicomReader.read(source);
    } catch (DicomStreamException e) {
      return 0; // malformed on purpose; the corpus walk checks how
    }
    TransferSyntax own = TransferSyntax.of(original.transferSyntax().uid());
    List<TransferSyntax> targets = new ArrayList<>();
    targets.add(own);
    boolean encapsulated = original.dataset().getFragments(DatasetParser.PIXEL_DATA) != null;
    if (!encapsulated && !own.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
      targets.add(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }
    FileMetaInformation meta =
        original.fileMetaInformation().isEmpty() ? null : original.fileMetaInformation();
    DicomDataset expected = DatasetDiff.asWritten(original.dataset());
    Set<String> originalErrors = null;
    List<String> originalComplaints = null;
    int n = 0;
    for (TransferSyntax ts : targets) {
      Path out = tmp.resolve(counter.incrementAndGet() + ".dcm");
      DicomWriter.write(out, original.dataset(), meta, new WriteOptions(ts, false, true, 6));
      n++;
      String label = name + " as " + ts.uid();
      DicomFile back = DicomReader.read(out);
      if (!back.transferSyntax().equals(ts)) {
        failures.add(label + ": read back as " + back.transferSyntax());
      }
      DicomDataset actual = DatasetDiff.withoutGroupLengths(back.dataset());
      if (!expected.equals(actual)) {
        failures.add(label + ": data set changed: " + DatasetDiff.describe(expected, actual));
      }
      ExternalTools.Result dump = ExternalTools.exec("dcmdump", "-dc", out.toString());
      List<String> complaints = complaints(dump.stderr());
      if (!complaints.isEmpty()) {
        if (originalComplaints == null) {
          originalComplaints =
              complaints(ExternalTools.exec("dcmdump", "-dc", source.toString()).stderr());
        }
        complaints.removeAll(originalComplaints);
      }
      if (dump.status() != 0 || !complaints.isEmpty()) {
        failures.add(label + ": dcmdump status " + dump.status() + " " + complaints);
      }
      if (originalErrors == null) {
        originalErrors = baselineErrors(source, tmp, counter);
      }
      Set<String> errors = dciodvfyErrors(out);
      errors.removeAll(originalErrors);
      errors.removeAll(KNOWN_ERRORS.getOrDefault(name, Set.of()));
      if (!errors.isEmpty()) {
        failures.add(label + ": new dciodvfy errors " + errors);
      }
    }
    return n;
  }

  /**
   * Errors that dciodvfy reports on our copy of a file but could not report on the original,
   * because it stopped reading the original before them, and which DCMTK cannot convert either.
   */
  private static final Map<String, Set<String>> KNOWN_ERRORS =
      Map.of(
          // Cut inside its Pixel Data on purpose (reference README, "Malformed inputs"); we keep
          // the bytes that are there, dciodvfy and dcmconv give up on the original.
          "pydicom/MR_truncated.dcm",
          Set.of(
              "Error - PixelData has incorrect value length - expected 8192 dec - got 8130 dec"));

  /**
   * The dciodvfy errors of the original; when dciodvfy cannot read it to the end (it reads no
   * deflated data sets, and stops at some oddities), also those of DCMTK's Explicit VR Little
   * Endian conversion of it, an independent reading of the same content.
   */
  private static Set<String> baselineErrors(Path source, Path tmp, AtomicInteger counter)
      throws Exception {
    ExternalTools.Result r = ExternalTools.exec("dciodvfy", source.toString());
    Set<String> errors = errorLines(r);
    if (errors.contains("Error - Dicom dataset read failed")) {
      Path converted = tmp.resolve(counter.incrementAndGet() + "-dcmtk.dcm");
      if (ExternalTools.exec("dcmconv", "+te", source.toString(), converted.toString()).status()
          == 0) {
        errors.addAll(dciodvfyErrors(converted));
      }
    }
    return errors;
  }

  private static List<String> complaints(String stderr) {
    List<String> out = new ArrayList<>();
    for (String line : stderr.split("\n")) {
      if (line.startsWith("W:") || line.startsWith("E:")) {
        out.add(line);
      }
    }
    return out;
  }

  /** dciodvfy's Error lines, without surrounding white space. */
  static Set<String> dciodvfyErrors(Path file) throws Exception {
    return errorLines(ExternalTools.exec("dciodvfy", file.toString()));
  }

  private static Set<String> errorLines(ExternalTools.Result r) {
    Set<String> errors = new TreeSet<>();
    for (String line : (r.stdout() + "\n" + r.stderr()).split("\n")) {
      if (line.startsWith("Error")) {
        errors.add(line.strip());
      }
    }
    return errors;
  }
}
