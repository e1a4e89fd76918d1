package org.highdicom4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hd4j dump FILE...}: prints data sets as text in the style of dcmdump. */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description = "Print DICOM data sets as text (dcmdump-like).")
final class DumpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "DICOM files")
  List<Path> files;

  @Override
  public Integer call() {
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
}
