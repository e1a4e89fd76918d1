package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.highdicom4j.ValueRepresentations;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * Utilities for SR content trees and the evidence of SR documents (PS3.3 C.17.2 SR Document General
 * Module); highdicom's {@code highdicom.sr.utils}.
 */
public final class SrUtils {
  private SrUtils() {}

  /**
   * Finds the content items below a root item that match a query (highdicom's {@code
   * find_content_items}).
   *
   * @param root the item whose children are searched, e.g. a document's root CONTAINER
   * @param name the concept name the items must have, or null for any
   * @param valueType the value type they must have, or null for any
   * @param relationshipType the relationship type with their parent, or null for any
   * @param recursive whether the children's descendants are searched too
   * @return the matching items, depth first in document order
   * @throws NullPointerException when root is null
   */
  public static List<ContentItem> findContentItems(
      ContentItem root,
      CodedConcept name,
      ValueTypeValues valueType,
      RelationshipTypeValues relationshipType,
      boolean recursive) {
    Objects.requireNonNull(root, "root");
    List<ContentItem> out = new ArrayList<>();
    search(root, name, valueType, relationshipType, recursive, out);
    return out;
  }

  private static void search(
      ContentItem node,
      CodedConcept name,
      ValueTypeValues vt,
      RelationshipTypeValues rel,
      boolean recursive,
      List<ContentItem> out) {
    for (ContentItem c : node.content()) {
      if ((name == null || name.equals(c.name()))
          && (vt == null || vt == c.valueType())
          && (rel == null || rel == c.relationshipType().orElse(null))) {
        out.add(c);
      }
      if (recursive) {
        search(c, name, vt, rel, true, out);
      }
    }
  }

  /**
   * Returns the composite instances a content tree references through IMAGE, COMPOSITE and WAVEFORM
   * items (Referenced SOP Sequence (0008,1199)), the root included.
   *
   * @param root the root item
   * @return SOP Instance UID to SOP Class UID, in document order
   */
  public static Map<String, String> referencedInstances(ContentItem root) {
    Objects.requireNonNull(root, "root");
    Map<String, String> out = new LinkedHashMap<>();
    collectReferences(root, out);
    return out;
  }

  private static void collectReferences(ContentItem item, Map<String, String> out) {
    if (item instanceof ImageContentItem) {
      ImageContentItem i = (ImageContentItem) item;
      out.putIfAbsent(i.referencedSopInstanceUid(), i.referencedSopClassUid());
    } else if (item instanceof CompositeContentItem) {
      CompositeContentItem i = (CompositeContentItem) item;
      out.putIfAbsent(i.referencedSopInstanceUid(), i.referencedSopClassUid());
    } else if (item instanceof WaveformContentItem) {
      WaveformContentItem i = (WaveformContentItem) item;
      out.putIfAbsent(i.referencedSopInstanceUid(), i.referencedSopClassUid());
    } else if (item instanceof GenericContentItem) {
      DicomDataset ref =
          ((GenericContentItem) item).attributes().getItem(Tag.ReferencedSOPSequence);
      if (ref != null && ref.getString(Tag.ReferencedSOPInstanceUID) != null) {
        out.putIfAbsent(
            ref.getString(Tag.ReferencedSOPInstanceUID),
            ref.getString(Tag.ReferencedSOPClassUID, ""));
      }
    }
    for (ContentItem c : item.content()) {
      collectReferences(c, out);
    }
  }

