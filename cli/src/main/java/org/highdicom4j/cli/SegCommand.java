package org.highdicom4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hd4j seg}: create and read DICOM Segmentation images. */
@Command(
    name = "seg",
    mixinStandardHelpOptions = true,
    description = "Create or read DICOM Segmentation (SEG) images.",
    subcommands = {SegCreateCommand.class, SegReadCommand.class})
final class SegCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
