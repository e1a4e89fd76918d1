package org.highdicom4j.dicom.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.highdicom4j.dicom.data.BulkDataSource;

/** Reads bulk data from a file, opening it for each read so that no handle stays open. */
final class PathBulkDataSource implements BulkDataSource {
  private static final int CHUNK = 1 << 20;

  private final Path path;

  PathBulkDataSource(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  @Override
  public void read(long offset, byte[] dest, int destOffset, int length) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer bb = ByteBuffer.wrap(dest, destOffset, length);
      long pos = offset;
      while (bb.position() < destOffset + length) {
        // Bounded reads: the JDK copies through a temporary direct buffer of the request's size.
        bb.limit(Math.min(destOffset + length, bb.position() + CHUNK));
        int r = ch.read(bb, pos);
        if (r < 0) {
          throw new DicomStreamException(
              "file ends inside bulk data of " + length + " bytes in " + path,
              pos,
              DicomStreamException.UNKNOWN);
        }
        pos += r;
      }
    }
  }

  @Override
  public String description() {
    return path.toString();
  }
}
