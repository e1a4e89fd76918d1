package org.highdicom4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hd4j} command: high-level DICOM from the shell. Each subcommand is one class; exit
 * status is 0 on success and non-zero on failure, with the reason on standard error.
 */
@Command(
    name = "hd4j",
    mixinStandardHelpOptions = true,
    version = "hd4j 0.1.0-SNAPSHOT",
    description = "High-level DICOM for the JVM.",
    subcommands = {
      DumpCommand.class,
      PixelsCommand.class,
      TranscodeCommand.class,
      SegCommand.class,
      SrCommand.class,
      DemoCommand.class
    })
public final class Hd4j implements Runnable {

  /** Creates the top-level command (picocli instantiates it). */
  public Hd4j() {}

  /**
   * Runs the command line and exits with its status.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line and returns its exit status, for tests and embedding.
   *
   * @param args command-line arguments
   * @return 0 on success
   */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * Returns the configured command line: failures print "hd4j: reason" on standard error and give
   * exit status 1.
   *
   * @return the command line, ready to execute
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Hd4j());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          cmd.getErr().println("hd4j: " + Messages.describe(ex));
          cmd.getErr().flush();
          return 1;
        });
    return cl;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
