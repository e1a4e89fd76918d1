package org.highdicom4j.sr;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type WAVEFORM (PS3.3 C.18.5, Waveform Reference Macro): a reference
 * to a waveform object, optionally to some channels given as (waveform item number, channel number)
 * pairs in Referenced Waveform Channels (0040,A0B0); highdicom's {@code WaveformContentItem}.
 */
public final class WaveformContentItem extends ContentItem {
  private final String sopClassUid;
  private final String sopInstanceUid;
  private final int[] channels;

  /**
   * Creates a WAVEFORM item.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param referencedSopClassUid Referenced SOP Class UID (0008,1150)
   * @param referencedSopInstanceUid Referenced SOP Instance UID (0008,1155)
   * @param referencedWaveformChannels pairs {@code {M, C}} of the Waveform Sequence item number M
   *     and the Channel Definition Sequence item number C, both positive; null or empty for all
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws IllegalArgumentException when a UID is invalid or a pair is not two positive numbers
   */
  public WaveformContentItem(
      CodedConcept name,
      String referencedSopClassUid,
      String referencedSopInstanceUid,
      int[][] referencedWaveformChannels,
      RelationshipTypeValues relationshipType) {
    this(
        name,
        referencedSopClassUid,
        referencedSopInstanceUid,
        flatten(referencedWaveformChannels),
        relationshipType);
  }

  private WaveformContentItem(
      CodedConcept name,
      String sopClassUid,
      String sopInstanceUid,
      int[] flatChannels,
      RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.WAVEFORM, requireName(name), relationshipType);
    this.sopClassUid = Values.uid(sopClassUid, "ReferencedSOPClassUID (0008,1150)");
    this.sopInstanceUid = Values.uid(sopInstanceUid, "ReferencedSOPInstanceUID (0008,1155)");
    if (flatChannels.length % 2 != 0) {
      throw new IllegalArgumentException(
          "ReferencedWaveformChannels (0040,A0B0) must hold pairs (expected an even number of"
              + " values): "
              + flatChannels.length);
    }
    this.channels = Values.positive(flatChannels, "ReferencedWaveformChannels (0040,A0B0)");
  }

  private static int[] flatten(int[][] pairs) {
    if (pairs == null) {
      return new int[0];
    }
    int[] out = new int[pairs.length * 2];
    for (int i = 0; i < pairs.length; i++) {
      if (pairs[i] == null || pairs[i].length != 2) {
        throw new IllegalArgumentException(
            "ReferencedWaveformChannels (0040,A0B0) pair "
                + i
                + " is not a pair (expected {waveform, channel}): "
                + Arrays.toString(pairs[i]));
      }
      out[2 * i] = pairs[i][0];
      out[2 * i + 1] = pairs[i][1];
    }
    return out;
  }

  private WaveformContentItem(WaveformContentItem other, ContentSequence content) {
    super(other, content);
    this.sopClassUid = other.sopClassUid;
    this.sopInstanceUid = other.sopInstanceUid;
    this.channels = other.channels;
  }

  static WaveformContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    DicomDataset ref = ds.getItem(Tag.ReferencedSOPSequence);
    if (ref == null) {
      return null;
    }
    return new WaveformContentItem(
        name,
        ref.getString(Tag.ReferencedSOPClassUID),
        ref.getString(Tag.ReferencedSOPInstanceUID),
        ref.getInts(Tag.ReferencedWaveformChannels),
        rel);
  }

  /**
   * Reads a WAVEFORM content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid WAVEFORM item
   */
  public static WaveformContentItem fromDataset(DicomDataset dataset) {
    return cast(
        ContentItem.fromDataset(dataset), WaveformContentItem.class, ValueTypeValues.WAVEFORM);
  }

  /**
   * Returns the Referenced SOP Class UID (0008,1150).
   *
   * @return the UID
   */
  public String referencedSopClassUid() {
    return sopClassUid;
  }

  /**
   * Returns the Referenced SOP Instance UID (0008,1155).
   *
   * @return the UID
   */
  public String referencedSopInstanceUid() {
    return sopInstanceUid;
  }

  /**
   * Returns the Referenced Waveform Channels (0040,A0B0) as pairs.
   *
   * @return {@code {waveform, channel}} pairs, empty when none
   */
  public int[][] referencedWaveformChannels() {
    int[][] out = new int[channels.length / 2][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new int[] {channels[2 * i], channels[2 * i + 1]};
    }
    return out;
  }

  @Override
  public WaveformContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  WaveformContentItem copyWith(ContentSequence content) {
    return new WaveformContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    DicomDataset ref = Values.sopReference(ds, sopClassUid, sopInstanceUid);
    if (channels.length > 0) {
      ref.setInt(Tag.ReferencedWaveformChannels, VR.US, channels);
    }
  }

  @Override
  boolean valueEquals(ContentItem other) {
    WaveformContentItem o = (WaveformContentItem) other;
    return sopClassUid.equals(o.sopClassUid)
        && sopInstanceUid.equals(o.sopInstanceUid)
        && Arrays.equals(channels, o.channels);
  }

  @Override
  int valueHash() {
    return Objects.hash(sopInstanceUid, Arrays.hashCode(channels));
  }

  @Override
  String valueString() {
    return "(" + sopClassUid + ", " + sopInstanceUid + ", " + channels.length / 2 + " channels)";
  }
}
