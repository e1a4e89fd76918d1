package org.highdicom4j.codec.jpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.highdicom4j.codec.testing.CorpusFrames;

/**
 * Test utilities for the JPEG codec: DCMTK as an independent encoder ({@code dcmcjpeg}) and decoder
 * ({@code dcmdjpeg}). Files are read and written with {@link CorpusFrames}.
 */
final class JpegTestFiles {

  private JpegTestFiles() {}

  /** Returns the corpus folder, skipping the test when it or DCMTK is absent (failing under CI). */
  static Path requireCorpus() {
    Path shared = CorpusFrames.requireShared();
    CorpusFrames.requireTool("dcmdjpeg");
    return shared;
  }

  /** Decodes a file with {@code dcmdjpeg +cn +px} (no colour conversion, interleaved). */
  static byte[] dcmdjpegPixels(Path dicom, Path workDir) throws IOException {
    Path out = Files.createTempFile(workDir, "dcmdjpeg", ".dcm");
    run(List.of("dcmdjpeg", "+cn", "+px", "+te", dicom.toString(), out.toString()));
    return CorpusFrames.nativePixelData(out);
  }

  /** Encodes a file with {@code dcmcjpeg} and the given options. */
  static Path dcmcjpeg(Path dicom, Path workDir, String... options) {
    try {
      Path out = Files.createTempFile(workDir, "dcmcjpeg", ".dcm");
      List<String> cmd = new ArrayList<>();
      cmd.add("dcmcjpeg");
      cmd.addAll(List.of(options));
      cmd.add(dicom.toString());
      cmd.add(out.toString());
      run(cmd);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(List<String> command) throws IOException {
    try {
      CorpusFrames.run(command);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
