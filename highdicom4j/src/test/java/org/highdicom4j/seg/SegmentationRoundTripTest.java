package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.highdicom4j.DType;
import org.highdicom4j.ImageReadOptions;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read-back of the creation scenario matrix of {@link SegmentationConformanceTest} (type × source
 * kind × transfer syntax × omit-empty × overlap): every segmentation written and read again gives
 * exactly its input label map, masks or fractional values, per source plane and as a volume, and
 * its segment descriptions parse to what was built.
 */
class SegmentationRoundTripTest {
  @TempDir Path dir;

  enum Source {
    SERIES,
    ENHANCED,
    ECT
  }

  record Case(
      SegmentationTypeValues type, Source source, String ts, boolean omit, boolean overlap) {
    String name() {
      return type
          + "-"
          + source
          + "-"
          + SegmentationConformanceTest.tsName(ts)
          + (omit ? "-omit" : "-all")
          + (overlap ? "-overlap" : "");
    }
  }

  static List<Case> cases(boolean haveEct) {
    List<Case> out = new ArrayList<>();
    for (SegmentationTypeValues type : SegmentationTypeValues.values()) {
      List<String> syntaxes =
          type == SegmentationTypeValues.BINARY
              ? List.of(
                  UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian, UID.JPEG2000Lossless)
              : List.of(
                  UID.ExplicitVRLittleEndian,
                  UID.ImplicitVRLittleEndian,
                  UID.RLELossless,
                  UID.JPEGLSLossless,
                  UID.JPEG2000Lossless);
      for (Source source : Source.values()) {
        if (source == Source.ECT && !haveEct) {
          continue;
        }
        for (String ts : syntaxes) {
          for (boolean omit : new boolean[] {true, false}) {
            for (boolean overlap : new boolean[] {false, true}) {
              if (!overlap || type == SegmentationTypeValues.BINARY) {
                out.add(new Case(type, source, ts, omit, overlap));
              }
            }
          }
        }
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyScenarioReadsBackToItsInput() throws IOException {
    Path shared = SegTestData.shared();
    Path ect = shared == null ? null : shared.resolve("testdata/pydicom-data/eCT_Supplemental.dcm");
    boolean haveEct = ect != null && Files.isRegularFile(ect);
    SyntheticCtSeries series = new SyntheticCtSeries(5, 17, 19, 0.8, 2.5);
    List<DicomDataset> slices = new ArrayList<>();
    for (int s = 0; s < series.slices(); s++) {
      slices.add(series.slice(s));
    }
    List<DicomDataset> enhanced = List.of(SegTestData.enhancedCt(4, 16, 16));
    List<DicomDataset> ectSource = haveEct ? List.of(DicomReader.read(ect).dataset()) : null;
    return cases(haveEct).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () ->
                        check(
                            c,
                            c.source == Source.SERIES
                                ? slices
                                : c.source == Source.ENHANCED ? enhanced : ectSource)));
  }

  private void check(Case c, List<DicomDataset> src) throws IOException {
    DicomDataset first = src.get(0);
    int planes = src.size() == 1 ? first.getInt(Tag.NumberOfFrames, 1) : src.size();
    int rows = first.getInt(Tag.Rows, 0);
    int cols = first.getInt(Tag.Columns, 0);
    NdArray input;
    List<SegmentDescription> descriptions;
    if (c.type == SegmentationTypeValues.FRACTIONAL) {
      input = SegmentationConformanceTest.fractional(planes, rows, cols);
      descriptions = SegTestData.descriptions(1, 2);
    } else if (c.overlap) {
      input = SegmentationConformanceTest.stacked(planes, rows, cols);
      descriptions = SegTestData.descriptions(1, 2, 3);
    } else if (c.type == SegmentationTypeValues.LABELMAP) {
      input = SegmentationConformanceTest.labels(planes, rows, cols, 5);
      descriptions = SegTestData.descriptions(5, 1, 2);
    } else {
      input = SegmentationConformanceTest.labels(planes, rows, cols, 3);
      descriptions = SegTestData.descriptions(1, 2, 3);
    }
    Segmentation built =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(src)
            .pixelArray(input)
            .segmentationType(c.type)
            .segmentDescriptions(descriptions)
            .transferSyntaxUid(c.ts)
            .omitEmptyFrames(c.omit)
            .build();
    Path file = dir.resolve(c.name() + ".dcm");
    built.write(file);
    Segmentation read = Segmentation.read(file);
    Segmentation lazy = Segmentation.read(file, ImageReadOptions.LAZY);

    // Parsed == built: segment descriptions and type.
    assertEquals(c.type, read.segmentationType());
    assertEquals(built.segmentDescriptions().size(), read.segmentDescriptions().size());
    for (int i = 0; i < built.segmentDescriptions().size(); i++) {
      assertEquals(
          built.segmentDescriptions().get(i).toItem(), read.segmentDescriptions().get(i).toItem());
    }

    for (Segmentation seg : List.of(read, lazy, built)) {
      NdArray planesOut = byPlane(seg, src, planes);
      assertMatchesInput(c, input, planesOut, descriptions.size());
    }
    checkVolume(c, read, src, input, planes);
  }

  /** Reads the masks of every source plane, in input order (missing frames as zeros). */
  private static NdArray byPlane(Segmentation seg, List<DicomDataset> src, int planes)
      throws IOException {
    SegmentPixelOptions o = SegmentPixelOptions.DEFAULT.withAssertMissingFramesAreEmpty(true);
    if (src.size() == 1) {
      int[] frames = new int[planes];
      for (int p = 0; p < planes; p++) {
        frames[p] = p + 1;
      }
      return seg.getPixelsBySourceFrame(src.get(0).getString(Tag.SOPInstanceUID), frames, o);
    }
    List<String> uids = src.stream().map(d -> d.getString(Tag.SOPInstanceUID)).toList();
    return seg.getPixelsBySourceInstance(uids, o);
  }

  /** Stacked output (planes, rows, cols, segments) against the builder's input. */
  private static void assertMatchesInput(Case c, NdArray input, NdArray out, int segments) {
    int planes = input.shape(0);
    int rows = input.shape(1);
    int cols = input.shape(2);
    assertArrayEquals(new int[] {planes, rows, cols, segments}, out.shape(), c.name());
    int[] numbers =
        c.type == SegmentationTypeValues.LABELMAP ? new int[] {1, 2, 5} : new int[] {1, 2, 3};
    for (int p = 0; p < planes; p++) {
      for (int r = 0; r < rows; r++) {
        for (int col = 0; col < cols; col++) {
          for (int k = 0; k < segments; k++) {
            double want;
            if (input.ndim() == 4) {
              want = input.getDouble(p, r, col, k);
            } else {
              want = input.getLong(p, r, col) == numbers[k] ? 1 : 0;
            }
            double got = out.getDouble(p, r, col, k);
            double tol = c.type == SegmentationTypeValues.FRACTIONAL ? 0.5 / 255 + 1e-7 : 0;
            if (Math.abs(want - got) > tol) {
              assertEquals(want, got, tol, c.name() + " at " + p + "," + r + "," + col + "," + k);
            }
          }
        }
      }
    }
  }

  /** The combined volume places each plane's labels at the slice its position maps to. */
  private static void checkVolume(
      Case c, Segmentation seg, List<DicomDataset> src, NdArray input, int planes)
      throws IOException {
    if (c.type == SegmentationTypeValues.FRACTIONAL || c.overlap) {
      Volume v = seg.getVolume();
      assertEquals(input.ndim() == 4 ? input.shape(3) : 1, v.shape()[3]);
      return;
    }
    Volume v = seg.getVolume(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertEquals(DType.UINT8, v.dtype());
    for (int p = 0; p < planes; p++) {
      double[] pos = position(src, p);
      double[][] ijk = v.mapReferenceToIndices(new double[][] {pos}, false, false);
      int slice = (int) Math.round(ijk[0][0]);
      boolean inVolume = slice >= 0 && slice < v.shape()[0];
      NdArray plane = input.get(p);
      if (!inVolume) {
        // Omitted empty planes at the ends lie outside the volume.
        assertEquals(0.0, plane.max(), c.name() + " plane " + p + " outside the volume");
        continue;
      }
      assertEquals(slice, ijk[0][0], 1e-3);
      NdArray got = v.array().get(slice);
      for (int i = 0; i < plane.size(); i++) {
        assertEquals(plane.getFlatLong(i), got.getFlatLong(i), c.name() + " plane " + p);
      }
    }
    assertTrue(v.array().max() > 0);
  }

  private static double[] position(List<DicomDataset> src, int p) {
    if (src.size() > 1) {
      return src.get(p).getDoubles(Tag.ImagePositionPatient);
    }
    Sequence perFrame = src.get(0).getSequence(Tag.PerFrameFunctionalGroupsSequence);
    return perFrame.get(p).getItem(Tag.PlanePositionSequence).getDoubles(Tag.ImagePositionPatient);
  }
}
