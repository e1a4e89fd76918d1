package org.highdicom4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.PixelDataFrames;
import org.highdicom4j.codec.uncompressed.NativePixelData;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.ElementDictionary;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.highdicom4j.dicom.io.ReadOptions;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.highdicom4j.spatial.Spatial;

/**
 * A DICOM image: any instance of an Image Information Entity with Pixel Data (7FE0,0010), Float
 * Pixel Data (7FE0,0008) or Double Float Pixel Data (7FE0,0009); highdicom's {@code Image} ({@code
 * imread} is {@link #read(Path)}).
 *
 * <p>Frames are numbered from 1 as in DICOM; methods taking {@code asIndex} read the number as a
 * 0-based index instead. {@link #getStoredFrame} returns stored values; {@link #getFrame} applies
 * the pixel transforms chosen by {@link PixelTransformOptions}. With lazy frame retrieval ({@link
 * ImageReadOptions#LAZY}) only the metadata is read at first and each request reads just the bytes
 * of the frames it needs.
 *
 * <p>Frames decode in parallel on the executor of the read options. Instances are safe for
 * concurrent reads of frames; the data set view must not be modified.
 */
public final class Image {
  /** Values above this size stay in the file with lazy frame retrieval. */
  static final long LAZY_BULK_THRESHOLD = 4096;

  private static final String TPM = "total pixel matrix";

  private final DicomDataset dataset;
  private final TransferSyntax transferSyntax;
  private final ImageReadOptions options;
  private final PixelDataFrames frames;
  private final FrameArrays arrays;
  private volatile TileLayout tileLayout;
  private volatile boolean tileLayoutKnown;

  private Image(DicomDataset dataset, TransferSyntax ts, ImageReadOptions options) {
    this.dataset = dataset;
    this.transferSyntax = ts;
    this.options = options;
    if (PixelDataFrames.pixelDataTag(dataset) == 0) {
      this.frames = null;
      this.arrays = null;
    } else {
      this.frames = new PixelDataFrames(dataset, ts, CodecRegistry.getDefault());
      this.arrays = new FrameArrays(frames);
    }
  }

  /**
   * Reads an image file with all its data; highdicom's {@code imread(fp)}.
   *
   * @param path a DICOM file (PS3.10)
   * @return the image
   * @throws IOException when the file cannot be read or parsed
   * @throws IllegalArgumentException when its Image Pixel Module is invalid
   */
  public static Image read(Path path) throws IOException {
    return read(path, ImageReadOptions.DEFAULT);
  }

