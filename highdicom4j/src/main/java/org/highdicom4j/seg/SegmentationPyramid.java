package org.highdicom4j.seg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;

/**
 * Builds the levels of a multi-resolution segmentation pyramid of one tiled slide microscopy
 * source; the logic behind {@link Segmentation#createSegmentationPyramid}.
 *
 * <p>Level sizes, spacings and resampling follow highdicom: a factor f gives a total pixel matrix
 * of {@code (int) (size / f)} rows and columns (truncated), the Pixel Spacing of each level is the
 * source's scaled by the ratio of the first array's size to the level's, and downsampling samples
 * the nearest input pixel centre (linear weights for a floating-point FRACTIONAL array).
 */
final class SegmentationPyramid {
  private SegmentationPyramid() {}

  static List<Segmentation> create(
      List<DicomDataset> sourceImages,
      List<NdArray> pixelArrays,
      double[] downsampleFactors,
      List<String> sopInstanceUids,
      Consumer<Segmentation.Builder> options) {
    Objects.requireNonNull(sourceImages, "sourceImages");
    Objects.requireNonNull(pixelArrays, "pixelArrays");
    Objects.requireNonNull(options, "options");
    for (DicomDataset d : sourceImages) {
      Objects.requireNonNull(d, "sourceImages element");
    }
    for (NdArray a : pixelArrays) {
      Objects.requireNonNull(a, "pixelArrays element");
    }
    if (sourceImages.isEmpty()) {
      throw new IllegalArgumentException("sourceImages must not be empty (expected 1 image)");
    }
    if (pixelArrays.isEmpty()) {
      throw new IllegalArgumentException(
          "pixelArrays must not be empty (expected at least 1 total pixel matrix)");
    }
    if (sourceImages.size() > 1) {
      throw new IllegalArgumentException(
          "sourceImages holds "
              + sourceImages.size()
              + " images: segmenting a source pyramid is not supported (expected 1 source image,"
              + " the level pixelArrays[0] was segmented on)");
    }
    DicomDataset source = sourceImages.get(0);
    String sopClass = source.getString(Tag.SOPClassUID);
    if (!UID.VLWholeSlideMicroscopyImageStorage.equals(sopClass)) {
      throw new IllegalArgumentException(
          "sourceImages[0] SOPClassUID (0008,0016) is no slide image (expected VL Whole Slide"
              + " Microscopy Image Storage "
              + UID.VLWholeSlideMicroscopyImageStorage
              + "): "
              + sopClass);
    }
    if (!TiledSource.isTiled(source)) {
      throw new IllegalArgumentException(
          "sourceImages[0] is not tiled (expected TotalPixelMatrixRows (0048,0007) and"
              + " TotalPixelMatrixColumns (0048,0006))");
    }
    TiledSource tiled = TiledSource.of(source);
    int levels = checkFactors(pixelArrays.size(), downsampleFactors);
    if (sopInstanceUids != null) {
      if (sopInstanceUids.size() != levels) {
        throw new IllegalArgumentException(
            "sopInstanceUids holds "
                + sopInstanceUids.size()
                + " UIDs (expected one per output level: "
                + levels
                + ")");
      }
      for (String uid : sopInstanceUids) {
        Objects.requireNonNull(uid, "sopInstanceUids element");
      }
    }
    checkArrays(pixelArrays);
    int rows0 = rows(pixelArrays.get(0));
    int columns0 = columns(pixelArrays.get(0));
    if (rows0 != tiled.totalRows || columns0 != tiled.totalColumns) {
      throw new IllegalArgumentException(
          "pixelArrays[0] total pixel matrix is "
              + rows0
              + " x "
              + columns0
              + " (expected the source's TotalPixelMatrixRows (0048,0007) x"
              + " TotalPixelMatrixColumns (0048,0006) "
              + tiled.totalRows
              + " x "
              + tiled.totalColumns
              + ")");
    }
    if (tiled.pixelSpacing.length != 2 || tiled.sliceThickness == null) {
      throw new IllegalArgumentException(
          "sourceImages[0] lacks PixelSpacing (0028,0030) or SliceThickness (0018,0050) in its"
              + " Pixel Measures Sequence (expected both, to scale them per level)");
    }
    String seriesUid = UidGenerator.newUid();
    String pyramidUid = UidGenerator.newUid();
    List<Segmentation> out = new ArrayList<>(levels);
    for (int level = 0; level < levels; level++) {
      Segmentation.Builder b = Segmentation.builder().seriesInstanceUid(seriesUid);
      b.pyramidUid(pyramidUid);
      options.accept(b);
      checkOptions(b);
      NdArray array;
      if (pixelArrays.size() > 1) {
        array = pixelArrays.get(level);
      } else if (level == 0) {
        array = pixelArrays.get(0);
      } else {
        double f = downsampleFactors[level - 1];
        int r = (int) (rows0 / f);
        int c = (int) (columns0 / f);
        if (r < 1 || c < 1) {
          throw new IllegalArgumentException(
              "downsampleFactors["
                  + (level - 1)
                  + "] leaves an empty total pixel matrix (expected at most the matrix size "
                  + Math.min(rows0, columns0)
                  + "): "
                  + f);
        }
        // As highdicom: linear weights only for floating-point FRACTIONAL probabilities; labels,
        // masks and floating-point arrays meant as BINARY take the nearest pixel.
        boolean linear =
            b.segmentationType == SegmentationTypeValues.FRACTIONAL
                && pixelArrays.get(0).dtype().isFloatingPoint();
        array = resample(pixelArrays.get(0), r, c, linear);
      }
      if (level > 0 || pixelArrays.size() > 1) {
        b.pixelMeasures(
            tiled.pixelSpacing[0] * rows0 / rows(array),
            tiled.pixelSpacing[1] * columns0 / columns(array),
            tiled.sliceThickness,
            tiled.spacingBetweenSlices);
      }
      b.sourceImages(List.of(source))
          .pixelArray(array)
          .tilePixelArray(true)
          .sopInstanceUid(
              sopInstanceUids != null ? sopInstanceUids.get(level) : UidGenerator.newUid())
          .instanceNumber(level + 1);
      out.add(b.build());
    }
    for (Segmentation s : out) {
      requireSame(out.get(0), s, Tag.SeriesInstanceUID, "seriesInstanceUid");
      requireSame(out.get(0), s, Tag.PyramidUID, "pyramidUid");
      requireSame(out.get(0), s, Tag.PyramidLabel, "pyramidLabel");
    }
    return List.copyOf(out);
  }

