package org.highdicom4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.highdicom4j.sr.SRDocument;
import org.highdicom4j.sr.StructuredReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hd4j sr read SR.dcm --json}: dcmqi's tid1500reader, the report as dcmqi JSON. */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = "Print a TID 1500 SR as dcmqi's measurement JSON (tid1500reader).")
final class SrReadCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SR.dcm", description = "SR document")
  Path in;

  @Option(names = "--json", required = true, description = "print dcmqi's TID 1500 JSON")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SRDocument sr = StructuredReports.read(in);
    String text =
        Tid1500Json.mapper()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(Tid1500Json.toJson(sr));
    spec.commandLine().getOut().println(text);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
