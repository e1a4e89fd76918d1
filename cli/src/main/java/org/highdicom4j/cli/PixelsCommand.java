package org.highdicom4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.PixelDataFrames;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hd4j pixels --sha256 [--frames 1,3-5] FILE...}: one TSV line per frame with the SHA-256,
 * minimum, maximum and mean of its decoded stored values, as ../shared/reference/README.md defines
 * them.
 */
@Command(
    name = "pixels",
    mixinStandardHelpOptions = true,
    description = "Print a TSV line per frame: hash and statistics of the decoded stored values.")
final class PixelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--sha256",
      required = true,
      description = "Hash the stored values with SHA-256 (the only digest offered)")
  boolean sha256;

  @Option(
      names = "--frames",
      paramLabel = "LIST",
      description = "1-based frames, e.g. 1,3-5 (default: all)")
  String frames;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "DICOM files")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int status = 0;
    for (Path f : files) {
      try {
        DicomFile file = DicomReader.read(f);
        PixelDataFrames px =
            new PixelDataFrames(file.dataset(), file.transferSyntax(), CodecRegistry.getDefault());
        List<Integer> which = frameList(frames, px.numberOfFrames());
        List<String> lines = new ArrayList<>();
        for (int n : which) {
          DecodedFrame frame = px.decodeStored(n - 1);
          lines.add(line(f, n, px, frame));
        }
        lines.forEach(out::println);
      } catch (Exception e) {
        out.println(f + "\tERROR\t" + Messages.describe(e).replace('\t', ' ').replace('\n', ' '));
        status = 1;
      }
      out.flush();
    }
    return status;
  }

  static String line(Path f, int n, PixelDataFrames px, DecodedFrame frame) {
    FrameDescriptor d = px.descriptor();
    FrameStatistics s = FrameStatistics.of(frame.data(), d, px.isFloatingPoint());
    return String.join(
        "\t",
        f.toString(),
        Integer.toString(n),
        Integer.toString(d.rows()),
        Integer.toString(d.columns()),
        Integer.toString(d.samplesPerPixel()),
        s.dtype(),
        frame.photometricInterpretation(),
        s.sha256(),
        format(s.min()),
        format(s.max()),
        String.format(Locale.ROOT, "%.6f", s.mean()));
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }

  /**
   * Parses a frame list like "1,3-5" against the number of frames.
   *
   * @throws IllegalArgumentException when a number is outside 1..n or the syntax is wrong
   */
  static List<Integer> frameList(String spec, int n) {
    List<Integer> out = new ArrayList<>();
    if (spec == null) {
      for (int i = 1; i <= n; i++) {
        out.add(i);
      }
      return out;
    }
    for (String part : spec.split(",")) {
      String p = part.strip();
      int dash = p.indexOf('-');
      int from;
      int to;
      try {
        from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
        to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--frames expects numbers and ranges like 1,3-5: " + p);
      }
      if (from < 1 || to > n || from > to) {
        throw new IllegalArgumentException(
            "--frames range " + p + " is outside the file's frames (expected within 1-" + n + ")");
      }
      for (int i = from; i <= to; i++) {
        out.add(i);
      }
    }
    return out;
  }
}
