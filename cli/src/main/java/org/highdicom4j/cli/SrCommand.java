package org.highdicom4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hd4j sr}: create and read TID 1500 Structured Reports in dcmqi's JSON format. */
@Command(
    name = "sr",
    mixinStandardHelpOptions = true,
    description = "Create and read TID 1500 measurement reports (dcmqi tid1500writer/reader JSON).",
    subcommands = {SrCreateCommand.class, SrReadCommand.class})
final class SrCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