  /** Returns the number of output levels after checking downsampleFactors against the arrays. */
  private static int checkFactors(int arrays, double[] factors) {
    if (arrays > 1) {
      if (factors != null) {
        throw new IllegalArgumentException(
            "downsampleFactors must not be given with several pixelArrays (expected null): "
                + Arrays.toString(factors));
      }
      return arrays;
    }
    if (factors == null) {
      throw new IllegalArgumentException(
          "downsampleFactors must be given with one source image and one pixel array (expected"
              + " factors > 1 in ascending order)");
    }
    if (factors.length == 0) {
      throw new IllegalArgumentException(
          "downsampleFactors must not be empty (expected factors > 1 in ascending order)");
    }
    for (int i = 0; i < factors.length; i++) {
      if (!(factors[i] > 1) || Double.isInfinite(factors[i])) {
        throw new IllegalArgumentException(
            "downsampleFactors["
                + i
                + "] must be greater than 1 (expected a finite factor > 1): "
                + factors[i]);
      }
      if (i > 0 && !(factors[i] > factors[i - 1])) {
        throw new IllegalArgumentException(
            "downsampleFactors must be in strictly ascending order (expected downsampleFactors["
                + i
                + "] > "
                + factors[i - 1]
                + "): "
                + factors[i]);
      }
    }
    return factors.length + 1;
  }

  /** Checks shapes, dtypes and the strictly decreasing sizes of the level arrays. */
  private static void checkArrays(List<NdArray> arrays) {
    NdArray first = arrays.get(0);
    for (int i = 0; i < arrays.size(); i++) {
      NdArray a = arrays.get(i);
      int[] s = a.shape();
      if (a.ndim() < 2 || a.ndim() > 4) {
        throw new IllegalArgumentException(
            "pixelArrays["
                + i
                + "] must be a total pixel matrix (expected (rows, columns), (1, rows, columns) or"
                + " (1, rows, columns, segments)): shape "
                + Arrays.toString(s));
      }
      if (a.ndim() > 2 && s[0] != 1) {
        throw new IllegalArgumentException(
            "pixelArrays["
                + i
                + "] must hold a single frame (expected size 1 along axis 0): shape "
                + Arrays.toString(s));
      }
      if (a.ndim() != first.ndim()) {
        throw new IllegalArgumentException(
            "pixelArrays["
                + i
                + "] must have as many axes as pixelArrays[0] (expected "
                + first.ndim()
                + "): "
                + a.ndim());
      }
      if (a.dtype() != first.dtype()) {
        throw new IllegalArgumentException(
            "pixelArrays["
                + i
                + "] must have the dtype of pixelArrays[0] (expected "
                + first.dtype().numpyName()
                + "): "
                + a.dtype().numpyName());
      }
      if (a.ndim() == 4 && s[3] != first.shape(3)) {
        throw new IllegalArgumentException(
            "pixelArrays["
                + i
                + "] must have as many segments along axis 3 as pixelArrays[0] (expected "
                + first.shape(3)
                + "): "
                + s[3]);
      }
      if (i > 0) {
        NdArray prev = arrays.get(i - 1);
        if (rows(a) >= rows(prev) || columns(a) >= columns(prev)) {
          throw new IllegalArgumentException(
              "pixelArrays must be in strictly decreasing size (expected pixelArrays["
                  + i
                  + "] smaller than "
                  + rows(prev)
                  + " x "
                  + columns(prev)
                  + "): "
                  + rows(a)
                  + " x "
                  + columns(a));
        }
      }
    }
  }

