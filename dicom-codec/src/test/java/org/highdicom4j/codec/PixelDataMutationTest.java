package org.highdicom4j.codec;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.highdicom4j.dicom.testing.Mutator;
import org.highdicom4j.dicom.testing.RobustnessProbe;
import org.highdicom4j.dicom.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Robustness of {@link PixelDataFrames} and the codecs behind it against malformed encapsulated
 * Pixel Data: mutants of encapsulated corpus files (bytes of the file, bytes of the codestreams,
 * and the Image Pixel Module attributes and transfer syntax that describe them) are either decoded
 * or rejected with {@link DicomStreamException}, {@link UnsupportedTransferSyntaxException} or
 * {@link IllegalArgumentException}, the exceptions {@link PixelDataFrames} documents, within
 * bounded allocation.
 */
class PixelDataMutationTest {
  private static final long SEED = 0x5EED_C0DEL;
  private static final Duration BATCH_LIMIT = Duration.ofSeconds(30);

  /** RLE, JPEG baseline, extended and lossless, JPEG-LS and JPEG 2000; single and multi-frame. */
  private static final List<String> FILES =
      List.of(
          "pydicom/SC_rgb_rle_2frame.dcm",
          "pydicom/SC_rgb_rle_16bit.dcm",
          "pydicom/SC_rgb_rle_32bit.dcm",
          "pydicom/rtdose_rle.dcm",
          "pydicom/MR_small_RLE.dcm",
          "pydicom-data/emri_small_RLE.dcm",
          "pydicom/SC_rgb_small_odd_jpeg.dcm",
          "pydicom/SC_rgb_jpeg_dcmtk.dcm",
          "pydicom/SC_rgb_dcmtk_+eb+cy+s2.dcm",
          "pydicom/JPEG-lossy.dcm",
          "pydicom-data/JPEG-LL.dcm",
          "pydicom/JPEGLSNearLossless_08.dcm",
          "pydicom/MR_small_jpeg_ls_lossless.dcm",
          "pydicom-data/JLSL_08_07_0_1F.dcm",
          "highdicom/sm_image_jpegls.dcm",
          "pydicom/MR_small_jp2klossless.dcm",
          "pydicom/SC_rgb_gdcm_KY.dcm",
          "pydicom-data/liver_j2k.dcm",
          "pydicom-data/emri_small_jpeg_2k_lossless.dcm");

  private static final List<Class<? extends Throwable>> DOCUMENTED =
      List.of(
          DicomStreamException.class,
          UnsupportedTransferSyntaxException.class,
          IllegalArgumentException.class);

  private static final String[] SYNTAXES = {
    "1.2.840.10008.1.2.5",
    "1.2.840.10008.1.2.4.50",
    "1.2.840.10008.1.2.4.51",
    "1.2.840.10008.1.2.4.57",
    "1.2.840.10008.1.2.4.70",
    "1.2.840.10008.1.2.4.80",
    "1.2.840.10008.1.2.4.81",
    "1.2.840.10008.1.2.4.90",
    "1.2.840.10008.1.2.4.91",
    "1.2.840.10008.1.2.4.201",
    "1.2.840.10008.1.2.1",
    "1.2.3.4"
  };

  private static final String[] PHOTOMETRIC = {
    "MONOCHROME1",
    "MONOCHROME2",
    "RGB",
    "YBR_FULL",
    "YBR_FULL_422",
    "YBR_ICT",
    "YBR_RCT",
    "PALETTE COLOR",
    "",
    "XYZ"
  };

  private static final java.util.logging.Logger LOGS =
      java.util.logging.Logger.getLogger("org.highdicom4j");
  private static java.util.logging.Level logLevel;

  private final CodecRegistry registry = CodecRegistry.getDefault();

  @BeforeAll
  static void silenceWarnings() {
    logLevel = LOGS.getLevel();
    LOGS.setLevel(java.util.logging.Level.OFF);
  }

  @AfterAll
  static void restoreWarnings() {
    LOGS.setLevel(logLevel);
  }

