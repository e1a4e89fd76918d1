package org.highdicom4j.dicom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.ReadOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOM JSON over the real files of ../shared/testdata: our own round trip, and a cross-check with
 * pydicom 2.3.1 in both directions.
 */
class DicomJsonCorpusTest {
  private static final String PYTHON = "/usr/bin/python3";

  /** The corpus files our DicomReader reads, with the skipped ones reported. */
  private static Map<Path, DicomFile> readable(ReadOptions options) throws IOException {
    Map<Path, DicomFile> out = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    for (Path f : SharedTestData.corpus()) {
      try {
        out.put(f, DicomReader.read(f, options));
      } catch (IOException | RuntimeException e) {
        // The file reader is being fixed elsewhere: its failures are not this package's subject.
        skipped.add(f.getFileName() + " (" + e.getMessage() + ")");
      }
    }
    System.out.println(
        "DICOM JSON corpus: "
            + out.size()
            + " files read, "
            + skipped.size()
            + " skipped because DicomReader failed"
            + (skipped.isEmpty() ? "" : ": " + skipped));
    return out;
  }

  private static String rel(Path f) {
    String s = f.toString();
    int i = s.indexOf("testdata/");
    return i < 0 ? s : s.substring(i + 9);
  }

  @Test
  void roundTripsEveryCorpusFileThroughJson() throws IOException {
    Map<Path, DicomFile> files = readable(ReadOptions.DEFAULT);
    assertTrue(files.size() > 200, "most corpus files should be readable: " + files.size());
    List<String> failures = new ArrayList<>();
    long elements = 0;
    for (Map.Entry<Path, DicomFile> e : files.entrySet()) {
      DicomDataset original = e.getValue().dataset();
      String json = DicomJsonWriter.toJson(original);
      // Our own output must pass the strict reader: it is conformant DICOM JSON.
      DicomDataset back = DicomJsonReader.fromJson(json, JsonReadOptions.DEFAULT.withStrict(true));
      DatasetComparison c = new DatasetComparison(DatasetComparison.Mode.ROUND_TRIP, false);
      c.compare(original, back, "");
      elements += c.elementsCompared;
      if (!c.equal()) {
        failures.add(rel(e.getKey()) + ": " + c.differences);
      }
    }
    System.out.println(
        "DICOM JSON round trip: " + files.size() + " files, " + elements + " elements compared");
    assertTrue(failures.isEmpty(), failures.size() + " files differ: " + failures);
  }

