package org.highdicom4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UidRegistry;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.sample.SyntheticCtSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hd4j demo}: a tour of what the library does, on a synthetic CT phantom it generates,
 * writes with our writer, reads back and checks.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Write a synthetic CT series, read it back and summarise it.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output directory (default: a new temporary directory)")
  Path out;

  @Option(
      names = "--slices",
      defaultValue = "64",
      description = "Number of CT slices (default: ${DEFAULT-VALUE})")
  int slices;

  @Option(
      names = "--size",
      defaultValue = "128",
      description = "Rows and columns of each slice (default: ${DEFAULT-VALUE})")
  int size;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    Path dir = out != null ? out : Files.createTempDirectory("hd4j-demo-");
    Path ctDir = dir.resolve("ct");
    o.println("highdicom4j demo — output in " + dir);

    long t0 = System.nanoTime();
    SyntheticCtSeries series = new SyntheticCtSeries(slices, size, size, 0.7 * 512 / size, 1.25);
    Progress progress = new Progress(spec.commandLine().getErr(), "writing CT slices", slices);
    List<Path> files = series.writeTo(ctDir, s -> progress.step());
    progress.done();
    long t1 = System.nanoTime();
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    o.printf(
        "1. Wrote %d CT Image Storage instances (%d x %d, int16) in %.0f ms, %.1f MB%n",
        files.size(), size, size, (t1 - t0) / 1e6, bytes / 1e6);

    List<DicomDataset> read = new ArrayList<>();
    for (Path f : files) {
      DicomFile df = DicomReader.read(f);
      read.add(df.dataset());
    }
    long t2 = System.nanoTime();
    read.sort(Comparator.comparingDouble(ds -> ds.getDoubles(Tag.ImagePositionPatient)[2]));
    DicomDataset first = read.get(0);
    double z0 = first.getDoubles(Tag.ImagePositionPatient)[2];
    double z1 = read.get(read.size() - 1).getDoubles(Tag.ImagePositionPatient)[2];
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (DicomDataset ds : read) {
      byte[] px = ds.getBytes(Tag.PixelData);
      for (int i = 0; i + 1 < px.length; i += 2) {
        int v = (short) ((px[i] & 0xff) | px[i + 1] << 8);
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    o.printf(
        "2. Read them back in %.0f ms: %s, patient %s, study %s%n",
        (t2 - t1) / 1e6,
        UidRegistry.nameOf(first.getString(Tag.SOPClassUID)),
        first.getPersonName(Tag.PatientName),
        first.getString(Tag.StudyInstanceUID));
    o.printf(
        "   sorted along z: %.2f .. %.2f mm (%d slices), pixel values %d .. %d HU%n",
        z0, z1, read.size(), min, max);
    o.println("   organs: " + organs());

    Validation v = Validation.run(List.of(files.get(0), files.get(files.size() - 1)));
    o.println("3. " + v.summary());
    o.flush();
    return v.failed() ? 1 : 0;
  }

  private static String organs() {
    StringBuilder sb = new StringBuilder();
    for (SyntheticCtSeries.Organ organ : SyntheticCtSeries.Organ.values()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(organ.label()).append(' ').append(organ.hounsfieldUnits()).append(" HU");
    }
    return sb.toString();
  }

  /** Output of dciodvfy over some files, when it is installed. */
  record Validation(boolean available, int errors, List<String> lines) {
    static Validation run(List<Path> files) throws IOException, InterruptedException {
      if (!onPath("dciodvfy")) {
        return new Validation(false, 0, List.of());
      }
      int errors = 0;
      List<String> lines = new ArrayList<>();
      for (Path f : files) {
        Process p = new ProcessBuilder("dciodvfy", f.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        for (String line : text.split("\n")) {
          if (line.startsWith("Error")) {
            errors++;
            lines.add(f.getFileName() + ": " + line);
          }
        }
      }
      return new Validation(true, errors, lines);
    }

    boolean failed() {
      return errors > 0;
    }

    String summary() {
      if (!available) {
        return "dciodvfy is not installed: validation skipped"
            + " (../shared/tools/install-validators.sh installs it)";
      }
      return "dciodvfy: "
          + errors
          + " errors"
          + (lines.isEmpty() ? "" : "\n   " + String.join("\n   ", lines));
    }
  }

  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