  @Test
  void mutantsOfEncapsulatedPixelDataAreDecodedOrRejectedAsDocumented() throws IOException {
    SharedData.assumeAvailable();
    RobustnessProbe probe = new RobustnessProbe("PixelDataFrames mutants", DOCUMENTED);
    int mutants = 0;
    for (String name : FILES) {
      byte[] original = Files.readAllBytes(SharedData.testdata().resolve(name));
      DicomFile base = DicomReader.read(original);
      PixelDataFrames frames = new PixelDataFrames(base.dataset(), base.transferSyntax(), registry);
      // A decoded image is legitimately larger than its codestream: twice the original's frames
      // are allowed on top of the input bound.
      long decoded = 2 * frames.numberOfFrames() * frames.descriptor().decodedLength();
      Random random = new Random(SEED ^ name.hashCode());
      TransferSyntax ts = base.transferSyntax();
      Mutator bytes =
          new Mutator(
              original,
              Mutator.scan(original, ts.explicitVr(), ts.bigEndian(), false),
              random.nextLong());
      List<Runnable> cases = new ArrayList<>();
      // Fewer cases for large images, whose every decode takes longer.
      long pixels = (long) frames.numberOfFrames() * frames.descriptor().pixelCount();
      int perKind = pixels >= 250_000 ? 12 : original.length < 20_000 ? 50 : 20;
      for (int i = 0; i < perKind; i++) {
        Mutator.Mutant m = bytes.next();
        int k = i;
        cases.add(
            () ->
                probe.run(
                    name + ": " + m.description(),
                    m.bytes().length,
                    decoded,
                    () -> {
                      DicomFile f = DicomReader.read(m.bytes());
                      return decode(f.dataset(), f.transferSyntax(), k);
                    }));
      }
      for (int i = 0; i < perKind; i++) {
        StringBuilder what = new StringBuilder();
        DicomDataset ds = DicomReader.read(original).dataset();
        mutateCodestream(ds, random, what);
        int k = i;
        cases.add(
            () -> probe.run(name + ": " + what, original.length, decoded, () -> decode(ds, ts, k)));
      }
      for (int i = 0; i < perKind; i++) {
        StringBuilder what = new StringBuilder();
        DicomDataset ds = DicomReader.read(original).dataset();
        TransferSyntax[] syntax = {ts};
        mutateAttributes(ds, random, what, t -> syntax[0] = t);
        int k = i;
        cases.add(
            () ->
                probe.run(
                    name + ": " + what, original.length, decoded, () -> decode(ds, syntax[0], k)));
      }
      mutants += cases.size();
      assertTimeoutPreemptively(
          BATCH_LIMIT, () -> cases.forEach(Runnable::run), () -> "hangs: " + probe.current());
    }
    probe.count(mutants + " mutants of " + FILES.size() + " files");
    probe.assertNoFailures();
    assertTrue(mutants >= 2000, "expected thousands of mutants: " + mutants);
  }

  /** Decodes every frame: one at a time as stored values, or all at once on this thread. */
  private Object decode(DicomDataset ds, TransferSyntax ts, int k) throws IOException {
    PixelDataFrames frames = new PixelDataFrames(ds, ts, registry);
    if (k % 2 == 0) {
      return frames.decodeAll(Runnable::run);
    }
    for (int i = 0; i < frames.numberOfFrames(); i++) {
      frames.decodeStored(i);
    }
    return frames;
  }

  /** Changes the bytes of the codestreams: one fragment, or the fragment list. */
  private static void mutateCodestream(DicomDataset ds, Random random, StringBuilder what)
      throws IOException {
    Fragments f = ds.getFragments(Tag.PixelData);
    List<byte[]> items = new ArrayList<>();
    for (int i = 0; i < f.size(); i++) {
      items.add(f.item(i).clone());
    }
    int n = items.size();
    int pick = n > 1 ? 1 + random.nextInt(n - 1) : 0;
    byte[] b = items.get(pick);
    switch (random.nextInt(9)) {
      case 0:
        {
          int len = b.length == 0 ? 0 : random.nextInt(b.length);
          items.set(pick, Arrays.copyOf(b, len));
          what.append("fragment ").append(pick).append(" cut to ").append(len);
          break;
        }
      case 1:
      case 2:
        {
          int count = 1 + random.nextInt(16);
          what.append("fragment ").append(pick).append(" bytes flipped at");
          for (int k = 0; k < count && b.length > 0; k++) {
            int at = random.nextInt(b.length);
            b[at] ^= (byte) (1 + random.nextInt(255));
            what.append(' ').append(at);
          }
          break;
        }
      case 3:
        {
          // Headers and markers are at the start of a codestream.
          int count = 1 + random.nextInt(4);
          what.append("fragment ").append(pick).append(" header bytes randomised at");
          for (int k = 0; k < count && b.length > 0; k++) {
            int at = random.nextInt(Math.min(b.length, 200));
            b[at] = (byte) random.nextInt(256);
            what.append(' ').append(at);
          }
          break;
        }
      case 4:
        {
          int at = b.length == 0 ? 0 : random.nextInt(b.length);
          int len = Math.min(b.length - at, 1 + random.nextInt(64));
          Arrays.fill(b, at, at + len, random.nextBoolean() ? (byte) 0xFF : 0);
          what.append("fragment ").append(pick).append(" filled at ").append(at).append('+');
          what.append(len);
          break;
        }
      case 5:
        if (n > 2) {
          items.remove(pick);
          what.append("fragment ").append(pick).append(" removed");
        } else {
          items.add(items.get(n - 1).clone());
          what.append("last fragment repeated");
        }
        break;
      case 6:
        {
          byte[] bot = new byte[4 * (1 + random.nextInt(4))];
          random.nextBytes(bot);
          if (random.nextBoolean()) {
            bot = Arrays.copyOf(bot, bot.length - 1 - random.nextInt(3));
          }
          items.set(0, bot);
          what.append("basic offset table set to ").append(bot.length).append(" random bytes");
          break;
        }
      case 7:
        {
          byte[] extra = new byte[1 + random.nextInt(32)];
          random.nextBytes(extra);
          int at = random.nextInt(b.length + 1);
          byte[] longer = new byte[b.length + extra.length];
          System.arraycopy(b, 0, longer, 0, at);
          System.arraycopy(extra, 0, longer, at, extra.length);
          System.arraycopy(b, at, longer, at + extra.length, b.length - at);
          items.set(pick, longer);
          what.append("fragment ").append(pick).append(" got ").append(extra.length);
          what.append(" random bytes at ").append(at);
          break;
        }
      default:
        {
          byte[] noise = new byte[random.nextInt(2048)];
          random.nextBytes(noise);
          items.set(pick, noise);
          what.append("fragment ").append(pick).append(" replaced by ").append(noise.length);
          what.append(" random bytes");
        }
    }
    Fragments out = new Fragments();
    for (byte[] item : items) {
      out.add(item);
    }
    ds.setFragments(Tag.PixelData, VR.OB, out);
  }

