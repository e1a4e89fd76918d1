package org.highdicom4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.json.DicomJsonWriter;
import org.highdicom4j.dicom.json.JsonWriteOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hd4j dump [--json | --json-lines] FILE...}: prints data sets as text in the style of
 * dcmdump, or in the DICOM JSON model (PS3.18 Annex F).
 */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description = "Print DICOM data sets as text (dcmdump-like) or DICOM JSON (PS3.18 F).")
final class DumpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  /** The mutually exclusive output formats. */
  static final class Format {
    @Option(
        names = "--json",
        description = "DICOM JSON: one object for one file, an array for several")
    boolean json;

    @Option(
        names = "--json-lines",
        description =
            "One line per file: {\"file\": PATH, \"dataset\": {...}} or {\"file\": PATH,"
                + " \"error\": MESSAGE}")
    boolean jsonLines;
  }

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "DICOM files")
  List<Path> files;

  @Override
  public Integer call() {
    if (format.jsonLines) {
      return jsonLines();
    }
    if (format.json) {
      return json();
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int status = 0;
    for (Path f : files) {
      if (files.size() > 1) {
        out.println("# File: " + f);
      }
      try {
        DicomFile file = DicomReader.read(f);
        if (!file.fileMetaInformation().isEmpty()) {
          out.println("# Dicom-Meta-Information-Header");
          out.print(DumpFormatter.format(file.fileMetaInformation().dataset()));
        }
        out.println("# Dicom-Data-Set");
        out.println("# Used TransferSyntax: " + file.transferSyntax().uid());
        out.print(DumpFormatter.format(file.dataset()));
      } catch (Exception e) {
        err.println("hd4j dump: " + f + ": " + Messages.describe(e));
        status = 1;
      }
      out.flush();
    }
    return status;
  }

  private int jsonLines() {
    PrintWriter out = spec.commandLine().getOut();
    int status = 0;
    for (Path f : files) {
      StringBuilder line = new StringBuilder("{\"file\": ").append(JsonText.quote(f.toString()));
      try {
        DicomFile file = DicomReader.read(f);
        line.append(", \"dataset\": ").append(DicomJsonWriter.toJson(file.dataset()));
      } catch (Exception e) {
        line.append(", \"error\": ").append(JsonText.quote(Messages.describe(e)));
        status = 1;
      }
      out.println(line.append('}'));
      out.flush();
    }
    return status;
  }

  private int json() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JsonWriteOptions pretty = JsonWriteOptions.DEFAULT.withPretty(true);
    List<String> objects = new ArrayList<>();
    int status = 0;
    for (Path f : files) {
      try {
        objects.add(DicomJsonWriter.toJson(DicomReader.read(f).dataset(), pretty));
      } catch (Exception e) {
        err.println("hd4j dump: " + f + ": " + Messages.describe(e));
        status = 1;
      }
    }
    if (files.size() == 1) {
      if (!objects.isEmpty()) {
        out.println(objects.get(0));
      }
    } else {
      out.println("[" + String.join(",\n", objects) + "]");
    }
    out.flush();
    return status;
  }
}
