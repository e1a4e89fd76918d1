package org.highdicom4j.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.highdicom4j.dicom.data.Fragments;
import org.junit.jupiter.api.Test;

class EncapsulatedFramesTest {
  @Test
  void framesOfOddLengthEncapsulatedInMemoryAreFoundByTheirOffsets() throws IOException {
    // The Basic Offset Table counts each item padded to even length (PS3.5 A.4), as written.
    Fragments f =
        EncapsulatedFrames.encapsulate(
            List.of(new byte[] {1, 2, 3}, new byte[] {4}, new byte[] {5, 6}));
    List<int[]> frames = EncapsulatedFrames.frameFragments(f, 3, null);
    assertEquals(3, frames.size());
    assertArrayEquals(new int[] {1}, frames.get(0));
    assertArrayEquals(new int[] {2}, frames.get(1));
    assertArrayEquals(new int[] {3}, frames.get(2));
    assertArrayEquals(new byte[] {4}, EncapsulatedFrames.frame(f, frames.get(1)));
  }
}
