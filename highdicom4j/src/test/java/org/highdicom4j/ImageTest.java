package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.BulkDataSource;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.ReadOptions;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.junit.jupiter.api.Test;

class ImageTest {

  private static String sha256(byte[] b) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** Stored frames hash as ../shared/reference/pixels.tsv defines (exact rows, sampled). */
  @Test
  void storedFramesMatchReferenceHashesOverTheCorpus() throws Exception {
    Path tsv = Corpus.file("../reference/pixels.tsv");
    List<String> lines = Files.readAllLines(tsv);
    String[] head = lines.get(0).split("\t", -1);
    List<String> cols = List.of(head);
    int path = cols.indexOf("path");
    int frame = cols.indexOf("frame");
    int sha = cols.indexOf("sha256");
    int compare = cols.indexOf("compare");
    int status = cols.indexOf("status");
    int dtypeCol = cols.indexOf("dtype");
    int checked = 0;
    List<String> failures = new ArrayList<>();
    // syntaxes whose codec is not on the class path yet (e.g. JPEG) are reported, not failed
    java.util.Set<String> unsupported = new java.util.TreeSet<>();
    String lastPath = null;
    Image image = null;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      if (!"ok".equals(f[status]) || !"exact".equals(f[compare]) || f[frame].isEmpty()) {
        continue;
      }
      // a sample: every file, at most its first three frames
      int fn = Integer.parseInt(f[frame]);
      if (fn > 3) {
        continue;
      }
      try {
        if (!f[path].equals(lastPath)) {
          lastPath = f[path];
          image = Image.read(Corpus.file(f[path]), ImageReadOptions.LAZY);
        }
        NdArray a = image.getStoredFrame(fn);
        assertEquals(f[dtypeCol], a.dtype().numpyName(), f[path]);
        String got = sha256(a.toLittleEndian());
        if (!got.equals(f[sha])) {
          failures.add(f[path] + "#" + fn);
        }
        checked++;
      } catch (org.highdicom4j.codec.UnsupportedTransferSyntaxException e) {
        unsupported.add(f[path]);
      } catch (Exception | AssertionError e) {
        failures.add(f[path] + "#" + fn + " " + e);
      }
    }
    if (!unsupported.isEmpty()) {
      System.out.println("stored-frame hashes: no decoder for " + unsupported);
    }
    assertTrue(checked > 200, "checked " + checked);
    assertTrue(failures.isEmpty(), failures.size() + " of " + checked + ": " + failures);
  }

  @Test
  void readsFramesLazilyReadingOnlyTheRequestedFrameBytes() throws Exception {
    Path p = Corpus.file("pydicom-data/emri_small.dcm");
    DicomFile f = DicomReader.read(p, ReadOptions.DEFAULT.withBulkDataThreshold(1024));
    DicomDataset ds = f.dataset().deepCopy();
    BulkDataRef ref = ds.getBulkDataRef(Tag.PixelData);
    assertNotNull(ref, "Pixel Data kept as bulk data");
    AtomicLong bytesRead = new AtomicLong();
    BulkDataSource counting =
        new BulkDataSource() {
          @Override
          public void read(long offset, byte[] dest, int destOffset, int length)
              throws IOException {
            bytesRead.addAndGet(length);
            ref.source().read(offset, dest, destOffset, length);
          }

          @Override
          public String description() {
            return "counting";
          }
        };
    ds.putValue(
        Tag.PixelData,
        ds.vr(Tag.PixelData),
        new BulkDataRef(counting, ref.offset(), ref.length(), ref.swapUnit(), null));
    Image image = Image.fromDataset(ds, f.transferSyntax());
    assertEquals(0, bytesRead.get());
    NdArray frame7 = image.getStoredFrame(7);
    assertEquals(64 * 64 * 2, bytesRead.get(), "only frame 7 was read");
    assertEquals(Image.read(p).getStoredFrame(7), frame7);
    assertTrue(ref.length() >= 10 * 64 * 64 * 2);
  }

  @Test
  void lazyAndEagerReadsGiveIdenticalFramesForNativeEncapsulatedAndBigEndian() throws Exception {
    for (String name :
        new String[] {
          "pydicom-data/emri_small.dcm",
          "pydicom-data/emri_small_RLE.dcm",
          "pydicom-data/emri_small_big_endian.dcm",
          "pydicom-data/emri_small_jpeg_2k_lossless.dcm",
          "pydicom-data/liver_nonbyte_aligned.dcm",
          "pydicom-data/SC_rgb_expb_32bit_2frame.dcm"
        }) {
      Path p = Corpus.file(name);
      Image lazy = Image.read(p, ImageReadOptions.LAZY);
      Image eager = Image.read(p);
      assertEquals(eager.getStoredFrames(), lazy.getStoredFrames(), name);
      assertEquals(eager.numberOfFrames(), lazy.numberOfFrames());
    }
  }

  @Test
  void lazyReadKeepsPixelDataInTheFile() throws Exception {
    Image lazy = Image.read(Corpus.file("pydicom-data/emri_small.dcm"), ImageReadOptions.LAZY);
    assertNotNull(lazy.dataset().getBulkDataRef(Tag.PixelData));
    assertTrue(lazy.dataset().isReadOnly());
    assertEquals(10, lazy.numberOfFrames());
    assertFalse(lazy.isTiled());
  }

  @Test
  void framesComeInRequestedOrderWithOneBasedNumbersOrZeroBasedIndices() throws Exception {
    Image image = Image.read(Corpus.file("pydicom-data/emri_small_RLE.dcm"));
    NdArray two = image.getStoredFrames(new int[] {2, 1}, false);
    assertEquals(image.getStoredFrame(2), two.get(0));
    assertEquals(image.getStoredFrame(1), two.get(1));
    assertEquals(image.getStoredFrame(1), image.getStoredFrame(0, true));
    NdArray f = image.getFrames(new int[] {3, 0}, true, PixelTransformOptions.DEFAULT);
    assertEquals(image.getFrame(4), f.get(0));
    assertArrayEquals(new int[] {2, 64, 64}, f.shape());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> image.getStoredFrame(0));
    assertTrue(e.getMessage().contains("Frame number"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> image.getStoredFrame(10, true));
    assertThrows(IllegalArgumentException.class, () -> image.getRawFrame(11));
  }

  @Test
  void rawFrameOfEncapsulatedImageIsTheCodestream() throws Exception {
    Image image = Image.read(Corpus.file("pydicom-data/emri_small_jpeg_2k_lossless.dcm"));
    byte[] raw = image.getRawFrame(1);
    assertEquals(0xFF, raw[0] & 0xff);
    assertEquals(0x4F, raw[1] & 0xff, "JPEG 2000 SOC marker");
    Image nat = Image.read(Corpus.file("pydicom-data/emri_small.dcm"));
    assertEquals(64 * 64 * 2, nat.getRawFrame(1).length);
  }

  @Test
  void pixelArrayOmitsTheFrameAxisForOneFrame() throws Exception {
    Image ct = Image.read(Corpus.file("pydicom/CT_small.dcm"));
    assertArrayEquals(new int[] {128, 128}, ct.pixelArray().shape());
    assertEquals(DType.INT16, ct.storedDtype());
    Image mr = Image.read(Corpus.file("pydicom-data/emri_small.dcm"));
    assertArrayEquals(new int[] {10, 64, 64}, mr.pixelArray().shape());
  }

  @Test
  void datasetWithoutPixelDataIsNotAnImage() throws Exception {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.88.22");
    Image image = Image.fromDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> image.getFrame(1));
    assertTrue(e.getMessage().contains("does not represent an image"), e.getMessage());
  }

  @Test
  void fromDatasetCopiesTheDataset() throws Exception {
    DicomFile f = DicomReader.read(Corpus.file("pydicom/CT_small.dcm"));
    Image image = Image.fromDataset(f.dataset(), f.transferSyntax());
    f.dataset().remove(Tag.RescaleIntercept);
    assertTrue(image.dataset().contains(Tag.RescaleIntercept));
    assertThrows(UnsupportedOperationException.class, () -> image.dataset().remove(Tag.Rows));
  }

  @Test
  void floatPixelDataIsReadAsFloat32() throws Exception {
    Image pm = Image.read(Corpus.file("pydicom-data/parametric_map_float.dcm"));
    NdArray a = pm.getStoredFrame(1);
    assertEquals(DType.FLOAT32, a.dtype());
    assertArrayEquals(new int[] {128, 128}, a.shape());
  }

  // ---------------------------------------------------------------- total pixel matrix (IMG-08)

  @Test
  void totalPixelMatrixOfTiledFullImageMatchesPydicomStitching() throws Exception {
    Path p = Corpus.file("highdicom/sm_image.dcm");
    Image image = Image.read(p);
    assertTrue(image.isTiled());
    assertTrue(image.isIndexableAsTotalPixelMatrix());
    NdArray tpm =
        image.getTotalPixelMatrix(
            PixelTransformOptions.builder().dtype(DType.UINT8).applyIccProfile(false).build());
    assertArrayEquals(new int[] {50, 50, 3}, tpm.shape());
    String script =
        "import pydicom, numpy as np, hashlib\n"
            + "ds = pydicom.dcmread(r'"
            + p
            + "')\n"
            + "a = ds.pixel_array\n"
            + "R, C = ds.Rows, ds.Columns\n"
            + "per = -(-ds.TotalPixelMatrixColumns // C)\n"
            + "out = np.zeros((ds.TotalPixelMatrixRows, ds.TotalPixelMatrixColumns, 3), np.uint8)\n"
            + "for i in range(a.shape[0]):\n"
            + "    r, c = (i // per) * R, (i % per) * C\n"
            + "    t = a[i][: out.shape[0] - r, : out.shape[1] - c]\n"
            + "    out[r:r + t.shape[0], c:c + t.shape[1]] = t\n"
            + "print(hashlib.sha256(out.tobytes()).hexdigest())\n";
    assertEquals(Corpus.python(script), sha256(tpm.toLittleEndian()));
  }

  @Test
  void totalPixelMatrixRegionsUseOneBasedEndExclusiveBoundsAndNegativeIndices() throws Exception {
    Image image = Image.read(Corpus.file("highdicom/sm_image_grayscale.dcm"));
    PixelTransformOptions o = PixelTransformOptions.builder().dtype(DType.UINT16).build();
    NdArray full = image.getTotalPixelMatrix(o);
    // rows 8..22 (1-based, end 23 exclusive), columns 5..last-1
    NdArray region = image.getTotalPixelMatrix(8, 23, 5, -1, false, o);
    assertArrayEquals(new int[] {15, 49 - 4}, region.shape());
    for (int r = 0; r < 15; r++) {
      for (int c = 0; c < 45; c++) {
        assertEquals(full.getLong(r + 7, c + 4), region.getLong(r, c));
      }
    }
    NdArray same = image.getTotalPixelMatrix(7, 22, 4, 49, true, o);
    assertEquals(region, same);
    // a tile is where TILED_FULL puts it: frame 7 (index 6) at tile row 1, column 1
    NdArray tile = image.getStoredFrame(7);
    assertEquals(tile.getLong(3, 4), full.getLong(10 + 3, 10 + 4));
    assertThrows(
        IllegalArgumentException.class, () -> image.getTotalPixelMatrix(0, 5, 1, 5, false, o));
    assertThrows(
        IllegalArgumentException.class, () -> image.getTotalPixelMatrix(5, 5, 1, 5, false, o));
    assertThrows(
        IllegalArgumentException.class, () -> image.getTotalPixelMatrix(1, 60, 1, 5, false, o));
  }

  @Test
  void totalPixelMatrixOfTiledSparseImagePlacesTilesByPlanePositionSlide() throws Exception {
    Path p = Corpus.file("highdicom/seg_image_sm_control_labelmap.dcm");
    Image image = Image.read(p);
    assertTrue(image.isIndexableAsTotalPixelMatrix());
    NdArray tpm =
        image.getTotalPixelMatrix(
            PixelTransformOptions.builder()
                .dtype(DType.UINT8)
                .applyPaletteColorLut(false)
                .applyIccProfile(false)
                .build());
    String script =
        "import pydicom, numpy as np, hashlib\n"
            + "ds = pydicom.dcmread(r'"
            + p
            + "')\n"
            + "a = ds.pixel_array\n"
            + "out = np.zeros((ds.TotalPixelMatrixRows, ds.TotalPixelMatrixColumns), np.uint8)\n"
            + "for i, f in enumerate(ds.PerFrameFunctionalGroupsSequence):\n"
            + "    pos = f.PlanePositionSlideSequence[0]\n"
            + "    r = pos.RowPositionInTotalImagePixelMatrix - 1\n"
            + "    c = pos.ColumnPositionInTotalImagePixelMatrix - 1\n"
            + "    t = a[i][: out.shape[0] - r, : out.shape[1] - c]\n"
            + "    out[r:r + t.shape[0], c:c + t.shape[1]] = t\n"
            + "print(hashlib.sha256(out.tobytes()).hexdigest())\n";
    assertEquals(Corpus.python(script), sha256(tpm.toLittleEndian()));
  }

  @Test
  void nonTiledImageCannotGiveATotalPixelMatrix() throws Exception {
    Image ct = Image.read(Corpus.file("pydicom/CT_small.dcm"));
    assertFalse(ct.isIndexableAsTotalPixelMatrix());
    assertThrows(
        IllegalStateException.class, () -> ct.getTotalPixelMatrix(PixelTransformOptions.DEFAULT));
  }

  @Test
  void dimensionIndexPointersListTheDimensionIndexSequence() throws Exception {
    Image pm = Image.read(Corpus.file("pydicom-data/parametric_map_float.dcm"));
    assertArrayEquals(new int[] {Tag.ImagePositionPatient}, pm.dimensionIndexPointers());
  }
}
