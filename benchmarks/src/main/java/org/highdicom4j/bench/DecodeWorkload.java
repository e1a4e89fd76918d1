package org.highdicom4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.PixelDataFrames;
import org.highdicom4j.codec.Transcoder;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.TransferSyntax;

/**
 * The {@code decode} workload: decode every frame of a file ({@code --file}), or of up to 50 CT
 * slices of a directory transcoded in memory to a transfer syntax beforehand ({@code --source DIR
 * --ts UID}), on N threads. Phase "decode"; the line also gives decoded megabytes per second.
 */
final class DecodeWorkload {
  private final List<byte[]> frames = new ArrayList<>();
  private final String tsUid;
  private final FrameDescriptor descriptor;
  private final int threads;
  private final String label;

  DecodeWorkload(Path file, Path source, String ts, int threads) throws IOException {
    this.threads = threads;
    List<DicomFile> files = new ArrayList<>();
    if (file != null) {
      files.add(DicomReader.read(file));
      label = file.getFileName().toString();
    } else {
      try (Stream<Path> s = Files.list(source)) {
        for (Path p : s.sorted().limit(50).toList()) {
          files.add(DicomReader.read(p));
        }
      }
      label = source.getFileName() + "@" + ts;
    }
    String uid = null;
    FrameDescriptor d = null;
    Transcoder transcoder = Transcoder.defaultTranscoder();
    for (DicomFile f : files) {
      DicomDataset ds = f.dataset();
      TransferSyntax target = ts == null ? f.transferSyntax() : TransferSyntax.of(ts);
      if (!target.uid().equals(f.transferSyntax().uid())) {
        ds = transcoder.transcode(ds, f.transferSyntax(), target);
      }
      PixelDataFrames px = new PixelDataFrames(ds, target, CodecRegistry.getDefault());
      for (int i = 0; i < px.numberOfFrames(); i++) {
        frames.add(px.rawFrame(i));
      }
      uid = target.uid();
      d = px.descriptor();
    }
    if (target(uid).isNative()) {
      throw new IllegalArgumentException("decode needs an encapsulated transfer syntax: " + uid);
    }
    this.tsUid = uid;
    this.descriptor = d;
  }

  private static TransferSyntax target(String uid) {
    return TransferSyntax.of(uid);
  }

  void run(int repeat) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Workloads.Phase phase = new Workloads.Phase("decode-" + label + "-" + threads + "t", "decode");
    CodecRegistry registry = CodecRegistry.getDefault();
    try {
      for (int r = 0; r <= repeat; r++) {
        long t0 = System.nanoTime();
        registry.decodeAll(tsUid, frames, descriptor, pool);
        long t1 = System.nanoTime();
        if (r > 0) {
          phase.add(t1 - t0);
        }
      }
    } finally {
      pool.shutdown();
    }
    double mb = frames.size() * descriptor.decodedLength() / 1e6;
    String line = phase.json();
    System.out.println(
        line.substring(0, line.length() - 1)
            + String.format(
                Locale.ROOT,
                ", \"frames\": %d, \"decoded_mb\": %.2f, \"mb_per_s\": %.1f}",
                frames.size(),
                mb,
                mb / phase.median()));
  }
}