  /** Rejects options that the pyramid sets per level, as highdicom rejects those kwargs. */
  private static void checkOptions(Segmentation.Builder b) {
    String set =
        b.sourceImages != null
            ? "sourceImages"
            : b.pixelArray != null || b.pixelVolume != null
                ? "pixelArray"
                : b.tilePixelArray
                    ? "tilePixelArray"
                    : b.planePositions != null
                        ? "planePositions"
                        : b.planeOrientation != null
                            ? "planeOrientation"
                            : b.pixelSpacing != null
                                ? "pixelMeasures"
                                : b.instanceSet() ? "sopInstanceUid or instanceNumber" : null;
    if (set != null) {
      throw new IllegalArgumentException(
          "options must not set "
              + set
              + " (expected createSegmentationPyramid to set it for each level)");
    }
  }

  private static void requireSame(Segmentation a, Segmentation b, int tag, String option) {
    String x = a.dataset().getString(tag);
    String y = b.dataset().getString(tag);
    if (!Objects.equals(x, y)) {
      throw new IllegalArgumentException(
          "options must set the same " + option + " for every level (expected " + x + "): " + y);
    }
  }

  static int rows(NdArray a) {
    return a.ndim() == 2 ? a.shape(0) : a.shape(1);
  }

  static int columns(NdArray a) {
    return a.ndim() == 2 ? a.shape(1) : a.shape(2);
  }

  /**
   * Resamples a total pixel matrix to rows x columns: the nearest pixel centre or, when linear (a
   * floating-point array only), a separable triangle filter whose support grows with the scale, as
   * highdicom's (Pillow's) bilinear resize.
   */
  static NdArray resample(NdArray in, int rows, int columns, boolean linear) {
    int inRows = rows(in);
    int inColumns = columns(in);
    int channels = in.ndim() == 4 ? in.shape(3) : 1;
    int[] shape = in.shape();
    if (in.ndim() == 2) {
      shape = new int[] {rows, columns};
    } else {
      shape[1] = rows;
      shape[2] = columns;
    }
    NdArray out = NdArray.zeros(in.dtype(), shape);
    if (linear) {
      double[][] wr = weights(inRows, rows);
      double[][] wc = weights(inColumns, columns);
      int[] r0 = firsts(inRows, rows);
      int[] c0 = firsts(inColumns, columns);
      for (int ch = 0; ch < channels; ch++) {
        double[] horizontal = new double[inRows * columns];
        for (int r = 0; r < inRows; r++) {
          for (int c = 0; c < columns; c++) {
            double v = 0;
            for (int k = 0; k < wc[c].length; k++) {
              v += wc[c][k] * in.getFlatDouble(((r * inColumns) + c0[c] + k) * channels + ch);
            }
            horizontal[r * columns + c] = v;
          }
        }
        for (int r = 0; r < rows; r++) {
          for (int c = 0; c < columns; c++) {
            double v = 0;
            for (int k = 0; k < wr[r].length; k++) {
              v += wr[r][k] * horizontal[(r0[r] + k) * columns + c];
            }
            out.setFlatDouble((r * columns + c) * channels + ch, v);
          }
        }
      }
      return out;
    }
    for (int r = 0; r < rows; r++) {
      int sr = nearest(r, inRows, rows);
      for (int c = 0; c < columns; c++) {
        int sc = nearest(c, inColumns, columns);
        for (int ch = 0; ch < channels; ch++) {
          int from = (sr * inColumns + sc) * channels + ch;
          int to = (r * columns + c) * channels + ch;
          if (in.dtype().isFloatingPoint()) {
            out.setFlatDouble(to, in.getFlatDouble(from));
          } else {
            out.setFlatLong(to, in.getFlatLong(from));
          }
        }
      }
    }
    return out;
  }

  /** The input index whose pixel contains the centre of output pixel i. */
  static int nearest(int i, int in, int out) {
    return Math.min((int) Math.floor((i + 0.5) * in / out), in - 1);
  }

  /** First input index of each output pixel's triangle filter window. */
  private static int[] firsts(int in, int out) {
    int[] first = new int[out];
    double scale = (double) in / out;
    double support = Math.max(scale, 1);
    for (int i = 0; i < out; i++) {
      double centre = (i + 0.5) * scale;
      first[i] = Math.max((int) (centre - support + 0.5), 0);
    }
    return first;
  }

  /**
   * Normalised triangle-filter weights per output pixel: the filter 1 − |x| is stretched by the
   * scale so that every input pixel under the output pixel contributes.
   */
  private static double[][] weights(int in, int out) {
    double scale = (double) in / out;
    double stretch = Math.max(scale, 1);
    int[] first = firsts(in, out);
    double[][] w = new double[out][];
    for (int i = 0; i < out; i++) {
      double centre = (i + 0.5) * scale;
      int last = Math.min((int) (centre + stretch + 0.5), in);
      double[] k = new double[Math.max(last - first[i], 0)];
      double sum = 0;
      for (int j = 0; j < k.length; j++) {
        double x = Math.abs((first[i] + j - centre + 0.5) / stretch);
        k[j] = x < 1 ? 1 - x : 0;
        sum += k[j];
      }
      for (int j = 0; j < k.length; j++) {
        k[j] = sum == 0 ? 0 : k[j] / sum;
      }
      w[i] = k;
    }
    return w;
  }
}