  /** Changes the attributes that describe the frames, or the transfer syntax. */
  private static void mutateAttributes(
      DicomDataset ds, Random random, StringBuilder what, Consumer<TransferSyntax> syntax) {
    int rows = ds.getInt(Tag.Rows, 1);
    int columns = ds.getInt(Tag.Columns, 1);
    switch (random.nextInt(12)) {
      case 0:
        us(ds, Tag.Rows, pick(random, 0, 1, rows + 1, rows * 2, rows / 2, 65535), what);
        break;
      case 1:
        us(ds, Tag.Columns, pick(random, 0, 1, columns + 1, columns * 2, columns / 2, 65535), what);
        break;
      case 2:
        us(ds, Tag.BitsAllocated, pick(random, 0, 1, 8, 12, 16, 24, 32, 64), what);
        break;
      case 3:
        us(ds, Tag.BitsStored, pick(random, 0, 1, 7, 12, 16, 33, 64), what);
        break;
      case 4:
        us(ds, Tag.SamplesPerPixel, pick(random, 0, 1, 2, 3, 4, 5), what);
        break;
      case 5:
        us(ds, Tag.PixelRepresentation, pick(random, 0, 1, 2), what);
        break;
      case 6:
        us(ds, Tag.PlanarConfiguration, pick(random, 0, 1, 2), what);
        break;
      case 7:
        {
          String p = PHOTOMETRIC[random.nextInt(PHOTOMETRIC.length)];
          ds.setString(Tag.PhotometricInterpretation, VR.CS, p);
          what.append("PhotometricInterpretation set to '").append(p).append('\'');
          break;
        }
      case 8:
        {
          String[] choices = {"0", "-1", "2", "3", "10", "1000000", "2147483647", "x", "1.5"};
          String v = choices[random.nextInt(choices.length)];
          ds.setString(Tag.NumberOfFrames, VR.IS, v);
          what.append("NumberOfFrames set to ").append(v);
          break;
        }
      case 9:
        {
          String uid = SYNTAXES[random.nextInt(SYNTAXES.length)];
          syntax.accept(TransferSyntax.of(uid));
          what.append("transfer syntax changed to ").append(uid);
          break;
        }
      case 10:
        {
          // A frame of up to 1.6 GB claimed by a few kilobytes of codestream.
          int side = pick(random, 4096, 16384, 40000);
          us(ds, Tag.Rows, side, what);
          what.append(", ");
          us(ds, Tag.Columns, side, what);
          break;
        }
      default:
        {
          int[] tags = {
            Tag.Rows,
            Tag.Columns,
            Tag.BitsAllocated,
            Tag.BitsStored,
            Tag.SamplesPerPixel,
            Tag.PhotometricInterpretation
          };
          int tag = tags[random.nextInt(tags.length)];
          ds.remove(tag);
          what.append(DicomDataset.tagString(tag)).append(" removed");
        }
    }
  }

  private static int pick(Random random, int... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static void us(DicomDataset ds, int tag, int value, StringBuilder what) {
    ds.setInt(tag, VR.US, value);
    what.append(DicomDataset.tagString(tag)).append(" set to ").append(value);
  }
}
