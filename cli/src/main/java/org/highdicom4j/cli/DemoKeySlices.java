package org.highdicom4j.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.highdicom4j.NdArray;
import org.highdicom4j.coding.cid.CID7010;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.ko.KeyObjectSelection;
import org.highdicom4j.ko.KeyObjectSelectionDocument;
import org.highdicom4j.sr.DeviceObserverIdentifyingAttributes;
import org.highdicom4j.sr.ObserverContext;

/**
 * Picks the key slices of {@code hd4j demo} — for each organ the CT slice where its cross-section
 * is largest — and flags them in a Key Object Selection Document titled "Of Interest" (DCM 113000,
 * CID 7010). Among slices of equal area the first in the volume's plane order wins (for these axial
 * slices the most superior one).
 */
final class DemoKeySlices {
  private DemoKeySlices() {}

  /**
   * Finds the plane of largest area of each organ.
   *
   * @param labels the label map (planes, rows, columns)
   * @return the plane index (axis 0) per organ, for organs present in the label map
   */
  static Map<DemoOrgan, Integer> largestCrossSections(NdArray labels) {
    int[] shape = labels.shape();
    int perPlane = shape[1] * shape[2];
    int n = DemoOrgan.values().length + 1;
    long[] best = new long[n];
    int[] bestPlane = new int[n];
    for (int p = 0; p < shape[0]; p++) {
      long[] area = new long[n];
      for (int i = p * perPlane; i < (p + 1) * perPlane; i++) {
        area[(int) labels.getFlatLong(i)]++;
      }
      for (int l = 1; l < n; l++) {
        if (area[l] > best[l]) {
          best[l] = area[l];
          bestPlane[l] = p;
        }
      }
    }
    Map<DemoOrgan, Integer> out = new EnumMap<>(DemoOrgan.class);
    for (DemoOrgan o : DemoOrgan.values()) {
      if (best[o.label()] > 0) {
        out.put(o, bestPlane[o.label()]);
      }
    }
    return out;
  }

  /**
   * Builds the document.
   *
   * @param keyPlanes the key plane of each organ
   * @param ctImages the CT data sets in the label map's plane order
   * @return the document, referencing each key slice once
   */
  static KeyObjectSelectionDocument build(
      Map<DemoOrgan, Integer> keyPlanes, List<DicomDataset> ctImages) {
    Set<Integer> planes = new LinkedHashSet<>(keyPlanes.values());
    List<DicomDataset> selected = new ArrayList<>();
    for (int p : planes) {
      selected.add(ctImages.get(p));
    }
    StringBuilder description = new StringBuilder("Largest cross-section of each organ:");
    for (Map.Entry<DemoOrgan, Integer> e : keyPlanes.entrySet()) {
      description
          .append(' ')
          .append(e.getKey().segmentLabel())
          .append(" image ")
          .append(ctImages.get(e.getValue()).getInt(Tag.InstanceNumber, 0))
          .append(';');
    }
    description.setLength(description.length() - 1);
    KeyObjectSelection content =
        new KeyObjectSelection(
            CID7010.OfInterest,
            selected,
            null,
            new ObserverContext(
                new DeviceObserverIdentifyingAttributes(
                    UidGenerator.newUid(), "hd4j demo", "highdicom4j", "hd4j", null, null, null)),
            description.toString());
    return KeyObjectSelectionDocument.builder()
        .evidence(selected)
        .content(content)
        .seriesInstanceUid(UidGenerator.newUid())
        .seriesNumber(400)
        .seriesDescription("hd4j demo key slices")
        .sopInstanceUid(UidGenerator.newUid())
        .instanceNumber(1)
        .manufacturer("highdicom4j")
        .build();
  }
}
