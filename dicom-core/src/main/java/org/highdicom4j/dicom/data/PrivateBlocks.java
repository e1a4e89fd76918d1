package org.highdicom4j.dicom.data;

import java.util.Objects;

/**
 * Private data element blocks of a {@link DicomDataset} (PS3.5 Section 7.8.1): finding and
 * reserving the block of a Private Creator, and the creator of a private element.
 */
final class PrivateBlocks {
  private PrivateBlocks() {}

  /** See {@link DicomDataset#privateTag}. */
  static int privateTag(
      DicomDataset ds, int group, String creator, int elementOffset, boolean reserve) {
    Objects.requireNonNull(creator, "creator");
    if ((group & 1) == 0 || group <= 0x0007 || group > 0xFFFE) {
      throw new IllegalArgumentException(
          String.format(
              "Private group must be odd, above 0008 and below FFFF (PS3.5 7.8.1): %04X", group));
    }
    if (elementOffset < 0 || elementOffset > 0xFF) {
      throw new IllegalArgumentException(
          "Private element offset must be 0x00..0xFF: 0x" + Integer.toHexString(elementOffset));
    }
    String wanted = creator.strip();
    if (wanted.isEmpty() || wanted.length() > 64 || wanted.indexOf('\\') >= 0) {
      throw new IllegalArgumentException(
          "Private Creator must be a non-empty LO value of at most 64 characters: " + creator);
    }
    int free = -1;
    for (int block = 0x10; block <= 0xFF; block++) {
      int t = group << 16 | block;
      if (ds.indexOf(t) < 0) {
        if (free < 0) {
          free = block;
        }
      } else if (wanted.equals(creatorValue(ds, t))) {
        return group << 16 | block << 8 | elementOffset;
      }
    }
    if (!reserve) {
      return -1;
    }
    ds.checkWritable();
    if (free < 0) {
      throw new IllegalStateException(
          String.format(
              "All private blocks (%04X,0010-00FF) are reserved (expected a free one): %s",
              group, wanted));
    }
    ds.setString(group << 16 | free, VR.LO, wanted);
    return group << 16 | free << 8 | elementOffset;
  }

  /** See {@link DicomDataset#privateCreator}. */
  static String privateCreator(DicomDataset ds, int tag) {
    int group = tag >>> 16;
    int block = (tag >>> 8) & 0xff;
    if ((group & 1) == 0 || group <= 0x0007 || group == 0xFFFF || block < 0x10) {
      return null;
    }
    return creatorValue(ds, group << 16 | block);
  }

  private static String creatorValue(DicomDataset ds, int creatorTag) {
    int i = ds.indexOf(creatorTag);
    if (i < 0) {
      return null;
    }
    Object v = ds.store.values[i];
    if (v instanceof Sequence || v instanceof Fragments) {
      return null;
    }
    // A creator read as UN (no dictionary VR applied) is still ASCII text.
    return (ds.store.vrs[i].isText() ? ValueDecoding.text(ds, i) : ValueDecoding.asciiText(ds, i))
        .strip();
  }
}
