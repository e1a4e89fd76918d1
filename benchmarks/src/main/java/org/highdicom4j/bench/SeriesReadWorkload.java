package org.highdicom4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.highdicom4j.DType;
import org.highdicom4j.Image;
import org.highdicom4j.ImageReadOptions;
import org.highdicom4j.PixelTransformOptions;
import org.highdicom4j.Volume;
import org.highdicom4j.VolumeReadOptions;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.sample.SyntheticCtSeries;

/**
 * The {@code series-read} workload: read every file of a CT series with its pixel data (phase
 * "dcmread", the peer's "pydicom dcmread x N"), then read the series again as {@link Image}s and
 * build a volume of stored values with {@link Image#getVolumeFromSeries} (phase "read+sort+stack",
 * the peer's "dcmread + sort + stack pixel_array": sorted along the slice normal, spacing checked,
 * int16 stored values stacked).
 */
final class SeriesReadWorkload {
  /** Stored values as int16, as the peer's stacked {@code pixel_array}s. */
  private static final PixelTransformOptions STORED_INT16 =
      PixelTransformOptions.storedValues(DType.INT16);

  private final List<Path> files;
  private final int threads;

  SeriesReadWorkload(Path source, int threads) throws IOException {
    try (Stream<Path> s = Files.list(source)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no files in " + source);
    }
    this.threads = threads;
  }

  static void generate(Path out) throws IOException {
    List<Path> written = SyntheticCtSeries.benchmarkSeries().writeTo(out);
    long bytes = 0;
    for (Path p : written) {
      bytes += Files.size(p);
    }
    System.err.printf("wrote %d files, %.2f MB, to %s%n", written.size(), bytes / 1e6, out);
  }

  void run(int repeat) throws Exception {
    String name = threads == 1 ? "series-read" : "series-read-" + threads + "threads";
    Workloads.Phase read = new Workloads.Phase(name, "dcmread");
    Workloads.Phase stack = new Workloads.Phase(name, "read+sort+stack");
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    try {
      long checksum = 0;
      for (int r = 0; r <= repeat; r++) {
        long t0 = System.nanoTime();
        List<DicomDataset> ds = readAll(pool);
        long t1 = System.nanoTime();
        checksum += ds.size();
        ds = null; // the second phase reads the series again; the first one's data is garbage now
        Volume volume =
            Image.getVolumeFromSeries(readImages(pool), STORED_INT16, VolumeReadOptions.defaults());
        long t2 = System.nanoTime();
        short[] voxels = (short[]) volume.array().data();
        checksum += voxels[voxels.length / 2];
        if (r > 0) {
          read.add(t1 - t0);
          stack.add(t2 - t1);
        }
      }
      System.out.println(read.json());
      System.out.println(stack.json());
      System.err.println("checksum " + checksum);
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  private List<DicomDataset> readAll(ExecutorService pool) throws Exception {
    List<DicomDataset> out = new ArrayList<>(files.size());
    if (pool == null) {
      for (Path f : files) {
        out.add(DicomReader.read(f).dataset());
      }
      return out;
    }
    List<Future<DicomDataset>> futures = new ArrayList<>();
    for (Path f : files) {
      futures.add(
          pool.submit(
              () -> {
                try {
                  return DicomReader.read(f).dataset();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }));
    }
    for (Future<DicomDataset> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  private List<Image> readImages(ExecutorService pool) throws Exception {
    List<Image> out = new ArrayList<>(files.size());
    if (pool == null) {
      // one thread, like the peer: frames decode on the calling thread
      ImageReadOptions sameThread = ImageReadOptions.DEFAULT.withExecutor(Runnable::run);
      for (Path f : files) {
        out.add(Image.read(f, sameThread));
      }
      return out;
    }
    ImageReadOptions onPool = ImageReadOptions.DEFAULT.withExecutor(pool);
    List<Future<Image>> futures = new ArrayList<>();
    for (Path f : files) {
      futures.add(
          pool.submit(
              () -> {
                try {
                  return Image.read(f, onPool);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }));
    }
    for (Future<Image> f : futures) {
      out.add(f.get());
    }
    return out;
  }
}
