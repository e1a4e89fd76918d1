package org.highdicom4j.seg;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.highdicom4j.DimensionOrganizationTypeValues;
import org.highdicom4j.ImageReadOptions;
import org.highdicom4j.NdArray;
import org.highdicom4j.SOPClass;
import org.highdicom4j.ValueRepresentations;
import org.highdicom4j.Volume;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.ReadOptions;
import org.highdicom4j.dicom.io.TransferSyntax;

/**
 * A Segmentation image (PS3.3 A.51): segments of one or more source images stored as frames of
 * BINARY (1-bit), FRACTIONAL (8-bit) or LABELMAP (8/16-bit, Label Map Segmentation Storage) pixels,
 * with per-frame references to the source frames and their plane positions.
 *
 * <p>Created with {@link #builder()}; {@link Builder#build()} makes every check highdicom makes on
 * the same inputs and returns an immutable object whose {@link #dataset()} is read-only. Frames are
 * computed from the pixel array one at a time (a label map is never expanded into one volume per
 * segment) and compressed in parallel.
 *
 * <pre>{@code
 * Segmentation seg = Segmentation.builder()
 *     .sourceImages(ctSlices)                 // one series, or one enhanced multi-frame image
 *     .pixelArray(labelMap)                   // (frames, rows, columns), value = segment number
 *     .segmentationType(SegmentationTypeValues.BINARY)
 *     .segmentDescriptions(List.of(liver))
 *     .seriesInstanceUid(UidGenerator.newUid()).seriesNumber(100)
 *     .sopInstanceUid(UidGenerator.newUid()).instanceNumber(1)
 *     .manufacturer("Acme").manufacturerModelName("Liver AI")
 *     .softwareVersions("1.0").deviceSerialNumber("42")
 *     .build();
 * seg.write(Path.of("seg.dcm"));
 * }</pre>
 *
 * <p>The pixel array may also be a {@link Volume} ({@link Builder#pixelArray(Volume)}): its affine
 * then gives each frame's position, orientation and pixel measures, and per-frame source references
 * are inferred from the source frames the slices coincide with. Further source images of the same
 * study ({@link Builder#furtherSourceImages}) are referenced without taking part in the geometry.
 *
 * <p>A tiled slide microscopy source (VL Whole Slide Microscopy, TILED_FULL or TILED_SPARSE) gives
 * a segmentation in the SLIDE coordinate system: Total Pixel Matrix attributes, Image Orientation
 * (Slide) and a Plane Position (Slide) per frame, Dimension Organization Type TILED_SPARSE
 * (default) or TILED_FULL. Its pixel array holds one frame per source tile or, with {@link
 * Builder#tilePixelArray}, one total pixel matrix that is cut into tiles of {@link
 * Builder#tileSize}.
 *
 * <p>{@link #createSegmentationPyramid} makes a multi-resolution pyramid of such segmentations.
 *
 * <p>Not yet supported (highdicom has them): segmentations of a source pyramid (several source
 * images of decreasing resolution), tiled sources with several focal planes or optical paths, a
 * depth-1 {@code Volume} as the total pixel matrix of a tiled source (pass an {@link NdArray}),
 * contributing equipment, ICC profiles, content creator identification. highdicom's deprecated
 * {@code add_segments} is deliberately absent: pass all segments to the builder.
 *
 * <p>highdicom: {@code highdicom.seg.Segmentation}.
 */
public final class Segmentation extends SOPClass {
  /** Values above this size stay in the file with lazy frame retrieval. */
  private static final long LAZY_BULK_THRESHOLD = 4096;

  /** Values above this size are read after parsing: BINARY Pixel Data without its zero blocks. */
  private static final long COMPACT_THRESHOLD = 1 << 20;

  /** Label Map Segmentation Storage SOP Class UID (Supplement 243, PS3.4 B.5). */
  public static final String LABEL_MAP_SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.7";

  private final SegmentationTypeValues segmentationType;
  private final List<SegmentDescription> segmentDescriptions;
  private final int numberOfFrames;
  private final Executor executor;
  private volatile SegmentationContent content;

  private Segmentation(
      DicomDataset ds,
      String ts,
      SegmentationTypeValues type,
      List<SegmentDescription> descriptions,
      int frames,
      Executor executor) {
    super(ds, ts);
    this.segmentationType = type;
    this.segmentDescriptions = List.copyOf(descriptions);
    this.numberOfFrames = frames;
    this.executor = executor;
  }

  private Segmentation(DicomDataset ds, TransferSyntax ts, Executor executor) {
    super(ds, ts.uid());
    SegmentationContent c = new SegmentationContent(dataset(), ts, executor);
    this.segmentationType = c.type;
    this.segmentDescriptions = c.descriptions;
    this.numberOfFrames = c.index.numberOfFrames;
    this.executor = executor;
    this.content = c;
  }

  /**
   * Reads a segmentation file with all its data; highdicom's {@code segread(fp)}.
   *
   * @param path a DICOM file (PS3.10) of Segmentation Storage or Label Map Segmentation Storage
   * @return the segmentation
   * @throws IOException when the file cannot be read or parsed
   * @throws IllegalArgumentException when it is no segmentation or its attributes are unusable
   */
  public static Segmentation read(Path path) throws IOException {
    return read(path, ImageReadOptions.DEFAULT);
  }

  /**
   * Reads a segmentation from the bytes of a DICOM file (PS3.10); highdicom's {@code segread} of
   * {@code bytes}. Every value is held in memory.
   *
   * @param bytes the file's bytes
   * @return the segmentation
   * @throws IOException when the bytes cannot be parsed
   * @throws IllegalArgumentException when they hold no segmentation or its attributes are unusable
   */
  public static Segmentation read(byte[] bytes) throws IOException {
    Objects.requireNonNull(bytes, "bytes");
    DicomFile f = DicomReader.read(bytes);
    return wrap(f.dataset(), f.transferSyntax(), ImageReadOptions.DEFAULT.executor());
  }

