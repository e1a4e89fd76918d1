package org.highdicom4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.highdicom4j.codec.Transcoder;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.DicomWriter;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.highdicom4j.dicom.io.WriteOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hd4j transcode IN OUT --ts UID}: re-encodes a file in another transfer syntax. */
@Command(
    name = "transcode",
    mixinStandardHelpOptions = true,
    description = "Read a DICOM file and write it in another transfer syntax.")
final class TranscodeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IN", description = "input file")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "output file")
  Path out;

  @Option(
      names = "--ts",
      required = true,
      paramLabel = "UID",
      description = "Transfer Syntax UID of the output")
  String ts;

  @Override
  public Integer call() throws Exception {
    DicomFile file = DicomReader.read(in);
    TransferSyntax target = TransferSyntax.of(ts);
    DicomDataset transcoded =
        Transcoder.defaultTranscoder().transcode(file.dataset(), file.transferSyntax(), target);
    DicomWriter.write(
        out,
        transcoded,
        file.fileMetaInformation(),
        WriteOptions.DEFAULT.withTransferSyntax(target.uid()));
    return 0;
  }
}