  @Test
  void roundTripsCorpusWithBulkDataUrisAndLazyValues() throws IOException {
    // Values above 256 bytes are read on demand from the file, written as Bulk Data URIs when
    // above 64 bytes, and resolved back to bytes by the reader.
    Map<Path, DicomFile> files = readable(ReadOptions.DEFAULT.withBulkDataThreshold(256));
    Map<String, byte[]> store = new HashMap<>();
    JsonWriteOptions wopts =
        JsonWriteOptions.DEFAULT
            .withPretty(true)
            .withBulkData(
                64,
                ctx -> {
                  String uri = "urn:hd4j:bulk:" + store.size();
                  try {
                    store.put(uri, ctx.load().clone());
                  } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                  }
                  return uri;
                });
    JsonReadOptions ropts =
        JsonReadOptions.DEFAULT.withBulkDataResolver(BulkDataResolver.loading(store::get));
    List<String> failures = new ArrayList<>();
    for (Map.Entry<Path, DicomFile> e : files.entrySet()) {
      DicomDataset original = e.getValue().dataset();
      DicomDataset back = DicomJsonReader.fromJson(DicomJsonWriter.toJson(original, wopts), ropts);
      DatasetComparison c = new DatasetComparison(DatasetComparison.Mode.ROUND_TRIP, false);
      c.compare(original, back, "");
      if (!c.equal()) {
        failures.add(rel(e.getKey()) + ": " + c.differences);
      }
    }
    System.out.println("DICOM JSON bulk data URIs written: " + store.size());
    assertTrue(store.size() > 100, "bulk data URIs should be used: " + store.size());
    assertTrue(failures.isEmpty(), failures.size() + " files differ: " + failures);
  }

  // ------------------------------------------------------------------ pydicom

  /** Runs the pydicom helper script; returns per-input status lines, keyed by input index. */
  private static Map<Integer, String[]> pydicom(String mode, List<Path> inputs, Path outDir)
      throws IOException, InterruptedException {
    Path script = outDir.resolve("pydicom_json.py");
    try (InputStream in = DicomJsonCorpusTest.class.getResourceAsStream("pydicom_json.py")) {
      Files.copy(in, script);
    }
    Path list = outDir.resolve("inputs.txt");
    List<String> lines = new ArrayList<>();
    for (Path p : inputs) {
      lines.add(p.toAbsolutePath().toString());
    }
    Files.write(list, lines, StandardCharsets.UTF_8);
    Path log = outDir.resolve("log.txt");
    Process p =
        new ProcessBuilder(PYTHON, script.toString(), mode, outDir.toString())
            .redirectInput(list.toFile())
            .redirectOutput(log.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("pydicom helper did not finish");
    }
    assertEquals(0, p.exitValue(), "pydicom helper exit status");
    Map<Integer, String[]> out = new HashMap<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      out.put(Integer.parseInt(f[0]), f);
    }
    return out;
  }

  private static void requirePydicom() throws IOException, InterruptedException {
    boolean ok = false;
    if (Files.isExecutable(Path.of(PYTHON))) {
      Process p =
          new ProcessBuilder(PYTHON, "-c", "import pydicom")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
    if (!ok) {
      if (System.getenv("CI") != null) {
        fail("pydicom (" + PYTHON + " -c 'import pydicom') is required under CI");
      }
      System.out.println("SKIPPED: pydicom cross-check (no pydicom for " + PYTHON + ")");
      Assumptions.abort("pydicom not available");
    }
  }

  @Test
  void readsPydicomJsonOfCorpusFilesLikeOurFileReader(@TempDir Path tmp)
      throws IOException, InterruptedException {
    requirePydicom();
    Map<Path, DicomFile> files = readable(ReadOptions.DEFAULT);
    List<Path> paths = new ArrayList<>(files.keySet());
    Map<Integer, String[]> status = pydicom("dump", paths, tmp);
    List<String> failures = new ArrayList<>();
    List<String> pydicomErrors = new ArrayList<>();
    int compared = 0;
    long elements = 0;
    int vrSkips = 0;
    int charsetSkips = 0;
    for (int i = 0; i < paths.size(); i++) {
      String[] st = status.get(i);
      if (st == null || !st[1].equals("OK")) {
        // pydicom's own failures are not ours, but they are shown.
        pydicomErrors.add(rel(paths.get(i)) + (st == null ? "" : " " + st[3]));
        continue;
      }
      DicomFile df = files.get(paths.get(i));
      DicomDataset theirs;
      try (Reader r = Files.newBufferedReader(tmp.resolve(i + ".json"), StandardCharsets.UTF_8)) {
        theirs = DicomJsonReader.read(r, JsonReadOptions.DEFAULT);
      }
      DatasetComparison c =
          new DatasetComparison(DatasetComparison.Mode.PYDICOM, df.transferSyntax().bigEndian());
      c.compare(df.dataset(), theirs, "");
      compared++;
      elements += c.elementsCompared;
      vrSkips += c.skippedVrMismatch;
      charsetSkips += c.skippedCharset;
      if (!c.equal()) {
        failures.add(rel(paths.get(i)) + ": " + c.differences);
      }
    }
    System.out.println(
        "pydicom JSON -> our reader: "
            + compared
            + " files, "
            + elements
            + " elements compared; values not compared: "
            + vrSkips
            + " VR disagreements (UN, private or ambiguous VRs pydicom infers), "
            + charsetSkips
            + " text values in character sets the interim decoder lacks; pydicom failed on "
            + pydicomErrors.size()
            + (pydicomErrors.isEmpty() ? "" : ": " + pydicomErrors));
    assertTrue(compared > 200, "files compared: " + compared);
    assertTrue(failures.isEmpty(), failures.size() + " files differ: " + failures);
  }

  @Test
  void pydicomParsesOurJsonOfCorpusFiles(@TempDir Path tmp)
      throws IOException, InterruptedException {
    requirePydicom();
    Map<Path, DicomFile> files = readable(ReadOptions.DEFAULT);
    List<Path> jsons = new ArrayList<>();
    List<DicomFile> sources = new ArrayList<>();
    Path ours = Files.createDirectory(tmp.resolve("ours"));
    Path back = Files.createDirectory(tmp.resolve("back"));
    for (DicomFile df : files.values()) {
      Path j = ours.resolve(jsons.size() + ".json");
      try (var w = Files.newBufferedWriter(j, StandardCharsets.UTF_8)) {
        DicomJsonWriter.write(df, w, JsonWriteOptions.DEFAULT.withFileMetaInformation(true));
      }
      jsons.add(j);
      sources.add(df);
    }
    Map<Integer, String[]> status = pydicom("reparse", jsons, back);
    List<String> errors = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < jsons.size(); i++) {
      String[] st = status.get(i);
      if (st == null || !st[1].equals("OK")) {
        errors.add(i + ": " + (st == null ? "no output" : st[3]));
        continue;
      }
      // What pydicom understood, written again by pydicom, must match our data set.
      DicomDataset theirs;
      try (Reader r = Files.newBufferedReader(back.resolve(i + ".json"), StandardCharsets.UTF_8)) {
        theirs = DicomJsonReader.read(r, JsonReadOptions.DEFAULT);
      }
      DicomDataset expected = sources.get(i).dataset().deepCopy();
      DicomDataset meta = sources.get(i).fileMetaInformation().dataset();
      expected.copyFrom(meta, meta.tags());
      DatasetComparison c = new DatasetComparison(DatasetComparison.Mode.PYDICOM, false);
      c.compare(expected, theirs, "");
      if (!c.equal()) {
        failures.add(i + ": " + c.differences);
      }
    }
    System.out.println(
        "our JSON -> pydicom Dataset.from_json: "
            + (jsons.size() - errors.size())
            + " of "
            + jsons.size()
            + " parsed");
    assertTrue(errors.isEmpty(), "pydicom rejected our JSON: " + errors);
    assertTrue(failures.isEmpty(), failures.size() + " files differ: " + failures);
  }
}
