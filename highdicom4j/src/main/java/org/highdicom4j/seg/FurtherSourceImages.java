package org.highdicom4j.seg;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.highdicom4j.ValueRepresentations;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * Further source images of a segmentation (highdicom's {@code further_source_images}, 0.23): images
 * of the same study, possibly of other series, that the segmentation was derived from as well but
 * whose geometry it does not follow — e.g. the other inputs of a multi-input model. They are
 * referenced in Source Image Sequence (0008,2112) and in Referenced Series Sequence (0008,1115),
 * grouped by series, after the source images.
 */
final class FurtherSourceImages {
  private FurtherSourceImages() {}

  /**
   * Checks that every further source image identifies itself and belongs to the study of the source
   * images.
   *
   * @param further the further source images
   * @param sources the source images (already checked)
   * @throws IllegalArgumentException naming {@code furtherSourceImages} otherwise
   */
  static void check(List<DicomDataset> further, List<DicomDataset> sources) {
    String study = sources.get(0).getString(Tag.StudyInstanceUID);
    Set<String> seen = new HashSet<>();
    for (DicomDataset s : sources) {
      seen.add(s.getString(Tag.SOPInstanceUID));
    }
    for (int i = 0; i < further.size(); i++) {
      DicomDataset d = further.get(i);
      for (int tag :
          new int[] {
            Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPClassUID, Tag.SOPInstanceUID
          }) {
        if (d.getString(tag) == null) {
          throw new IllegalArgumentException(
              "furtherSourceImages["
                  + i
                  + "] lacks "
                  + ValueRepresentations.describe(tag)
                  + " (expected a UID)");
        }
      }
      if (!Objects.equals(d.getString(Tag.StudyInstanceUID), study)) {
        throw new IllegalArgumentException(
            "furtherSourceImages must all belong to the same study as sourceImages (expected"
                + " StudyInstanceUID (0020,000D) "
                + study
                + "): furtherSourceImages["
                + i
                + "] has "
                + d.getString(Tag.StudyInstanceUID));
      }
      if (!seen.add(d.getString(Tag.SOPInstanceUID))) {
        throw new IllegalArgumentException(
            "furtherSourceImages must not repeat an image of sourceImages or of itself (expected"
                + " distinct SOPInstanceUID (0008,0018)): furtherSourceImages["
                + i
                + "] is "
                + d.getString(Tag.SOPInstanceUID));
      }
    }
  }

  /**
   * Adds references to the further source images.
   *
   * @param further the further source images
   * @param referencedSeries the Referenced Series Sequence (0008,1115), holding the sources' series
   * @param sourceImages the Source Image Sequence (0008,2112)
   */
  static void addTo(List<DicomDataset> further, Sequence referencedSeries, Sequence sourceImages) {
    Map<String, Sequence> bySeries = new LinkedHashMap<>();
    for (DicomDataset item : referencedSeries) {
      bySeries.put(
          item.getString(Tag.SeriesInstanceUID), item.getSequence(Tag.ReferencedInstanceSequence));
    }
    for (DicomDataset d : further) {
      String series = d.getString(Tag.SeriesInstanceUID);
      Sequence instances = bySeries.get(series);
      if (instances == null) {
        DicomDataset seriesItem = referencedSeries.addNewItem();
        instances = seriesItem.newSequence(Tag.ReferencedInstanceSequence);
        seriesItem.setString(Tag.SeriesInstanceUID, VR.UI, series);
        bySeries.put(series, instances);
      }
      for (Sequence seq : new Sequence[] {instances, sourceImages}) {
        DicomDataset item = seq.addNewItem();
        item.setString(Tag.ReferencedSOPClassUID, VR.UI, d.getString(Tag.SOPClassUID));
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, d.getString(Tag.SOPInstanceUID));
      }
    }
  }
}