  /**
   * Reads an image file; highdicom's {@code imread(fp, lazy_frame_retrieval)}. With lazy frame
   * retrieval, Pixel Data and other large values stay in the file and each frame request reads only
   * that frame's bytes (native: its byte range; encapsulated: its fragments).
   *
   * @param path a DICOM file (PS3.10)
   * @param options lazy retrieval and executor
   * @return the image
   * @throws IOException when the file cannot be read or parsed
   */
  public static Image read(Path path, ImageReadOptions options) throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(options, "options");
    ReadOptions ro =
        options.lazyFrameRetrieval()
            ? ReadOptions.DEFAULT.withBulkDataThreshold(LAZY_BULK_THRESHOLD)
            : ReadOptions.DEFAULT;
    DicomFile f = DicomReader.read(path, ro);
    return new Image(f.dataset(), f.transferSyntax(), options);
  }

  /**
   * Wraps a copy of a data set; highdicom's {@code Image.from_dataset(dataset, copy=True)}. Bulk
   * data references are kept, so a data set read lazily stays lazy.
   *
   * @param dataset an image data set
   * @param transferSyntax the syntax its Pixel Data is encoded in
   * @return the image
   * @throws IllegalArgumentException when the Image Pixel Module is invalid
   */
  public static Image fromDataset(DicomDataset dataset, TransferSyntax transferSyntax) {
    return fromDataset(dataset, transferSyntax, ImageReadOptions.DEFAULT);
  }

  /**
   * Wraps a copy of a data set with options for decoding.
   *
   * @param dataset an image data set
   * @param transferSyntax the syntax its Pixel Data is encoded in
   * @param options the executor to decode with (lazy retrieval follows the data set)
   * @return the image
   */
  public static Image fromDataset(
      DicomDataset dataset, TransferSyntax transferSyntax, ImageReadOptions options) {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(transferSyntax, "transferSyntax");
    Objects.requireNonNull(options, "options");
    return new Image(dataset.deepCopy(), transferSyntax, options);
  }

  /** Wraps a data set without copying it (for data sets this library read itself). */
  static Image wrap(DicomDataset dataset, TransferSyntax transferSyntax, ImageReadOptions options) {
    return new Image(dataset, transferSyntax, options);
  }

  /** Returns the options the image was read with. */
  ImageReadOptions readOptions() {
    return options;
  }

  /** Returns the frame attributes of the Image Pixel Module. */
  FrameDescriptor descriptor() {
    return requirePixels().descriptor();
  }

  /** Returns the data set itself (not a view), for package-internal readers. */
  DicomDataset rawDataset() {
    return dataset;
  }

  /** Returns a read-only view of the data set. */
  public DicomDataset dataset() {
    return dataset.readOnlyView();
  }

  /** Returns the transfer syntax of the Pixel Data; highdicom's {@code transfer_syntax_uid}. */
  public TransferSyntax transferSyntax() {
    return transferSyntax;
  }

  /** Returns Number of Frames (0028,0008), 1 when absent; highdicom's {@code number_of_frames}. */
  public int numberOfFrames() {
    return dataset.getInt(Tag.NumberOfFrames, 1);
  }

  /**
   * Returns whether the image is a tiled multi-frame image (Total Pixel Matrix Rows (0048,0007) and
   * several frames); highdicom's {@code is_tiled}.
   */
  public boolean isTiled() {
    return TileLayout.isTiled(dataset);
  }

  /**
   * Returns whether the frames can be indexed as one Total Pixel Matrix: tiled, one focal plane and
   * optical path, and frames at distinct positions; highdicom's {@code
   * is_indexable_as_total_pixel_matrix}.
   *
   * @throws IllegalArgumentException when Number of Frames (0028,0008) exceeds what Pixel Data or
   *     the tile grid holds, or differs from the number of Per-Frame Functional Groups items
   */
  public boolean isIndexableAsTotalPixelMatrix() {
    return layout() != null;
  }

  /**
   * Returns the Dimension Index Pointer (0020,9165) of each item of Dimension Index Sequence
   * (0020,9222); highdicom's {@code dimension_index_pointers}.
   *
   * @return the tags, empty when the sequence is absent
   */
  public int[] dimensionIndexPointers() {
    Sequence seq = dataset.getSequence(Tag.DimensionIndexSequence);
    if (seq == null) {
      return new int[0];
    }
    int[] out = new int[seq.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = seq.get(i).getInt(Tag.DimensionIndexPointer, 0);
    }
    return out;
  }

  /**
   * Returns whether the values of Dimension Index Values (0020,9157) for the given dimension index
   * pointers identify every frame uniquely, the prerequisite for indexing frames by them;
   * highdicom's {@code are_dimension_indices_unique}.
   *
   * @param dimensionIndexPointers tags of Dimension Index Pointer (0020,9165) values of Dimension
   *     Index Sequence (0020,9222), e.g. {@link Tag#ImagePositionPatient}
   * @return whether no two frames share the combination of index values
   * @throws IllegalArgumentException when a pointer is not in the Dimension Index Sequence
   * @throws IllegalStateException when a frame lacks Dimension Index Values
   */
  public boolean areDimensionIndicesUnique(int... dimensionIndexPointers) {
    return DimensionIndices.areUnique(dataset, numberOfFrames(), dimensionIndexPointers);
  }

  /**
   * Returns whether the dimension index values of the given attributes identify every frame
   * uniquely; the keyword form of {@link #areDimensionIndicesUnique(int...)}.
   *
   * @param keywords attribute keywords such as {@code "ImagePositionPatient"}
   * @return whether no two frames share the combination of index values
   * @throws IllegalArgumentException when a keyword is unknown or not a dimension index pointer
   */
  public boolean areDimensionIndicesUnique(String... keywords) {
    Objects.requireNonNull(keywords, "keywords");
    int[] tags = new int[keywords.length];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = ElementDictionary.tagOf(Objects.requireNonNull(keywords[i], "keywords[i]"));
      if (tags[i] == -1) {
        throw new IllegalArgumentException(
            "Dimension index pointer is not a known keyword (expected e.g."
                + " \"ImagePositionPatient\"): "
                + keywords[i]);
      }
    }
    return areDimensionIndicesUnique(tags);
  }

  /**
   * Returns the frame-of-reference coordinate system the image lies in; highdicom's {@code
   * coordinate_system}: SLIDE with Image Orientation (Slide) (0048,0102) or Image Center Point
   * Coordinates Sequence, PATIENT with Image Position (Patient) (0020,0032) at the top level or in
   * the functional groups, empty without Frame of Reference UID (0020,0052) or any position.
   */
  public Optional<CoordinateSystemNames> coordinateSystem() {
    return Spatial.getImageCoordinateSystem(dataset);
  }

  /**
   * Returns the study, series and SOP instance UIDs of every instance the image references in its
   * Common Instance Reference Module (PS3.3 C.12.2): Referenced Series Sequence (0008,1115) items
   * (in this image's study) and Studies Containing Other Referenced Instances Sequence (0008,1200);
   * highdicom's {@code get_source_image_uids}. Duplicates are dropped with a warning.
   *
   * @return the references in order of appearance, empty when there are none
   */
  public List<InstanceUids> getSourceImageUids() {
    return DimensionIndices.referencedInstances(dataset);
  }

  /** Returns the stored value type: from BitsAllocated and Pixel Representation, or float. */
  public DType storedDtype() {
    requirePixels();
    return arrays.storedDtype;
  }

  private PixelDataFrames requirePixels() {
    if (frames == null) {
      throw new IllegalStateException(
          "Input dataset does not represent an image (expected PixelData (7FE0,0010), "
              + "FloatPixelData (7FE0,0008) or DoubleFloatPixelData (7FE0,0009)).");
    }
    return frames;
  }

  private int toIndex(int frameNumber, boolean asIndex) {
    int n = numberOfFrames();
    int index = asIndex ? frameNumber : frameNumber - 1;
    if (index < 0 || index >= n) {
      throw new IllegalArgumentException(
          (asIndex ? "Frame index" : "Frame number")
              + " is out of range (expected "
              + (asIndex ? "0.." + (n - 1) : "1.." + n)
              + "): "
              + frameNumber);
    }
    return index;
  }

  /**
   * Returns the raw bytes of one frame (1-based number); highdicom's {@code get_raw_frame}.
   *
   * @param frameNumber 1..numberOfFrames
   * @return the encoded frame for encapsulated syntaxes; for native ones the frame's bytes
   *     (BitsAllocated 1 unpacked to one byte per pixel)
   * @throws IOException when the frame cannot be read
   */
  public byte[] getRawFrame(int frameNumber) throws IOException {
    return getRawFrame(frameNumber, false);
  }

  /**
   * Returns the raw bytes of one frame; highdicom's {@code get_raw_frame(frame_number, as_index)}.
   *
   * @param frameNumber 1-based number, or 0-based index with {@code asIndex}
   * @param asIndex read {@code frameNumber} as a 0-based index
   * @return the frame's bytes
   * @throws IOException when the frame cannot be read
   */
  public byte[] getRawFrame(int frameNumber, boolean asIndex) throws IOException {
    return requirePixels().rawFrame(toIndex(frameNumber, asIndex));
  }

  /**
   * Returns the stored values of one frame (1-based number); highdicom's {@code get_stored_frame}.
   *
   * @param frameNumber 1..numberOfFrames
   * @return shape (rows, columns) or (rows, columns, samples), of {@link #storedDtype()}
   * @throws IOException when the frame cannot be read or decoded
   */
  public NdArray getStoredFrame(int frameNumber) throws IOException {
    return getStoredFrame(frameNumber, false);
  }

  /**
   * Returns the stored values of one frame; highdicom's {@code get_stored_frame(frame_number,
   * as_index)}.
   *
   * <p>Stored values are decoded, reduced to BitsStored and sign-extended for Pixel Representation
   * 1, with samples interleaved; no colour conversion is applied except what decoding implies (JPEG
   * 2000 multiple component transform), so YBR frames stay YBR (native YBR_FULL_422 is upsampled to
   * YBR_FULL). PALETTE COLOR frames hold indices.
   *
   * @param frameNumber 1-based number, or 0-based index with {@code asIndex}
   * @param asIndex read {@code frameNumber} as a 0-based index
   * @return the frame
   * @throws IOException when the frame cannot be read or decoded
   */
  public NdArray getStoredFrame(int frameNumber, boolean asIndex) throws IOException {
    int index = toIndex(frameNumber, asIndex);
    return arrays.toArray(requirePixels().decode(index));
  }

  /**
   * Returns the stored values of all frames; highdicom's {@code get_stored_frames()}.
   *
   * @return shape (frames, rows, columns[, samples])
   * @throws IOException when a frame cannot be read or decoded
   */
  public NdArray getStoredFrames() throws IOException {
    return getStoredFrames(allIndices(), true);
  }

  /**
   * Returns the stored values of the given frames, in the given order, decoded in parallel;
   * highdicom's {@code get_stored_frames(frame_numbers, as_indices)}.
   *
   * @param frameNumbers 1-based numbers, or 0-based indices with {@code asIndices}
   * @param asIndices read the numbers as 0-based indices
   * @return shape (len(frameNumbers), rows, columns[, samples])
   * @throws IOException when a frame cannot be read or decoded
   */
  public NdArray getStoredFrames(int[] frameNumbers, boolean asIndices) throws IOException {
    int[] idx = indices(frameNumbers, asIndices);
    List<DecodedFrame> decoded = requirePixels().decode(idx, options.executor());
    List<NdArray> stored = new ArrayList<>(decoded.size());
    for (DecodedFrame f : decoded) {
      stored.add(arrays.toArray(f));
    }
    return FrameArrays.stack(stored, arrays.storedDtype, arrays.storedShape());
  }

  /**
   * Returns the stored values of all frames: highdicom's {@code pixel_array}, with the frame axis
   * omitted for a single frame.
   *
   * @return shape ([frames,] rows, columns[, samples])
   * @throws IOException when a frame cannot be read or decoded
   */
  public NdArray pixelArray() throws IOException {
    NdArray all = getStoredFrames();
    return numberOfFrames() == 1 ? all.get(0) : all;
  }

  /**
   * Returns one frame with the default transforms (every transform present except VOI, FLOAT64);
   * highdicom's {@code get_frame(frame_number)}.
   *
   * @param frameNumber 1..numberOfFrames
   * @return shape (rows, columns) or (rows, columns, 3)
   * @throws IOException when the frame cannot be read or decoded
   */
  public NdArray getFrame(int frameNumber) throws IOException {
    return getFrame(frameNumber, false, PixelTransformOptions.DEFAULT);
  }

  /**
   * Returns one frame with the chosen transforms (1-based number).
   *
   * @param frameNumber 1..numberOfFrames
   * @param transforms the transforms and output type
   * @return shape (rows, columns) or (rows, columns, 3)
   * @throws IOException when the frame cannot be read or decoded
   */
  public NdArray getFrame(int frameNumber, PixelTransformOptions transforms) throws IOException {
    return getFrame(frameNumber, false, transforms);
  }

  /**
   * Returns one frame with pixel transforms applied; highdicom's {@code get_frame(frame_number,
   * as_index, dtype, apply_…)}. Colour frames decoded as YBR_FULL are converted to RGB (PS3.3
   * C.7.6.3.1.2) before an ICC profile is applied.
   *
   * @param frameNumber 1-based number, or 0-based index with {@code asIndex}
   * @param asIndex read {@code frameNumber} as a 0-based index
   * @param transforms the transforms and output type
   * @return shape (rows, columns) or (rows, columns, 3), of {@code transforms.dtype()}
   * @throws IOException when the frame cannot be read or decoded
   * @throws IllegalArgumentException when a required transform is absent or the output type cannot
   *     hold the values (highdicom's messages)
   */
  public NdArray getFrame(int frameNumber, boolean asIndex, PixelTransformOptions transforms)
      throws IOException {
    Objects.requireNonNull(transforms, "transforms");
    int index = toIndex(frameNumber, asIndex);
    CombinedPixelTransform t = transform(index, transforms);
    DecodedFrame f = requirePixels().decode(index);
    return t.apply(arrays.toTransformInput(f));
  }

  /**
   * Returns all frames with the chosen transforms; highdicom's {@code get_frames()}.
   *
   * @param transforms the transforms and output type
   * @return shape (frames, rows, columns[, 3])
   * @throws IOException when a frame cannot be read or decoded
   */
  public NdArray getFrames(PixelTransformOptions transforms) throws IOException {
    return getFrames(allIndices(), true, transforms);
  }

  /**
   * Returns the given frames, in the given order, with pixel transforms applied; highdicom's {@code
   * get_frames(frame_numbers, as_indices, …)}. Frames decode in parallel.
   *
   * @param frameNumbers 1-based numbers, or 0-based indices with {@code asIndices}
   * @param asIndices read the numbers as 0-based indices
   * @param transforms the transforms and output type
   * @return shape (len(frameNumbers), rows, columns[, 3])
   * @throws IOException when a frame cannot be read or decoded
   */
  public NdArray getFrames(int[] frameNumbers, boolean asIndices, PixelTransformOptions transforms)
      throws IOException {
    Objects.requireNonNull(transforms, "transforms");
    int[] idx = indices(frameNumbers, asIndices);
    List<NdArray> out = transformedFrames(idx, transforms);
    int[] shape = out.isEmpty() ? outputShape(transforms) : out.get(0).shape();
    return FrameArrays.stack(out, transforms.dtype(), shape);
  }

  private List<NdArray> transformedFrames(int[] idx, PixelTransformOptions o) throws IOException {
    List<DecodedFrame> decoded = requirePixels().decode(idx, options.executor());
    List<NdArray> out = new ArrayList<>(idx.length);
    CombinedPixelTransform shared = null;
    for (int k = 0; k < idx.length; k++) {
      CombinedPixelTransform t = shared != null ? shared : transform(idx[k], o);
      if (t.appliesToAllFrames()) {
        shared = t;
      }
      out.add(t.apply(arrays.toTransformInput(decoded.get(k))));
    }
    return out;
  }

  private int[] outputShape(PixelTransformOptions o) {
    FrameDescriptor d = requirePixels().descriptor();
    return transform(0, o).colorOutput()
        ? new int[] {d.rows(), d.columns(), 3}
        : new int[] {d.rows(), d.columns()};
  }

  /**
   * Returns a region of the Total Pixel Matrix of a tiled image with default transforms;
   * highdicom's {@code get_total_pixel_matrix()}.
   *
   * @param transforms the transforms and output type
   * @return shape (TotalPixelMatrixRows, TotalPixelMatrixColumns[, 3])
   * @throws IOException when a frame cannot be read or decoded
   */
  public NdArray getTotalPixelMatrix(PixelTransformOptions transforms) throws IOException {
    return getTotalPixelMatrix(null, null, null, null, false, transforms);
  }

  /**
   * Returns a region of the Total Pixel Matrix (PS3.3 C.7.6.17.3) of a tiled image, stitched from
   * the tiles it overlaps (TILED_FULL, or positions from Plane Position (Slide) Sequence);
   * positions without a tile are 0; highdicom's {@code get_total_pixel_matrix}.
   *
   * <p>By default rows and columns are 1-based as in DICOM, starts inclusive and ends exclusive
   * ({@code rowEnd} n includes row n − 1); with {@code asIndices} they are 0-based. Negative values
   * count from the end (−1 is the last row or column); null means the first or past the last.
   *
   * @param rowStart first row, or null
   * @param rowEnd row after the last, or null
   * @param columnStart first column, or null
   * @param columnEnd column after the last, or null
   * @param asIndices read the bounds as 0-based indices
   * @param transforms the transforms and output type
   * @return shape (rows, columns[, 3]) of the region
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalStateException when the image cannot be indexed as a total pixel matrix
   * @throws IllegalArgumentException when the bounds are outside the matrix or empty, or Number of
   *     Frames (0028,0008) is inconsistent (see {@link #isIndexableAsTotalPixelMatrix})
   */
  public NdArray getTotalPixelMatrix(
      Integer rowStart,
      Integer rowEnd,
      Integer columnStart,
      Integer columnEnd,
      boolean asIndices,
      PixelTransformOptions transforms)
      throws IOException {
    Objects.requireNonNull(transforms, "transforms");
    requirePixels();
    TileLayout l = layout();
    if (l == null) {
      throw new IllegalStateException(
          "Image is not indexable as a total pixel matrix (expected a tiled image with one focal"
              + " plane and optical path and distinct tile positions)");
    }
    int r0 = bound(rowStart, 0, l.totalRows, asIndices, "row_start", TPM);
    int r1 = bound(rowEnd, l.totalRows, l.totalRows, asIndices, "row_end", TPM);
    int c0 = bound(columnStart, 0, l.totalColumns, asIndices, "column_start", TPM);
    int c1 = bound(columnEnd, l.totalColumns, l.totalColumns, asIndices, "column_end", TPM);
    if (r0 >= r1 || c0 >= c1) {
      throw new IllegalArgumentException(
          "Total pixel matrix region is empty (expected start < end): rows "
              + r0
              + ":"
              + r1
              + ", columns "
              + c0
              + ":"
              + c1);
    }
    int[] idx = l.overlapping(r0, r1, c0, c1);
    List<NdArray> tiles = transformedFrames(idx, transforms);
    int[] tileShape = tiles.isEmpty() ? outputShape(transforms) : tiles.get(0).shape();
    return l.stitch(idx, tiles, tileShape, transforms.dtype(), r0, r1, c0, c1);
  }

  /**
   * Returns the geometry of the image in 3D space with highdicom's defaults (rtol 0.01,
   * perpendicularity 1e-3, no missing positions, duplicates allowed); highdicom's {@code
   * get_volume_geometry()}.
   *
   * @return the geometry, or empty when the image is no regularly spaced volume
   */
  public Optional<VolumeGeometry> getVolumeGeometry() {
    return getVolumeGeometry(null, null, null, false, true);
  }

  /**
   * Returns the geometry of the image in 3D space, without decoding pixels; highdicom's {@code
   * get_volume_geometry(rtol, atol, perpendicular_tol, allow_missing_positions,
   * allow_duplicate_positions)}. It exists for frames at regularly spaced positions along the
   * normal of one shared orientation (multi-frame CT, MR, PET; from Plane Position Sequence
   * (0020,9113) per frame), for a single frame with a position and orientation (depth 1, spacing
   * from Spacing Between Slices (0018,0088) or 1), and for a tiled slide image indexable as a total
   * pixel matrix (depth 1, origin from Total Pixel Matrix Origin Sequence (0048,0008)). Slices are
   * ordered along column cosines × row cosines.
   *
   * @param rtol relative tolerance of spacing regularity, or null (0.01 when atol is null too)
   * @param atol absolute tolerance in millimetres, or null; not together with rtol
   * @param perpendicularTol tolerance of the stack direction against the normal, or null (1e-3)
   * @param allowMissingPositions allow positions without a frame
   * @param allowDuplicatePositions allow several frames at one position
   * @return the geometry, or empty when the image is no regularly spaced volume
   * @throws IllegalArgumentException when rtol and atol are both given, or Spacing Between Slices
   *     contradicts the positions
   */
  public Optional<VolumeGeometry> getVolumeGeometry(
      Double rtol,
      Double atol,
      Double perpendicularTol,
      boolean allowMissingPositions,
      boolean allowDuplicatePositions) {
    return Volumes.imageGeometry(
        this,
        new VolumeReadOptions(rtol, atol, perpendicularTol, null, allowMissingPositions),
        allowDuplicatePositions);
  }

  /**
   * Returns the frames as a volume with the default transforms (every transform present except VOI,
   * FLOAT64) and tolerances; highdicom's {@code get_volume()}.
   *
   * @return the volume
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalStateException when the image is no regularly spaced volume
   */
  public Volume getVolume() throws IOException {
    return getVolume(PixelTransformOptions.DEFAULT, VolumeReadOptions.defaults());
  }

  /**
   * Returns all frames as a volume.
   *
   * @param transforms the pixel transforms and output type
   * @param options tolerances and gap handling
   * @return the volume
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalStateException when the image is no regularly spaced volume
   */
  public Volume getVolume(PixelTransformOptions transforms, VolumeReadOptions options)
      throws IOException {
    return getVolume(null, null, null, null, null, null, false, transforms, options);
  }

  /**
   * Returns the frames, or a region of them, as a volume (array and affine); highdicom's {@code
   * get_volume(slice_start, slice_end, row_start, row_end, column_start, column_end, as_indices,
   * dtype, apply_…, allow_missing_positions, rtol, atol)}.
   *
   * <p>The geometry is that of {@link #getVolumeGeometry} without duplicate positions. Only the
   * frames of the requested slices are read and decoded, in parallel on the executor of the read
   * options, and each passes through the same pixel transform pipeline as {@link #getFrame}. For a
   * tiled image the volume has one slice and only the tiles overlapping the requested rows and
   * columns are read. Slices at missing positions (with {@code allowMissingPositions}) are 0.
   *
   * <p>Bounds are 1-based, starts inclusive and ends exclusive ({@code sliceEnd} n includes slice n
   * − 1); with {@code asIndices} they are 0-based. Negative values count from the end (−1 is the
   * last); null means the first or past the last. {@code getVolume(2, null, 11, null, 21, null,
   * false, …)} equals {@code getVolume().slice("1:, 10:, 20:")}, affine included.
   *
   * @param sliceStart first slice, or null
   * @param sliceEnd slice after the last, or null
   * @param rowStart first row, or null
   * @param rowEnd row after the last, or null
   * @param columnStart first column, or null
   * @param columnEnd column after the last, or null
   * @param asIndices read the bounds as 0-based indices
   * @param transforms the pixel transforms and output type
   * @param options tolerances and gap handling ({@code orientationTol} does not apply)
   * @return the volume of shape (slices, rows, columns) or, for colour output, (slices, rows,
   *     columns, 3) with an RGB channel
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalStateException when the image is no regularly spaced volume
   * @throws IllegalArgumentException when a bound is 0 (1-based), outside the volume, or the region
   *     is empty, or a transform does not fit
   */
  public Volume getVolume(
      Integer sliceStart,
      Integer sliceEnd,
      Integer rowStart,
      Integer rowEnd,
      Integer columnStart,
      Integer columnEnd,
      boolean asIndices,
      PixelTransformOptions transforms,
      VolumeReadOptions options)
      throws IOException {
    Objects.requireNonNull(options, "options");
    return Volumes.imageVolume(
        this,
        sliceStart,
        sliceEnd,
        rowStart,
        rowEnd,
        columnStart,
        columnEnd,
        asIndices,
        transforms,
        options);
  }

  /**
   * Builds a volume from a series of single-frame images with the default transforms and
   * tolerances; highdicom's {@code get_volume_from_series(series_datasets)}.
   *
   * @param series the images, in any order
   * @return the volume, FLOAT64
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalArgumentException when the images are no regularly spaced volume
   */
  public static Volume getVolumeFromSeries(List<Image> series) throws IOException {
    return getVolumeFromSeries(series, PixelTransformOptions.DEFAULT, VolumeReadOptions.defaults());
  }

  /**
   * Builds a volume from a series of single-frame images; highdicom's {@code
   * get_volume_from_series(series_datasets, dtype, apply_…, atol, rtol, perpendicular_tol,
   * orientation_tol)}. The images must be single-frame ("Datasets should be single-frame images."),
   * of one series ("Images do not belong to the same series."), in the patient coordinate system
   * ("Dataset should exist in the patient coordinate_system."), share a frame of reference ("Images
   * do not share a frame of reference."), an orientation ("Images do not have the same
   * orientation.", or with an orientation tolerance "Orientations are not consistent within the
   * specified tolerance."), pixel spacing and size, and lie at regularly spaced positions along the
   * normal ("Series is not a regularly-spaced volume."); Spacing Between Slices (0018,0088) of the
   * first image, when present, must agree with the positions. The first slice is the one furthest
   * against column cosines × row cosines. Frames decode in parallel and pass through the same
   * transform pipeline as {@link #getFrame}. For data sets and files see {@link Volumes#fromSeries}
   * and {@link Volumes#read}.
   *
   * @param series the images, in any order
   * @param transforms the pixel transforms and output type
   * @param options tolerances and gap handling
   * @return the volume
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalArgumentException when the images are no regularly spaced volume
   */
  public static Volume getVolumeFromSeries(
      List<Image> series, PixelTransformOptions transforms, VolumeReadOptions options)
      throws IOException {
    return Volumes.fromImages(series, transforms, options);
  }

  /** Converts a 1-based (or 0-based) bound with Python semantics to a 0-based index. */
  static int bound(Integer v, int dflt, int total, boolean asIndices, String name, String what) {
    if (v == null) {
      return dflt;
    }
    int i = v < 0 ? total + v : (asIndices ? v : v - 1);
    if (!asIndices && v == 0) {
      throw new IllegalArgumentException(
          "Argument \"" + name + "\" must not be 0 with 1-based numbers (expected ≥ 1 or < 0): 0");
    }
    if (i < 0 || i > total) {
      throw new IllegalArgumentException(
          "Argument \""
              + name
              + "\" is outside the "
              + what
              + " (expected within "
              + total
              + "): "
              + v);
    }
    return i;
  }

  private TileLayout layout() {
    if (!tileLayoutKnown) {
      String problem = isTiled() ? frameCountProblem() : null;
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      tileLayout = TileLayout.of(dataset);
      tileLayoutKnown = true;
    }
    return tileLayout;
  }

  /**
   * Decodes one frame (0-based index) and applies a transform built for it.
   *
   * @param index 0-based frame index
   * @param t the transform of that frame (or one that applies to all frames)
   * @return the transformed frame
   */
  NdArray transformedFrame(int index, CombinedPixelTransform t) throws IOException {
    return t.apply(arrays.toTransformInput(requirePixels().decode(index)));
  }

  CombinedPixelTransform transform(int index, PixelTransformOptions o) {
    requirePixels();
    return new CombinedPixelTransform(dataset, index, o, arrays.storedDtype, arrays.inputRange());
  }

  /**
   * Describes why Number of Frames (0028,0008) exceeds what the pixel data can hold (one fragment
   * or more per encapsulated frame, whole frames of native bytes), or returns null when it does
   * not. Checked before anything is sized by Number of Frames, which may be corrupt (e.g.
   * 2147483647).
   */
  private String frameCountProblem() {
    if (frames == null) {
      return null;
    }
    int n = numberOfFrames();
    int tag = frames.pixelDataTag();
    Fragments f = dataset.getFragments(tag);
    if (f != null) {
      return n <= f.fragmentCount()
          ? null
          : "NumberOfFrames (0028,0008) exceeds what "
              + DicomDataset.tagString(tag)
              + " holds (expected ≤ "
              + f.fragmentCount()
              + " fragments, one or more per frame): "
              + n;
    }
    BulkDataRef ref = dataset.getBulkDataRef(tag);
    byte[] bytes = ref == null ? dataset.getBytes(tag) : null;
    long length = ref != null ? ref.length() : bytes == null ? 0 : bytes.length;
    long frameBits = NativePixelData.frameLengthBits(frames.descriptor());
    long held = length * 8 / frameBits;
    return n <= held
        ? null
        : "NumberOfFrames (0028,0008) exceeds what "
            + DicomDataset.tagString(tag)
            + " holds (expected ≤ "
            + held
            + " frames of "
            + frameBits
            + " bits): "
            + n;
  }

  private int[] allIndices() throws DicomStreamException {
    String problem = frameCountProblem();
    if (problem != null) {
      throw new DicomStreamException(problem);
    }
    int[] all = new int[numberOfFrames()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  private int[] indices(int[] frameNumbers, boolean asIndices) {
    Objects.requireNonNull(frameNumbers, "frameNumbers");
    int[] idx = new int[frameNumbers.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = toIndex(frameNumbers[i], asIndices);
    }
    return idx;
  }

  @Override
  public String toString() {
    return "Image[frames="
        + numberOfFrames()
        + ", sopClass="
        + dataset.getString(Tag.SOPClassUID, "?")
        + ", ts="
        + transferSyntax.uid()
        + "]";
  }
}
