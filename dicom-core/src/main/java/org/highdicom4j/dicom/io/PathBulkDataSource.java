package org.highdicom4j.dicom.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.highdicom4j.dicom.data.BulkDataSource;

/**
 * Reads bulk data from a file. The file is open only while it is read or {@linkplain #hold() held}:
 * reads in between holds open it for themselves, so no handle stays open after a request; reads
 * during a hold share one channel (positional reads, safe from several threads).
 */
final class PathBulkDataSource implements BulkDataSource {
  private static final int CHUNK = 1 << 20;

  private final Path path;

  /** Guards {@link #channel} and {@link #users}. */
  private final Object lock = new Object();

  private FileChannel channel;
  private int users;

  PathBulkDataSource(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  /** Returns the shared channel, opening the file for the first user. */
  private FileChannel acquire() throws IOException {
    synchronized (lock) {
      // An interrupted reader closes the channel for everybody: later users reopen the file.
      if (channel == null || !channel.isOpen()) {
        channel = FileChannel.open(path, StandardOpenOption.READ);
      }
      users++;
      return channel;
    }
  }

  /** Closes the shared channel when its last user is done. */
  private void release() throws IOException {
    FileChannel done = null;
    synchronized (lock) {
      if (--users == 0) {
        done = channel;
        channel = null;
      }
    }
    if (done != null) {
      done.close();
    }
  }

  @Override
  public Closeable hold() throws IOException {
    acquire();
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        release();
      }
    };
  }

  @Override
  public void read(long offset, byte[] dest, int destOffset, int length) throws IOException {
    FileChannel ch = acquire();
    try {
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
    } finally {
      release();
    }
  }

  @Override
  public String description() {
    return path.toString();
  }
}
