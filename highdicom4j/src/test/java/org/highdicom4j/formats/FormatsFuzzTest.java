package org.highdicom4j.formats;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.highdicom4j.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupted files (flipped bytes, truncation) either read or fail with {@link
 * ImageFormatException}; nothing else escapes.
 */
class FormatsFuzzTest {
  @TempDir Path dir;

  interface Reader {
    void read(Path p) throws IOException;
  }

  void fuzz(Path valid, Reader reader, int rounds, long seed) throws IOException {
    byte[] good = Files.readAllBytes(valid);
    Random random = new Random(seed);
    Path p = dir.resolve("fuzz-" + valid.getFileName());
    for (int r = 0; r < rounds; r++) {
      byte[] b = good.clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        // Mostly the header, where the structure is.
        int at = random.nextInt(Math.min(b.length, random.nextBoolean() ? 400 : b.length));
        b[at] = (byte) random.nextInt(256);
      }
      if (random.nextInt(4) == 0) {
        b = Arrays.copyOf(b, random.nextInt(b.length));
      }
      Files.write(p, b);
      try {
        reader.read(p);
      } catch (ImageFormatException expected) {
        // documented
      } catch (RuntimeException | IOException e) {
        fail("round " + r + " of " + valid.getFileName() + ": " + e, e);
      }
    }
  }

  @Test
  void corruptFilesOfEveryFormatFailOnlyWithImageFormatException() throws IOException {
    Path nii = dir.resolve("v.nii");
    Path niiGz = dir.resolve("v.nii.gz");
    Path nrrdRaw = dir.resolve("v.nrrd");
    Path nrrdGz = dir.resolve("vg.nrrd");
    Path npy = dir.resolve("v.npy");
    Nifti1.write(nii, NrrdTest.ramp(DType.INT16), NrrdTest.oblique());
    Nifti1.write(niiGz, NrrdTest.ramp(DType.FLOAT32), NrrdTest.oblique());
    Nrrd.write(
        nrrdRaw,
        NrrdTest.ramp(DType.UINT16),
        NrrdTest.oblique(),
        Map.of("a", "b"),
        Nrrd.Encoding.RAW);
    Nrrd.write(nrrdGz, NrrdTest.ramp(DType.INT32), NrrdTest.oblique(), null, Nrrd.Encoding.GZIP);
    Npy.write(npy, NrrdTest.ramp(DType.FLOAT64), true);
    fuzz(nii, Nifti1::read, 250, 1);
    fuzz(niiGz, Nifti1::read, 150, 2);
    fuzz(nrrdRaw, Nrrd::read, 250, 3);
    fuzz(nrrdGz, Nrrd::read, 150, 4);
    fuzz(npy, Npy::read, 250, 5);
  }
}
