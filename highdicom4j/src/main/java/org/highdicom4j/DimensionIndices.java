package org.highdicom4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;

/**
 * Frame indexing metadata of an image: uniqueness of dimension index values (PS3.3 C.7.6.17) and
 * the instances referenced by the Common Instance Reference Module (PS3.3 C.12.2). Package-private;
 * the public entry points are on {@link Image}.
 */
final class DimensionIndices {
  private static final System.Logger LOG = System.getLogger(DimensionIndices.class.getName());

  private DimensionIndices() {}

  static boolean areUnique(DicomDataset ds, int frames, int[] pointers) {
    java.util.Objects.requireNonNull(pointers, "dimensionIndexPointers");
    Sequence dis = ds.getSequence(Tag.DimensionIndexSequence);
    int[] available = new int[dis == null ? 0 : dis.size()];
    for (int i = 0; i < available.length; i++) {
      available[i] = dis.get(i).getInt(Tag.DimensionIndexPointer, 0);
    }
    int[] positions = new int[pointers.length];
    for (int k = 0; k < pointers.length; k++) {
      positions[k] = -1;
      for (int i = 0; i < available.length; i++) {
        if (available[i] == pointers[k]) {
          positions[k] = i;
          break;
        }
      }
      if (positions[k] < 0) {
        throw new IllegalArgumentException(
            "DimensionIndexSequence (0020,9222) has no item for this dimension index pointer"
                + " (expected one of "
                + tagList(available)
                + "): "
                + DicomDataset.tagString(pointers[k]));
      }
    }
    Sequence pffg = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    Set<List<Integer>> seen = new HashSet<>();
    for (int f = 0; f < frames; f++) {
      DicomDataset content =
          pffg == null || f >= pffg.size() ? null : pffg.get(f).getItem(Tag.FrameContentSequence);
      int[] values = content == null ? new int[0] : content.getInts(Tag.DimensionIndexValues);
      if (values.length != available.length) {
        throw new IllegalStateException(
            "DimensionIndexValues (0020,9157) of frame "
                + (f + 1)
                + " does not hold one value per dimension (expected "
                + available.length
                + " values): "
                + values.length);
      }
      List<Integer> key = new ArrayList<>(positions.length);
      for (int p : positions) {
        key.add(values[p]);
      }
      seen.add(key);
    }
    return seen.size() == frames;
  }

  private static String tagList(int[] tags) {
    String[] s = new String[tags.length];
    for (int i = 0; i < tags.length; i++) {
      s[i] = DicomDataset.tagString(tags[i]);
    }
    return Arrays.toString(s);
  }

  static List<InstanceUids> referencedInstances(DicomDataset ds) {
    List<InstanceUids> all = new ArrayList<>();
    String study = ds.getString(Tag.StudyInstanceUID);
    addSeries(all, study, ds.getSequence(Tag.ReferencedSeriesSequence));
    Sequence others = ds.getSequence(Tag.StudiesContainingOtherReferencedInstancesSequence);
    if (others != null) {
      for (DicomDataset item : others) {
        addSeries(
            all,
            item.getString(Tag.StudyInstanceUID),
            item.getSequence(Tag.ReferencedSeriesSequence));
      }
    }
    Map<InstanceUids, Integer> counts = new LinkedHashMap<>();
    for (InstanceUids u : all) {
      counts.merge(u, 1, Integer::sum);
    }
    if (counts.size() < all.size()) {
      List<String> duplicated = new ArrayList<>();
      counts.forEach(
          (u, c) -> {
            if (c > 1) {
              duplicated.add(u.sopInstanceUid());
            }
          });
      LOG.log(
          System.Logger.Level.WARNING,
          "Duplicate entries found in the ReferencedSeriesSequence. SOP Instance UID: {0},"
              + " duplicated referenced SOP Instance UID items: {1}",
          ds.getString(Tag.SOPInstanceUID),
          String.join(", ", duplicated));
    }
    return List.copyOf(counts.keySet());
  }

  private static void addSeries(List<InstanceUids> out, String study, Sequence series) {
    if (series == null || study == null) {
      return;
    }
    for (DicomDataset s : series) {
      String seriesUid = s.getString(Tag.SeriesInstanceUID);
      Sequence instances = s.getSequence(Tag.ReferencedInstanceSequence);
      if (seriesUid == null || instances == null) {
        continue;
      }
      for (DicomDataset i : instances) {
        String sop = i.getString(Tag.ReferencedSOPInstanceUID);
        if (sop != null) {
          out.add(new InstanceUids(study, seriesUid, sop));
        }
      }
    }
  }
}
