package org.highdicom4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs what the invoker built from {@code src/it/consumer} (offline, against the artifacts it
 * installed into {@code target/local-repo}) and the shaded command line jar, each in a fresh JVM
 * with nothing but the class path the consumer's Maven build resolved.
 */
class MavenConsumerTest {
  /** CT Image Storage SOP Class UID (PS3.4 Annex B.5). */
  private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

  /** JPEG 2000 Image Compression (Lossless Only) Transfer Syntax UID (PS3.5 Section A.4.4). */
  private static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";

  private static final String VERSION = System.getProperty("project.version");

  @TempDir Path tmp;

  @Test
  void consumerClassPathHoldsTheLibraryModulesAndTheirDependencyFromTheTestRepository()
      throws IOException {
    List<String> entries = consumerClassPath();
    for (String module : List.of("highdicom4j", "dicom-codec", "dicom-core")) {
      String path = "org/highdicom4j/" + module + "/" + VERSION + "/" + module + "-" + VERSION;
      assertTrue(entries.contains(path + ".jar"), module + " missing from " + entries);
    }
    assertTrue(
        entries.stream()
            .anyMatch(e -> e.startsWith("com/github/jai-imageio/jai-imageio-jpeg2000/")),
        "the JPEG 2000 codec's dependency is missing from " + entries);
    for (String e : entries) {
      assertTrue(Files.isRegularFile(repo().resolve(e)), e + " is not in " + repo());
    }
  }

  @Test
  void consumerWritesAJpeg2000LosslessCtSliceAndReadsBackTheSamePixels() throws Exception {
    Path out = tmp.resolve("ct.dcm");
    List<String> cp = new ArrayList<>();
    cp.add(consumerJar().toString());
    for (String e : consumerClassPath()) {
      cp.add(repo().resolve(e).toString());
    }
    Result r =
        run(
            List.of(
                java(), "-cp", String.join(File.pathSeparator, cp), mainClass(), out.toString()));

    assertEquals(0, r.exit, r.output);
    assertTrue(
        r.output.contains("read ct.dcm: CT " + CT_IMAGE_STORAGE + " 64x64 " + JPEG_2000_LOSSLESS),
        r.output);
    assertTrue(r.output.contains("differing pixels: 0"), r.output);
    DicomFile file = DicomReader.read(out);
    DicomDataset ds = file.dataset();
    assertEquals(JPEG_2000_LOSSLESS, file.transferSyntax().uid());
    assertEquals(CT_IMAGE_STORAGE, ds.getString(Tag.SOPClassUID));
    assertEquals(64, ds.getInt(Tag.Rows, 0));
    assertEquals(64, ds.getInt(Tag.Columns, 0));
  }

  @Test
  void shadedCliJarRunsStandalone() throws Exception {
    Path jar = Path.of(System.getProperty("hd4j.jar"));
    assertTrue(Files.isRegularFile(jar), jar + " was not built");

    Result help = run(List.of(java(), "-jar", jar.toString(), "--help"));
    assertEquals(0, help.exit, help.output);
    assertTrue(help.output.startsWith("Usage: hd4j"), help.output);
    assertTrue(help.output.contains("dump"), help.output);

    Result version = run(List.of(java(), "-jar", jar.toString(), "--version"));
    assertEquals(0, version.exit, version.output);
    assertEquals("hd4j " + VERSION, version.output.strip());
  }

  private record Result(int exit, String output) {}

  /** Runs a command in the temporary directory; stdout and stderr together. */
  private Result run(List<String> command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // Guards against a JVM that never exits (non-daemon threads), not a performance check.
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "still running: " + command);
    return new Result(p.exitValue(), output);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path repo() {
    return Path.of(System.getProperty("consumer.repo"));
  }

  private static Path consumerJar() {
    Path jar = Path.of(System.getProperty("consumer.dir"), "target", "hd4j-consumer-1.0.jar");
    assertTrue(Files.isRegularFile(jar), jar + " was not built");
    return jar;
  }

  private static Attributes manifest() throws IOException {
    try (JarFile jar = new JarFile(consumerJar().toFile())) {
      return jar.getManifest().getMainAttributes();
    }
  }

  private static String mainClass() throws IOException {
    return manifest().getValue(Attributes.Name.MAIN_CLASS);
  }

  /** The consumer's runtime class path as its build resolved it, repository-relative. */
  private static List<String> consumerClassPath() throws IOException {
    String cp = manifest().getValue(Attributes.Name.CLASS_PATH);
    assertTrue(cp != null && !cp.isBlank(), "no Class-Path in the consumer's manifest");
    return Arrays.asList(cp.strip().split("\\s+"));
  }
}
