package org.highdicom4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.sample.SyntheticCtSeries;

/**
 * The {@code series-read} workload: read every file of a CT series with its pixel data (phase
 * "dcmread", the peer's "pydicom dcmread x N"), then sort by position along the slice normal and
 * stack the pixels into one int16 array (phase "read+sort+stack", the peer's "dcmread + sort +
 * stack pixel_array").
 */
final class SeriesReadWorkload {
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
        short[] volume = sortAndStack(readAll(pool));
        long t2 = System.nanoTime();
        checksum += volume[volume.length / 2];
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

  /** Sorts along the slice normal (cross product of the orientation vectors) and stacks. */
  private static short[] sortAndStack(List<DicomDataset> slices) {
    double[] o = slices.get(0).getDoubles(Tag.ImageOrientationPatient);
    double[] n = {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
    List<DicomDataset> sorted = new ArrayList<>(slices);
    sorted.sort(
        Comparator.comparingDouble(
            ds -> {
              double[] p = ds.getDoubles(Tag.ImagePositionPatient);
              return p[0] * n[0] + p[1] * n[1] + p[2] * n[2];
            }));
    int rows = sorted.get(0).getInt(Tag.Rows, 0);
    int cols = sorted.get(0).getInt(Tag.Columns, 0);
    int frame = rows * cols;
    short[] volume = new short[sorted.size() * frame];
    for (int s = 0; s < sorted.size(); s++) {
      byte[] px = sorted.get(s).getBytes(Tag.PixelData);
      java.nio.ByteBuffer.wrap(px)
          .order(java.nio.ByteOrder.LITTLE_ENDIAN)
          .asShortBuffer()
          .get(volume, s * frame, frame);
    }
    return volume;
  }
}