  /**
   * Sorts the evidence of an SR document into its two evidence sequences (highdicom's {@code
   * collect_evidence}): instances the content references and that belong to the document's study
   * are current evidence; referenced instances of other studies and unreferenced instances are
   * other evidence. Duplicates (same SOP Instance UID) are dropped.
   *
   * @param evidence the instances' data sets; each needs Study, Series, SOP Instance and SOP Class
   *     UIDs
   * @param content the root content item
   * @param studyInstanceUid the document's Study Instance UID, or null for that of evidence[0]
   * @return the split evidence
   * @throws IllegalArgumentException when evidence is empty, an instance lacks a UID, or the
   *     content references an instance that is not in the evidence
   */
  public static CollectedEvidence collectEvidence(
      List<DicomDataset> evidence, ContentItem content, String studyInstanceUid) {
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(content, "content");
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException(
          "evidence must not be empty (expected at least one referenced instance): none");
    }
    Map<String, String> referenced = referencedInstances(content);
    String study =
        studyInstanceUid != null
            ? studyInstanceUid
            : evidence.get(0).getString(Tag.StudyInstanceUID);
    List<EvidenceReference> current = new ArrayList<>();
    List<EvidenceReference> other = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < evidence.size(); i++) {
      EvidenceReference ref = reference(evidence.get(i), i);
      if (!seen.add(ref.sopInstanceUid())) {
        continue;
      }
      if (referenced.containsKey(ref.sopInstanceUid()) && ref.studyInstanceUid().equals(study)) {
        current.add(ref);
      } else {
        other.add(ref);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String uid : referenced.keySet()) {
      if (!seen.contains(uid)) {
        missing.add(uid);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "evidence lacks instances the content references (expected a data set for each"
              + " referenced SOP Instance UID): "
              + missing);
    }
    return new CollectedEvidence(current, other);
  }

  /**
   * Returns the evidence reference of an instance.
   *
   * @param ds the instance's data set
   * @param index its position in the caller's list, for messages
   * @return its Study, Series, SOP Instance and SOP Class UIDs
   * @throws IllegalArgumentException when one of them is missing
   */
  public static EvidenceReference reference(DicomDataset ds, int index) {
    Objects.requireNonNull(ds, "evidence");
    int[] tags = {Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID, Tag.SOPClassUID};
    String[] v = new String[4];
    for (int k = 0; k < 4; k++) {
      v[k] = ds.getString(tags[k]);
      if (v[k] == null || v[k].isEmpty()) {
        throw new IllegalArgumentException(
            "evidence["
                + index
                + "] lacks "
                + ValueRepresentations.describe(tags[k])
                + " (expected a UID): none");
      }
    }
    return new EvidenceReference(v[0], v[1], v[2], v[3]);
  }

  /**
   * Writes references as a sequence of the Hierarchical SOP Instance Reference Macro (PS3.3 Table
   * C.17-3): one item per study, each with a Referenced Series Sequence (0008,1115) of one item per
   * series, each with a Referenced SOP Sequence (0008,1199).
   *
   * @param ds the data set to write into
   * @param tag the sequence, e.g. Current Requested Procedure Evidence Sequence (0040,A375)
   * @param refs the references, grouped in first-seen order of study and series
   */
  public static void writeEvidence(DicomDataset ds, int tag, List<EvidenceReference> refs) {
    Map<String, Map<String, List<EvidenceReference>>> grouped = new LinkedHashMap<>();
    for (EvidenceReference r : refs) {
      grouped
          .computeIfAbsent(r.studyInstanceUid(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.seriesInstanceUid(), k -> new ArrayList<>())
          .add(r);
    }
    Sequence studies = ds.newSequence(tag);
    for (Map.Entry<String, Map<String, List<EvidenceReference>>> s : grouped.entrySet()) {
      DicomDataset studyItem = studies.addNewItem();
      studyItem.setString(Tag.StudyInstanceUID, VR.UI, s.getKey());
      Sequence series = studyItem.newSequence(Tag.ReferencedSeriesSequence);
      for (Map.Entry<String, List<EvidenceReference>> e : s.getValue().entrySet()) {
        DicomDataset seriesItem = series.addNewItem();
        seriesItem.setString(Tag.SeriesInstanceUID, VR.UI, e.getKey());
        Sequence sops = seriesItem.newSequence(Tag.ReferencedSOPSequence);
        for (EvidenceReference r : e.getValue()) {
          DicomDataset sop = sops.addNewItem();
          sop.setString(Tag.ReferencedSOPClassUID, VR.UI, r.sopClassUid());
          sop.setString(Tag.ReferencedSOPInstanceUID, VR.UI, r.sopInstanceUid());
        }
      }
    }
  }

  /**
   * Reads a sequence of the Hierarchical SOP Instance Reference Macro tolerantly: incomplete items
   * are skipped.
   *
   * @param ds the data set holding the sequence
   * @param tag the sequence
   * @return the references in order, empty when the sequence is absent
   */
  public static List<EvidenceReference> readEvidence(DicomDataset ds, int tag) {
    List<EvidenceReference> out = new ArrayList<>();
    Sequence studies = ds.getSequence(tag);
    if (studies == null) {
      return out;
    }
    for (DicomDataset study : studies) {
      String studyUid = study.getString(Tag.StudyInstanceUID);
      Sequence series = study.getSequence(Tag.ReferencedSeriesSequence);
      if (studyUid == null || series == null) {
        continue;
      }
      for (DicomDataset s : series) {
        String seriesUid = s.getString(Tag.SeriesInstanceUID);
        Sequence sops = s.getSequence(Tag.ReferencedSOPSequence);
        if (seriesUid == null || sops == null) {
          continue;
        }
        for (DicomDataset sop : sops) {
          String uid = sop.getString(Tag.ReferencedSOPInstanceUID);
          String cls = sop.getString(Tag.ReferencedSOPClassUID);
          if (uid != null && cls != null) {
            out.add(new EvidenceReference(studyUid, seriesUid, uid, cls));
          }
        }
      }
    }
    return out;
  }
}