  /**
   * Reads a segmentation from a stream holding a DICOM file (PS3.10), read to its end but not
   * closed; highdicom's {@code segread} of a file-like object. Every value is held in memory.
   *
   * @param in the stream
   * @return the segmentation
   * @throws IOException when the stream cannot be read or parsed
   * @throws IllegalArgumentException when it holds no segmentation or its attributes are unusable
   */
  public static Segmentation read(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in");
    DicomFile f = DicomReader.read(in);
    return wrap(f.dataset(), f.transferSyntax(), ImageReadOptions.DEFAULT.executor());
  }

  /**
   * Reads a segmentation file; highdicom's {@code segread(fp, lazy_frame_retrieval)}. With lazy
   * frame retrieval only the metadata is read at first, and each pixel query reads just the frames
   * it needs from the file. Frames decode in parallel on the options' executor. Without it, every
   * value is read into memory; native BINARY Pixel Data is held without its all-zero 32-byte blocks
   * (most of a BINARY frame is zero bits), which {@code dataset().getBytes} fills in again.
   *
   * @param path a DICOM file (PS3.10)
   * @param options lazy frame retrieval and executor
   * @return the segmentation
   * @throws IOException when the file cannot be read or parsed
   * @throws IllegalArgumentException when it is no segmentation or its attributes are unusable
   */
  public static Segmentation read(Path path, ImageReadOptions options) throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(options, "options");
    return read(path, options, COMPACT_THRESHOLD, 0.5);
  }

  /**
   * Reads a file; values above {@code compactThreshold} are read after parsing, BINARY Pixel Data
   * sparsely unless more than {@code maxStoredFraction} of its blocks hold data.
   */
  static Segmentation read(
      Path path, ImageReadOptions options, long compactThreshold, double maxStoredFraction)
      throws IOException {
    if (options.lazyFrameRetrieval()) {
      DicomFile f =
          DicomReader.read(path, ReadOptions.DEFAULT.withBulkDataThreshold(LAZY_BULK_THRESHOLD));
      return wrap(f.dataset(), f.transferSyntax(), options.executor());
    }
    DicomFile f =
        DicomReader.read(path, ReadOptions.DEFAULT.withBulkDataThreshold(compactThreshold));
    DicomDataset ds = f.dataset();
    BulkDataRef pixels = ds.getBulkDataRef(Tag.PixelData);
    // BINARY frames are mostly zero bits: only the blocks holding set bits stay in memory.
    SparseBulkData sparse =
        pixels != null
                && pixels.swapUnit() == 0
                && "BINARY".equals(ds.getString(Tag.SegmentationType))
            ? SparseBulkData.read(
                path, pixels.offset(), pixels.length(), maxStoredFraction, options.executor())
            : null;
    if (sparse != null) {
      ds.putValue(Tag.PixelData, ds.vr(Tag.PixelData), BulkDataRef.of(sparse, 0, pixels.length()));
    }
    loadBulkData(ds);
    return wrap(ds, f.transferSyntax(), options.executor());
  }

  /** Reads every value still in the file into memory, fragments and nested items too. */
  private static void loadBulkData(DicomDataset ds) throws IOException {
    for (int tag : ds.tags()) {
      BulkDataRef ref = ds.getBulkDataRef(tag);
      Fragments fragments = ds.getFragments(tag);
      if (ref != null && !(ref.source() instanceof SparseBulkData)) {
        ds.putValue(tag, ds.vr(tag), ref.load());
      } else if (fragments != null) {
        ds.setFragments(tag, ds.vr(tag), loadFragments(fragments));
      } else if (ds.vr(tag) == VR.SQ) {
        Sequence seq = ds.getSequence(tag);
        for (int i = 0; seq != null && i < seq.size(); i++) {
          loadBulkData(seq.get(i));
        }
      }
    }
  }

  /** Returns the fragments with every item in memory, read under one hold of their file. */
  private static Fragments loadFragments(Fragments fragments) throws IOException {
    BulkDataRef first = null;
    for (int i = 0; i < fragments.size() && first == null; i++) {
      first = fragments.itemRef(i);
    }
    Closeable held = first == null ? () -> {} : first.source().hold();
    try {
      Fragments loaded = new Fragments();
      for (int i = 0; i < fragments.size(); i++) {
        loaded.add(fragments.item(i));
      }
      return loaded;
    } finally {
      held.close();
    }
  }

  /**
   * Creates a segmentation from a copy of a data set; highdicom's {@code
   * Segmentation.from_dataset(dataset, copy=True)}. Native pixel data is assumed (Explicit VR
   * Little Endian); use {@link #fromDataset(DicomDataset, String, ImageReadOptions)} for others.
   *
   * @param dataset a Segmentation or Label Map Segmentation instance
   * @return the segmentation
   * @throws IllegalArgumentException when it is no segmentation or its attributes are unusable
   */
  public static Segmentation fromDataset(DicomDataset dataset) {
    return fromDataset(dataset, UID.ExplicitVRLittleEndian, ImageReadOptions.DEFAULT);
  }

  /**
   * Creates a segmentation from a copy of a data set whose pixel data is encoded in a given
   * transfer syntax; highdicom's {@code Segmentation.from_dataset}. Bulk data references are kept,
   * so a data set read lazily stays lazy.
   *
   * @param dataset a Segmentation or Label Map Segmentation instance
   * @param transferSyntaxUid Transfer Syntax UID (0002,0010) of its Pixel Data
   * @param options the executor frames decode on
   * @return the segmentation
   * @throws IllegalArgumentException when it is no segmentation or its attributes are unusable
   */
  public static Segmentation fromDataset(
      DicomDataset dataset, String transferSyntaxUid, ImageReadOptions options) {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
    Objects.requireNonNull(options, "options");
    return wrap(dataset.deepCopy(), TransferSyntax.of(transferSyntaxUid), options.executor());
  }

  private static Segmentation wrap(DicomDataset ds, TransferSyntax ts, Executor executor) {
    String sopClass = ds.getString(Tag.SOPClassUID);
    if (!UID.SegmentationStorage.equals(sopClass)
        && !LABEL_MAP_SEGMENTATION_STORAGE.equals(sopClass)) {
      throw new IllegalArgumentException(
          "SOPClassUID (0008,0016) is not a segmentation (expected "
              + UID.SegmentationStorage
              + " or "
              + LABEL_MAP_SEGMENTATION_STORAGE
              + "): "
              + sopClass);
    }
    return new Segmentation(ds, ts, executor);
  }

  /** The reading side, parsed once from the data set (built segmentations parse on first use). */
  private SegmentationContent content() {
    SegmentationContent c = content;
    if (c == null) {
      synchronized (this) {
        c = content;
        if (c == null) {
          c = new SegmentationContent(dataset(), TransferSyntax.of(transferSyntaxUid()), executor);
          content = c;
        }
      }
    }
    return c;
  }

  /**
   * Starts building a segmentation.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates a multi-resolution segmentation pyramid of a tiled slide microscopy image: one
   * Segmentation instance per level, all of one series, numbered 1, 2, 3 … from the highest
   * resolution down, and sharing one Pyramid UID (0008,0019) (PS3.3 C.8.12.4.1.9). Each level is
   * made as by {@link Builder#tilePixelArray} from a total pixel matrix; its Pixel Spacing
   * (0028,0030) is the source's scaled by the ratio of the first array's size to the level's, so
   * all levels cover the slide region of the source with the same origin and orientation.
   *
   * <p>Two scenarios are supported: one source image and one pixel array with {@code
   * downsampleFactors} (level i + 1 has {@code (int) (size / downsampleFactors[i])} rows and
   * columns, truncated as in highdicom, resampled from the nearest pixel centre, or with linear
   * weights for a floating-point FRACTIONAL array); or one source image and several pixel arrays of
   * strictly decreasing size, one per level. Segmenting a source pyramid (several source images) is
   * not supported.
   *
   * <p>highdicom: {@code highdicom.seg.create_segmentation_pyramid}; its {@code **kwargs} and the
   * common parameters (segmentation type, segment descriptions, series, equipment, {@code
   * pyramid_uid}, {@code pyramid_label}) are set by {@code options}.
   *
   * @param sourceImages exactly one VL Whole Slide Microscopy image (pixel data may be absent),
   *     whose total pixel matrix {@code pixelArrays[0]} segments pixel for pixel
   * @param pixelArrays total pixel matrices, (rows, columns), (1, rows, columns) or (1, rows,
   *     columns, segments), values as for {@link Builder#pixelArray(NdArray)}, of one dtype, in
   *     strictly decreasing size; not copied
   * @param downsampleFactors factors &gt; 1 in strictly ascending order with one pixel array, null
   *     with several
   * @param sopInstanceUids SOP Instance UID (0008,0018) of each level, or null to generate them
   * @param options called once per level on a fresh builder, whose Series Instance UID (0020,000E)
   *     and {@link Builder#pyramidUid} hold generated UIDs that it may replace (with the same value
   *     for every level); it sets everything else except source images, pixel array, tiling, plane
   *     positions, orientation, pixel measures, SOP instance UID and instance number
   * @return the levels, highest resolution first
   * @throws IllegalArgumentException when the inputs are inconsistent; the message names the
   *     parameter
   * @throws IllegalStateException when {@code options} left out a required option
   */
  public static List<Segmentation> createSegmentationPyramid(
      List<DicomDataset> sourceImages,
      List<NdArray> pixelArrays,
      double[] downsampleFactors,
      List<String> sopInstanceUids,
      Consumer<Builder> options) {
    return SegmentationPyramid.create(
        sourceImages,
        pixelArrays,
        downsampleFactors == null ? null : downsampleFactors.clone(),
        sopInstanceUids,
        options);
  }

  /** Returns Segmentation Type (0062,0001). */
  public SegmentationTypeValues segmentationType() {
    return segmentationType;
  }

  /**
   * Returns the described segments in Segment Number order (for LABELMAP without the background
   * segment 0 added automatically).
   */
  public List<SegmentDescription> segmentDescriptions() {
    return segmentDescriptions;
  }

  /** Returns Number of Frames (0028,0008). */
  public int numberOfFrames() {
    return numberOfFrames;
  }

  // ---------------------------------------------------------------- segments (reading)

  /**
   * Returns Segmentation Fractional Type (0062,0010) of a FRACTIONAL segmentation; highdicom's
   * {@code segmentation_fractional_type}.
   */
  public Optional<SegmentationFractionalTypeValues> segmentationFractionalType() {
    return Optional.ofNullable(content().fractionalType);
  }

  /** Returns Maximum Fractional Value (0062,000E) of a FRACTIONAL segmentation, else 1. */
  public int maxFractionalValue() {
    return content().maxFractionalValue;
  }

  /** Returns the number of described segments (without a label map's background). */
  public int numberOfSegments() {
    return segmentDescriptions.size();
  }

  /**
   * Returns the Segment Number (0062,0004) of each described segment in ascending order, without a
   * label map's background 0; highdicom's {@code segment_numbers} (need not be consecutive).
   */
  public int[] segmentNumbers() {
    return content().segmentNumbers();
  }

  /**
   * Returns the description of one segment; highdicom's {@code get_segment_description}.
   *
   * @param segmentNumber Segment Number (0062,0004); 0 is the background of a label map
   * @return the description
   * @throws IllegalArgumentException "n is an invalid segment number for this dataset." when absent
   */
  public SegmentDescription getSegmentDescription(int segmentNumber) {
    return content().description(segmentNumber);
  }

  /** Returns the distinct Segmented Property Category codes of the segments, in segment order. */
  public List<CodedConcept> segmentedPropertyCategories() {
    List<CodedConcept> out = new ArrayList<>();
    for (SegmentDescription d : segmentDescriptions) {
      if (!out.contains(d.segmentedPropertyCategory())) {
        out.add(d.segmentedPropertyCategory());
      }
    }
    return List.copyOf(out);
  }

  /** Returns the distinct Segmented Property Type codes of the segments, in segment order. */
  public List<CodedConcept> segmentedPropertyTypes() {
    List<CodedConcept> out = new ArrayList<>();
    for (SegmentDescription d : segmentDescriptions) {
      if (!out.contains(d.segmentedPropertyType())) {
        out.add(d.segmentedPropertyType());
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns the numbers of the segments matching every given filter; highdicom's {@code
   * get_segment_numbers}. A null filter matches any segment.
   *
   * @param segmentLabel Segment Label (0062,0005), or null
   * @param category Segmented Property Category Code Sequence (0062,0003) code, or null
   * @param type Segmented Property Type Code Sequence (0062,000F) code, or null
   * @param algorithmType Segment Algorithm Type (0062,0008), or null
   * @param trackingUid Tracking UID (0062,0021), or null
   * @param trackingId Tracking ID (0062,0020), or null
   * @return matching segment numbers in ascending order
   */
  public int[] getSegmentNumbers(
      String segmentLabel,
      CodedConcept category,
      CodedConcept type,
      SegmentAlgorithmTypeValues algorithmType,
      String trackingUid,
      String trackingId) {
    return segmentDescriptions.stream()
        .filter(d -> segmentLabel == null || segmentLabel.equals(d.segmentLabel()))
        .filter(d -> category == null || category.equals(d.segmentedPropertyCategory()))
        .filter(d -> type == null || type.equals(d.segmentedPropertyType()))
        .filter(d -> algorithmType == null || algorithmType == d.algorithmType())
        .filter(d -> trackingUid == null || trackingUid.equals(d.trackingUid().orElse(null)))
        .filter(d -> trackingId == null || trackingId.equals(d.trackingId().orElse(null)))
        .mapToInt(SegmentDescription::segmentNumber)
        .toArray();
  }

  /**
   * A segment's Tracking ID (0062,0020) and Tracking UID (0062,0021); an element of highdicom's
   * {@code get_tracking_ids()}.
   *
   * @param trackingId Tracking ID (0062,0020)
   * @param trackingUid Tracking UID (0062,0021)
   */
  public record Tracking(String trackingId, String trackingUid) {}

  /**
   * Returns the distinct tracking identifiers of the segments matching the filters; highdicom's
   * {@code get_tracking_ids}. A null filter matches any segment.
   *
   * @param category Segmented Property Category code, or null
   * @param type Segmented Property Type code, or null
   * @param algorithmType Segment Algorithm Type (0062,0008), or null
   * @return the identifiers of tracked segments, in segment order
   */
  public List<Tracking> getTrackingIds(
      CodedConcept category, CodedConcept type, SegmentAlgorithmTypeValues algorithmType) {
    List<Tracking> out = new ArrayList<>();
    for (int n : getSegmentNumbers(null, category, type, algorithmType, null, null)) {
      SegmentDescription d = getSegmentDescription(n);
      if (d.trackingId().isPresent() && d.trackingUid().isPresent()) {
        Tracking t = new Tracking(d.trackingId().get(), d.trackingUid().get());
        if (!out.contains(t)) {
          out.add(t);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns the source images the segmentation references (Referenced Series Sequence (0008,1115),
   * else Source Image Sequence (0008,2112)); highdicom's {@code get_source_image_uids()}.
   */
  public List<SourceImageReference> getSourceImageUids() {
    return content().sources;
  }

  /**
   * Returns Segments Overlap (0062,0013) as recorded; UNDEFINED when absent; NO for LABELMAP.
   * highdicom's {@code segments_overlap}.
   */
  public SegmentsOverlapValues segmentsOverlap() {
    String v = dataset().getString(Tag.SegmentsOverlap);
    if (segmentationType == SegmentationTypeValues.LABELMAP) {
      return SegmentsOverlapValues.NO;
    }
    return v == null ? SegmentsOverlapValues.UNDEFINED : SegmentsOverlapValues.fromValue(v);
  }

  /**
   * Decides from the pixels whether two segments share a pixel at the same location (source frame
   * or plane position), whatever Segments Overlap (0062,0013) records. Decodes every frame.
   *
   * @return true when some pixel belongs to two segments (any non-zero FRACTIONAL value counts)
   * @throws IOException when a frame cannot be read or decoded
   */
  public boolean detectSegmentsOverlap() throws IOException {
    return content().pixelsOverlap();
  }

  // ---------------------------------------------------------------- pixels (reading)

  /**
   * Returns the masks of the given source instances, stacked in the given order; highdicom's {@code
   * get_pixels_by_source_instance} with default options.
   *
   * @param sourceSopInstanceUids SOP Instance UIDs of single-frame source images
   * @return shape (instances, rows, columns, segments)
   * @throws IOException when a frame cannot be read or decoded
   */
  public NdArray getPixelsBySourceInstance(List<String> sourceSopInstanceUids) throws IOException {
    return getPixelsBySourceInstance(sourceSopInstanceUids, SegmentPixelOptions.DEFAULT);
  }

  /**
   * Returns the masks of the given source instances; highdicom's {@code
   * get_pixels_by_source_instance}. Each output plane holds the segmentation frames derived from
   * that instance (Derivation Image Sequence (0008,9124)). Source instances the segmentation
   * references but has no frames for (omitted empty frames) give zeros; instances it does not
   * reference give zeros only with {@code assertMissingFramesAreEmpty}.
   *
   * @param sourceSopInstanceUids SOP Instance UIDs, in output order (the caller sorts them)
   * @param options segment selection, combination, rescaling and output type
   * @return shape (instances, rows, columns, segments), or (instances, rows, columns) combined,
   *     with a last axis of 3 (RGB) when the palette is applied ({@link
   *     SegmentPixelOptions#applyPaletteColorLut()})
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalArgumentException for an empty list, unknown segments or (without {@code
   *     assertMissingFramesAreEmpty}) instances the segmentation does not reference
   * @throws IllegalStateException when frames reference several source frames, spatial locations
   *     are not preserved (unless ignored) or combined segments overlap (naming them)
   */
  public NdArray getPixelsBySourceInstance(
      List<String> sourceSopInstanceUids, SegmentPixelOptions options) throws IOException {
    Objects.requireNonNull(sourceSopInstanceUids, "sourceSopInstanceUids");
    Objects.requireNonNull(options, "options");
    return content().bySourceInstance(sourceSopInstanceUids, options);
  }

  /**
   * Returns the masks of frames of one multi-frame source image; highdicom's {@code
   * get_pixels_by_source_frame} with default options.
   *
   * @param sourceSopInstanceUid SOP Instance UID of the source
   * @param sourceFrameNumbers 1-based frame numbers, in output order
   * @return shape (frames, rows, columns, segments)
   * @throws IOException when a frame cannot be read or decoded
   */
  public NdArray getPixelsBySourceFrame(String sourceSopInstanceUid, int[] sourceFrameNumbers)
      throws IOException {
    return getPixelsBySourceFrame(
        sourceSopInstanceUid, sourceFrameNumbers, SegmentPixelOptions.DEFAULT);
  }

  /**
   * Returns the masks of frames of one multi-frame source image; highdicom's {@code
   * get_pixels_by_source_frame}.
   *
   * @param sourceSopInstanceUid SOP Instance UID of the source
   * @param sourceFrameNumbers 1-based Referenced Frame Number (0008,1160) values, in output order
   * @param options segment selection, combination, rescaling and output type
   * @return shape (frames, rows, columns, segments), or (frames, rows, columns) combined, with a
   *     last axis of 3 (RGB) when the palette is applied ({@link
   *     SegmentPixelOptions#applyPaletteColorLut()})
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalArgumentException for numbers below 1, an unknown source or (without {@code
   *     assertMissingFramesAreEmpty}) frames without segmentation frames
   * @throws IllegalStateException as for {@link #getPixelsBySourceInstance(List,
   *     SegmentPixelOptions)}
   */
  public NdArray getPixelsBySourceFrame(
      String sourceSopInstanceUid, int[] sourceFrameNumbers, SegmentPixelOptions options)
      throws IOException {
    Objects.requireNonNull(sourceSopInstanceUid, "sourceSopInstanceUid");
    Objects.requireNonNull(sourceFrameNumbers, "sourceFrameNumbers");
    Objects.requireNonNull(options, "options");
    return content().bySourceFrame(sourceSopInstanceUid, sourceFrameNumbers, options);
  }

  /**
   * Returns the Dimension Index Pointer (0020,9165) values used by default to address frames: all
   * but Referenced Segment Number; highdicom's {@code get_default_dimension_index_pointers}.
   */
  public int[] getDefaultDimensionIndexPointers() {
    return content().defaultDimensionIndexPointers();
  }

  /**
   * Returns whether the given dimensions (with the segment) identify every frame uniquely;
   * highdicom's {@code are_dimension_indices_unique}.
   *
   * @param dimensionIndexPointers Dimension Index Pointer (0020,9165) tags of this segmentation
   * @return whether no two frames of one segment share the index values
   * @throws IllegalArgumentException for a pointer that is not a dimension of this segmentation
   */
  public boolean areDimensionIndicesUnique(int... dimensionIndexPointers) {
    Objects.requireNonNull(dimensionIndexPointers, "dimensionIndexPointers");
    return content().areDimensionIndicesUnique(dimensionIndexPointers);
  }

  /**
   * Returns the masks of the frames with the given Dimension Index Values (0020,9157); highdicom's
   * {@code get_pixels_by_dimension_index_values}.
   *
   * @param dimensionIndexValues one tuple per output plane, one 1-based value per pointer
   * @param dimensionIndexPointers the dimensions the values refer to, or null for {@link
   *     #getDefaultDimensionIndexPointers()}
   * @param options segment selection, combination, rescaling and output type
   * @return shape (tuples, rows, columns, segments), or (tuples, rows, columns) combined, with a
   *     last axis of 3 (RGB) when the palette is applied ({@link
   *     SegmentPixelOptions#applyPaletteColorLut()})
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalArgumentException for unknown pointers, pointers that do not identify frames
   *     uniquely, malformed tuples or (without {@code assertMissingFramesAreEmpty}) missing ones
   */
  public NdArray getPixelsByDimensionIndexValues(
      int[][] dimensionIndexValues, int[] dimensionIndexPointers, SegmentPixelOptions options)
      throws IOException {
    Objects.requireNonNull(dimensionIndexValues, "dimensionIndexValues");
    Objects.requireNonNull(options, "options");
    return content().byDimensionIndexValues(dimensionIndexValues, dimensionIndexPointers, options);
  }

  /**
   * Returns the segmentation as a volume with default options (all segments stacked).
   *
   * @return shape (slices, rows, columns, segments) with a SegmentNumber channel
   * @throws IOException when a frame cannot be read or decoded
   */
  public Volume getVolume() throws IOException {
    return getVolume(null, null, SegmentPixelOptions.DEFAULT);
  }

  /**
   * Returns the segmentation as a volume; highdicom's {@code get_volume}.
   *
   * @param options segment selection, combination, rescaling and output type
   * @return shape (slices, rows, columns, segments) with a SegmentNumber channel, or (slices, rows,
   *     columns) combined
   * @throws IOException when a frame cannot be read or decoded
   */
  public Volume getVolume(SegmentPixelOptions options) throws IOException {
    return getVolume(null, null, options);
  }

  /**
   * Returns slices of the segmentation as a volume; highdicom's {@code get_volume(slice_start,
   * slice_end, …)}. Frames are placed by Image Position (Patient) (0020,0032) along the normal of
   * the shared orientation; positions without frames (omitted empty frames) are zeros, as
   * highdicom's {@code allow_missing_positions=True} default for segmentations. A tiled
   * segmentation gives its Total Pixel Matrix as one slice in the SLIDE coordinate system, the
   * affine starting at the Total Pixel Matrix Origin Sequence (0048,0008) offsets and following
   * Image Orientation (Slide) (0048,0102) and Pixel Spacing (0028,0030).
   *
   * @param sliceStart first slice (0-based; negative counts from the end), or null
   * @param sliceEnd slice after the last, or null
   * @param options segment selection, combination, rescaling and output type
   * @return the volume with the segmentation's geometry; with the palette applied ({@link
   *     SegmentPixelOptions#applyPaletteColorLut()}) its channel is RGBColorChannel
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalStateException "Frame positions do not form a regularly-spaced volume." or when
   *     frames lack positions
   */
  public Volume getVolume(Integer sliceStart, Integer sliceEnd, SegmentPixelOptions options)
      throws IOException {
    Objects.requireNonNull(options, "options");
    return content().volume(sliceStart, sliceEnd, options);
  }

  /**
   * Returns the whole Total Pixel Matrix of a tiled segmentation; highdicom's {@code
   * get_total_pixel_matrix()}.
   *
   * @param options segment selection, combination, rescaling and output type
   * @return shape (TotalPixelMatrixRows, TotalPixelMatrixColumns, segments), or without the segment
   *     axis combined
   * @throws IOException when a frame cannot be read or decoded
   */
  public NdArray getTotalPixelMatrix(SegmentPixelOptions options) throws IOException {
    return getTotalPixelMatrix(null, null, null, null, false, options);
  }

  /**
   * Returns a region of the Total Pixel Matrix of a tiled segmentation, stitched from the tiles it
   * overlaps; highdicom's {@code get_total_pixel_matrix}. Bounds are 1-based as in DICOM (0-based
   * with {@code asIndices}), ends exclusive, negative values count from the end, null means the
   * edge.
   *
   * @param rowStart first row, or null
   * @param rowEnd row after the last, or null
   * @param columnStart first column, or null
   * @param columnEnd column after the last, or null
   * @param asIndices read bounds as 0-based indices
   * @param options segment selection, combination, rescaling and output type
   * @return shape (rows, columns, segments), or (rows, columns) combined, with a last axis of 3
   *     (RGB) when the palette is applied ({@link SegmentPixelOptions#applyPaletteColorLut()})
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalStateException when the segmentation is not tiled
   * @throws IllegalArgumentException when the bounds are outside the matrix or empty
   */
  public NdArray getTotalPixelMatrix(
      Integer rowStart,
      Integer rowEnd,
      Integer columnStart,
      Integer columnEnd,
      boolean asIndices,
      SegmentPixelOptions options)
      throws IOException {
    Objects.requireNonNull(options, "options");
    return content().totalPixelMatrix(rowStart, rowEnd, columnStart, columnEnd, asIndices, options);
  }

  /**
   * Collects the inputs of a {@link Segmentation}; the shared identity options come from {@link
   * SOPClass.Builder}. Manufacturer, model name, software versions, device serial number, series
   * and SOP instance UIDs and numbers are required, as in highdicom.
   *
   * <p>highdicom: the parameters of {@code Segmentation.__init__}.
   */
  public static final class Builder extends SOPClass.Builder<Builder> {
    List<DicomDataset> sourceImages;
    List<DicomDataset> furtherSourceImages = List.of();
    NdArray pixelArray;
    Volume pixelVolume;
    SegmentationTypeValues segmentationType;
    List<SegmentDescription> segmentDescriptions;
    SegmentationFractionalTypeValues fractionalType = SegmentationFractionalTypeValues.PROBABILITY;
    int maxFractionalValue = 255;
    String contentLabel;
    String contentDescription;
    String contentCreatorName;
    double[][] planePositions;
    double[] planeOrientation;
    double[] pixelSpacing;
    Double sliceThickness;
    Double spacingBetweenSlices;
    boolean omitEmptyFrames = true;
    DimensionOrganizationTypeValues dimensionOrganizationType;
    int[][] paletteLut;
    boolean tilePixelArray;
    int[] tileSize;
    String pyramidUid;
    String pyramidLabel;
    Executor executor;
    CodecRegistry codecs;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets the source images: one or more single-frame images of one series, or exactly one
     * enhanced multi-frame image. Only their attributes are read, not their pixels.
     *
     * @param images the source data sets (pixel data may be absent)
     * @return this builder
     */
    public Builder sourceImages(List<DicomDataset> images) {
      Objects.requireNonNull(images, "sourceImages");
      for (DicomDataset d : images) {
        Objects.requireNonNull(d, "sourceImages element");
      }
      this.sourceImages = List.copyOf(images);
      return this;
    }

    /**
     * Sets the segmentation array: a label map (rows, columns) or (frames, rows, columns) of
     * unsigned (or non-negative) integers or booleans whose value is the segment number (0 = no
     * segment); stacked masks (frames, rows, columns, segments) of 0/1 or, for FRACTIONAL,
     * floating-point values in [0, 1]; or a 3D floating-point array holding one segment. Frame i
     * corresponds to source image i (or frame i + 1 of a multi-frame source) unless {@link
     * #planePositions} are given; with {@link #tilePixelArray} it is one total pixel matrix of a
     * tiled source.
     *
     * @param array the array; not copied, must not change until {@code build()} returns
     * @return this builder
     */
    public Builder pixelArray(NdArray array) {
      this.pixelArray = Objects.requireNonNull(array, "pixelArray");
      this.pixelVolume = null;
      return this;
    }

    /**
     * Sets the segmentation as a volume (highdicom 0.24+ accepts a {@code Volume} as {@code
     * pixel_array}): a label map (slices, rows, columns) without channels, or stacked segments
     * (slices, rows, columns, segments) with one channel axis {@code SegmentNumber} whose values
     * are the described segment numbers in ascending order; values as for {@link
     * #pixelArray(NdArray)}. One frame is made per slice: its Image Position (Patient) is the
     * affine applied to (slice, 0, 0), and Image Orientation (Patient), Pixel Spacing, Slice
     * Thickness and Spacing Between Slices come from the affine, so the volume may have any size,
     * spacing and orientation within the sources' frame of reference. Slices lying in the plane of
     * a source frame reference it (Spatial Locations Preserved YES when the pixel grids coincide,
     * NO when cropped, resampled or rotated in-plane); other slices reference no source frame.
     * {@link #planePositions}, {@link #planeOrientation} and {@link #pixelMeasures} must not be
     * set.
     *
     * @param volume the volume in the PATIENT coordinate system; its Frame of Reference UID, when
     *     known, must be the sources'. Not copied, must not change until {@code build()} returns
     * @return this builder
     */
    public Builder pixelArray(Volume volume) {
      this.pixelVolume = Objects.requireNonNull(volume, "pixelArray");
      this.pixelArray = null;
      return this;
    }

    /**
     * Sets further source images: images of the same study (possibly of other series) the
     * segmentation was also derived from, referenced in Referenced Series Sequence (0008,1115) and
     * Source Image Sequence (0008,2112) but not used for geometry or per-frame references.
     *
     * <p>highdicom: {@code further_source_images}.
     *
     * @param images the data sets (pixel data may be absent); each needs Study, Series and SOP
     *     Instance UIDs and SOP Class UID, with the Study Instance UID of the source images
     * @return this builder
     */
    public Builder furtherSourceImages(List<DicomDataset> images) {
      Objects.requireNonNull(images, "furtherSourceImages");
      for (DicomDataset d : images) {
        Objects.requireNonNull(d, "furtherSourceImages element");
      }
      this.furtherSourceImages = List.copyOf(images);
      return this;
    }

    /**
     * Sets Segmentation Type (0062,0001); LABELMAP selects Label Map Segmentation Storage.
     *
     * @param type the type
     * @return this builder
     */
    public Builder segmentationType(SegmentationTypeValues type) {
      this.segmentationType = Objects.requireNonNull(type, "segmentationType");
      return this;
    }

    /**
     * Sets the Segment Sequence (0062,0002) items: for BINARY and FRACTIONAL numbered 1, 2, 3 … in
     * order; for LABELMAP any distinct numbers (sorted on output; segment 0 "Background" is added
     * automatically).
     *
     * @param descriptions one per segment
     * @return this builder
     */
    public Builder segmentDescriptions(List<SegmentDescription> descriptions) {
      Objects.requireNonNull(descriptions, "segmentDescriptions");
      for (SegmentDescription d : descriptions) {
        Objects.requireNonNull(d, "segmentDescriptions element");
      }
      this.segmentDescriptions = List.copyOf(descriptions);
      return this;
    }

    /**
     * Sets Segmentation Fractional Type (0062,0010) of a FRACTIONAL segmentation (default
     * PROBABILITY).
     *
     * @param type the type
     * @return this builder
     */
    public Builder fractionalType(SegmentationFractionalTypeValues type) {
      this.fractionalType = Objects.requireNonNull(type, "fractionalType");
      return this;
    }

    /**
     * Sets Maximum Fractional Value (0062,000E) of a FRACTIONAL segmentation: the stored value
     * meaning 1.0 (default 255).
     *
     * @param value 1 to 255
     * @return this builder
     */
    public Builder maxFractionalValue(int value) {
      this.maxFractionalValue = value;
      return this;
    }

    /**
     * Sets Content Label (0070,0080), CS (default: the source Modality followed by "_SEG").
     *
     * @param label up to 16 upper-case letters, digits, spaces or underscores
     * @return this builder
     */
    public Builder contentLabel(String label) {
      this.contentLabel = Objects.requireNonNull(label, "contentLabel");
      return this;
    }

    /**
     * Sets Content Description (0070,0081), LO.
     *
     * @param description at most 64 characters
     * @return this builder
     */
    public Builder contentDescription(String description) {
      this.contentDescription = Objects.requireNonNull(description, "contentDescription");
      return this;
    }

    /**
     * Sets Content Creator's Name (0070,0084), PN, of a manually made segmentation.
     *
     * @param name e.g. {@code "Doe^Jane"}
     * @return this builder
     */
    public Builder contentCreatorName(String name) {
      this.contentCreatorName = Objects.requireNonNull(name, "contentCreatorName");
      return this;
    }

    /**
     * Sets the Image Position (Patient) (0020,0032) of each frame of the pixel array, breaking the
     * one-to-one correspondence with the source frames; frames whose position, orientation and
     * spacing match a source frame still reference it. With {@link #tilePixelArray} and a tiled
     * source, a single position instead gives the X, Y and Z Offset in Slide Coordinate System
     * (0040,072A/073A/074A) of the total pixel matrix's first pixel.
     *
     * <p>highdicom: {@code plane_positions} (a list of PlanePositionSequence).
     *
     * @param positions one (x, y, z) in mm per frame of the pixel array
     * @return this builder
     */
    public Builder planePositions(double[][] positions) {
      this.planePositions = SegmentationChecks.planePositions(positions);
      return this;
    }

    /**
     * Sets Image Orientation (Patient) (0020,0037) of the frames when it differs from the sources'.
     *
     * <p>highdicom: {@code plane_orientation}.
     *
     * @param cosines row then column direction cosines, two orthogonal unit vectors
     * @return this builder
     */
    public Builder planeOrientation(double... cosines) {
      this.planeOrientation = SegmentationChecks.planeOrientation(cosines);
      return this;
    }

    /**
     * Sets the Pixel Measures (Pixel Spacing (0028,0030), Slice Thickness (0018,0050), Spacing
     * Between Slices (0018,0088)) of the frames when they differ from the sources'.
     *
     * <p>highdicom: {@code pixel_measures} (a PixelMeasuresSequence).
     *
     * @param rowSpacing spacing between rows in mm, &gt; 0
     * @param columnSpacing spacing between columns in mm, &gt; 0
     * @param sliceThickness slice thickness in mm, &gt; 0
     * @param spacingBetweenSlices spacing between slice centres in mm, or null
     * @return this builder
     */
    public Builder pixelMeasures(
        double rowSpacing,
        double columnSpacing,
        double sliceThickness,
        Double spacingBetweenSlices) {
      SegmentationChecks.checkPixelMeasures(
          rowSpacing, columnSpacing, sliceThickness, spacingBetweenSlices);
      this.pixelSpacing = new double[] {rowSpacing, columnSpacing};
      this.sliceThickness = sliceThickness;
      this.spacingBetweenSlices = spacingBetweenSlices;
      return this;
    }

    /**
     * Sets whether frames without any segment pixel are left out (default true). When every frame
     * is empty, all are kept and a warning is logged, as in highdicom.
     *
     * @param omit whether to omit empty frames
     * @return this builder
     */
    public Builder omitEmptyFrames(boolean omit) {
      this.omitEmptyFrames = omit;
      return this;
    }

    /**
     * Sets Dimension Organization Type (0020,9311). By default it is 3D when the frames' positions
     * form a regular volume (equally spaced parallel planes, gaps allowed) and absent otherwise; 3D
     * may be requested explicitly only for such frames. For a tiled source it is TILED_SPARSE by
     * default; TILED_FULL (every tile of every segment in the implicit order of PS3.3 C.7.6.17.3,
     * without per-frame functional groups or Dimension Index Sequence) needs {@code
     * omitEmptyFrames(false)} and frames that cover the total pixel matrix. 3D_TEMPORAL is not
     * supported.
     *
     * @param type the type
     * @return this builder
     */
    public Builder dimensionOrganizationType(DimensionOrganizationTypeValues type) {
      this.dimensionOrganizationType = Objects.requireNonNull(type, "dimensionOrganizationType");
      return this;
    }

    /**
     * Sets whether the pixel array is one Total Pixel Matrix of a tiled source, to be cut into
     * tiles (default false: frames correspond one to one to the source frames). The array is then
     * (rows, columns) or (1, rows, columns) holding a label map, or (rows, columns, segments) or
     * (1, rows, columns, segments) holding stacked segments, of the source's Total Pixel Matrix
     * Rows (0048,0007) × Columns (0048,0006) (any size when {@link #pixelMeasures} are given).
     * Tiles of {@link #tileSize} are positioned from the source's Total Pixel Matrix Origin
     * Sequence (0048,0008), or from a single {@link #planePositions} entry giving the slide offsets
     * of the matrix's first pixel; edge tiles are padded with zeros.
     *
     * <p>highdicom: {@code tile_pixel_array}.
     *
     * @param tile whether to tile the pixel array
     * @return this builder
     */
    public Builder tilePixelArray(boolean tile) {
      this.tilePixelArray = tile;
      return this;
    }

    /**
     * Sets the size of the tiles cut from a total pixel matrix with {@link #tilePixelArray}
     * (default: the source's Rows (0028,0010) × Columns (0028,0011)); the last row and column of
     * tiles may extend beyond the matrix and are padded with zeros.
     *
     * <p>highdicom: {@code tile_size}.
     *
     * @param rows Rows (0028,0010) of each tile, 1 to 65535
     * @param columns Columns (0028,0011) of each tile, 1 to 65535
     * @return this builder
     */
    public Builder tileSize(int rows, int columns) {
      SegmentationChecks.checkTileSize(rows, columns);
      this.tileSize = new int[] {rows, columns};
      return this;
    }

    /**
     * Sets Pyramid UID (0008,0019), UI: the multi-resolution pyramid this segmentation is a level
     * of. {@link Segmentation#createSegmentationPyramid} sets it on every level.
     *
     * <p>highdicom: {@code pyramid_uid}.
     *
     * @param uid the UID, e.g. from {@code UidGenerator.newUid()}
     * @return this builder
     */
    public Builder pyramidUid(String uid) {
      this.pyramidUid =
          ValueRepresentations.checkUid(Tag.PyramidUID, Objects.requireNonNull(uid, "pyramidUid"));
      return this;
    }

    /**
     * Sets Pyramid Label (0020,0027), LO: a human readable label of the pyramid; needs a {@link
     * #pyramidUid}.
     *
     * <p>highdicom: {@code pyramid_label}.
     *
     * @param label at most 64 characters
     * @return this builder
     */
    public Builder pyramidLabel(String label) {
      this.pyramidLabel =
          ValueRepresentations.checkLongString(
              Tag.PyramidLabel, Objects.requireNonNull(label, "pyramidLabel"));
      return this;
    }

    /**
     * Sets a palette colour lookup table for a LABELMAP segmentation (Photometric Interpretation
     * PALETTE COLOR): 16-bit entries, the first for pixel value 0, covering every segment number.
     * Segment descriptions must then not carry a display colour.
     *
     * <p>highdicom: {@code palette_color_lut_transformation}.
     *
     * @param red Red Palette Color Lookup Table Data (0028,1201) entries, 0 to 65535
     * @param green Green Palette Color Lookup Table Data (0028,1202) entries
     * @param blue Blue Palette Color Lookup Table Data (0028,1203) entries
     * @return this builder
     */
    public Builder paletteColorLut(int[] red, int[] green, int[] blue) {
      this.paletteLut = SegmentationChecks.paletteColorLut(red, green, blue);
      return this;
    }

    /**
     * Sets the executor that compresses frames in parallel (default: the common fork-join pool; the
     * calling thread always takes part).
     *
     * <p>highdicom: {@code workers}.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets the codecs used for compressed transfer syntaxes (default: {@link
     * CodecRegistry#getDefault()}).
     *
     * @param registry the codecs
     * @return this builder
     */
    public Builder codecs(CodecRegistry registry) {
      this.codecs = Objects.requireNonNull(registry, "codecs");
      return this;
    }

    /**
     * Checks every input and creates the segmentation.
     *
     * <p>Transfer syntaxes: Explicit VR Little Endian (default), Implicit VR Little Endian and JPEG
     * 2000 Lossless for all types; RLE Lossless and JPEG-LS Lossless for FRACTIONAL and LABELMAP.
     *
     * @return the segmentation
     * @throws IllegalStateException when a required input was not set
     * @throws IllegalArgumentException when inputs are inconsistent; the message names the
     *     parameter
     */
    public Segmentation build() {
      SegmentationAssembler.Result r = new SegmentationAssembler(this).assemble();
      return new Segmentation(
          r.dataset(), r.transferSyntaxUid(), r.type(), r.descriptions(), r.frames(), r.executor());
    }

    // Bridges to SOPClass's protected helpers, which SegmentationAssembler cannot reach itself.

    void requireInputs() {
      require(sourceImages, "sourceImages");
      require(pixelArray != null ? pixelArray : pixelVolume, "pixelArray");
      require(segmentationType, "segmentationType");
      require(segmentDescriptions, "segmentDescriptions");
      requireEnhancedEquipment();
    }

    boolean instanceSet() {
      return instanceIdentitySet();
    }

    String transferSyntaxOrDefault() {
      return transferSyntaxUidOr(UID.ExplicitVRLittleEndian);
    }

    DicomDataset identity(String sopClassUid) {
      return buildIdentity(sopClassUid, "SEG");
    }

    static void copyPatientStudyAndSpecimen(DicomDataset target, DicomDataset source) {
      copyPatientAndStudyInformation(target, source);
      copySpecimenInformation(target, source);
    }
  }
}
