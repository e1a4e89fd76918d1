package org.highdicom4j.ko;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.sr.CompositeContentItem;
import org.highdicom4j.sr.ContainerContentItem;
import org.highdicom4j.sr.ContentItem;
import org.highdicom4j.sr.ContentSequence;
import org.highdicom4j.sr.ImageContentItem;
import org.highdicom4j.sr.ObserverContext;
import org.highdicom4j.sr.RelationshipTypeValues;
import org.highdicom4j.sr.Template;
import org.highdicom4j.sr.TextContentItem;
import org.highdicom4j.sr.ValueTypeValues;
import org.highdicom4j.sr.WaveformContentItem;

/**
 * TID 2010 Key Object Selection: a root CONTAINER titled with a code of CID 7010 (e.g. Of Interest
 * (113000, DCM)), optional observer contexts (TID 1002) and Key Object Description (113012, DCM),
 * and one CONTAINS reference item per selected instance; highdicom's {@code
 * highdicom.ko.KeyObjectSelection}.
 *
 * <p>References to instances with Rows and Columns become IMAGE items, others COMPOSITE items, each
 * named Source (260753009, SCT) as highdicom does (PS3.3 C.17.3 allows a generic name where the
 * template has none).
 */
public final class KeyObjectSelection extends Template {
  private static final System.Logger LOG = System.getLogger(KeyObjectSelection.class.getName());

  /** Template identifier of TID 2010. */
  public static final String TEMPLATE_ID = "2010";

  static final CodedConcept SOURCE = new CodedConcept("260753009", "SCT", "Source");
  static final CodedConcept KEY_OBJECT_DESCRIPTION =
      new CodedConcept("113012", "DCM", "Key Object Description");
  static final CodedConcept PERSON = new CodedConcept("121006", "DCM", "Person");
  static final CodedConcept DEVICE = new CodedConcept("121007", "DCM", "Device");

  private final ContainerContentItem root;

  /**
   * Creates the content of a key object selection.
   *
   * @param documentTitle the title (CID 7010 Key Object Selection Document Title)
   * @param referencedObjects the selected instances' data sets (SOP Class and Instance UIDs are
   *     used); at least one
   * @param observerPersonContext the person who selected them, or null
   * @param observerDeviceContext the device that selected them, or null
   * @param description Key Object Description (113012, DCM), or null
   * @throws IllegalArgumentException when no object is referenced, an observer context has the
   *     wrong observer type, or a referenced data set lacks its UIDs
   * @throws NullPointerException when documentTitle or referencedObjects is null
   */
  public KeyObjectSelection(
      CodedConcept documentTitle,
      List<DicomDataset> referencedObjects,
      ObserverContext observerPersonContext,
      ObserverContext observerDeviceContext,
      String description) {
    this(
        build(
            documentTitle,
            referencedObjects,
            observerPersonContext,
            observerDeviceContext,
            description));
  }

  private KeyObjectSelection(ContainerContentItem root) {
    super(new ContentSequence(List.of(root), true, true));
    this.root = root;
  }

  private static ContainerContentItem build(
      CodedConcept title,
      List<DicomDataset> objects,
      ObserverContext person,
      ObserverContext device,
      String description) {
    Objects.requireNonNull(title, "documentTitle");
    Objects.requireNonNull(objects, "referencedObjects");
    List<ContentItem> ch = new ArrayList<>();
    if (person != null) {
      if (!PERSON.equals(person.observerType())) {
        throw new IllegalArgumentException(
            "observerPersonContext must have Observer Type Person (expected (121006, DCM)): "
                + person.observerType());
      }
      ch.addAll(person.contentItems());
    }
    if (device != null) {
      if (!DEVICE.equals(device.observerType())) {
        throw new IllegalArgumentException(
            "observerDeviceContext must have Observer Type Device (expected (121007, DCM)): "
                + device.observerType());
      }
      ch.addAll(device.contentItems());
    }
    if (description != null) {
      ch.add(
          new TextContentItem(
              KEY_OBJECT_DESCRIPTION, description, RelationshipTypeValues.CONTAINS));
    }
    if (objects.isEmpty()) {
      throw new IllegalArgumentException(
          "referencedObjects must not be empty (expected at least one selected instance): none");
    }
    for (int i = 0; i < objects.size(); i++) {
      DicomDataset ds = Objects.requireNonNull(objects.get(i), "referencedObjects");
      String cls = ds.getString(Tag.SOPClassUID);
      String uid = ds.getString(Tag.SOPInstanceUID);
      if (cls == null || uid == null) {
        throw new IllegalArgumentException(
            "referencedObjects["
                + i
                + "] lacks SOPClassUID (0008,0016) or SOPInstanceUID (0008,0018) (expected both):"
                + " "
                + cls
                + ", "
                + uid);
      }
      if (ds.contains(Tag.Rows) && ds.contains(Tag.Columns)) {
        ch.add(new ImageContentItem(SOURCE, cls, uid, RelationshipTypeValues.CONTAINS));
      } else {
        ch.add(new CompositeContentItem(SOURCE, cls, uid, RelationshipTypeValues.CONTAINS));
      }
    }
    return new ContainerContentItem(title, true, TEMPLATE_ID, null).withContent(ch);
  }

  /**
   * Reads the content from its root item, tolerantly: a missing TID 2010 template identifier is
   * logged, not refused.
   *
   * @param root the root CONTAINER (a document's data set read with {@link
   *     ContentItem#fromDataset})
   * @return the key object selection
   * @throws IllegalArgumentException when the root is not a CONTAINER
   */
  public static KeyObjectSelection fromContentItem(ContentItem root) {
    Objects.requireNonNull(root, "root");
    if (!(root instanceof ContainerContentItem)) {
      throw new IllegalArgumentException(
          "ValueType (0040,A040) of a key object selection root must be CONTAINER (expected"
              + " CONTAINER): "
              + root.valueType());
    }
    ContainerContentItem c = (ContainerContentItem) root;
    if (!c.templateId().map(t -> t.replace("TID", "").strip().equals(TEMPLATE_ID)).orElse(false)) {
      LOG.log(
          Level.WARNING,
          "Root content item does not name template 2010; reading it as a key object selection"
              + " anyway: {0}",
          c.name());
    }
    if (c.relationshipType().isPresent()) {
      c =
          new ContainerContentItem(
                  c.name(), c.isContentContinuous(), c.templateId().orElse(null), null)
              .withContent(c.content());
    }
    return new KeyObjectSelection(c);
  }

  /**
   * Reads the content from a sequence holding the root item (highdicom's {@code from_sequence}).
   *
   * @param sequence the sequence, exactly one item
   * @return the key object selection
   * @throws IllegalArgumentException when the sequence does not hold exactly one CONTAINER
   */
  public static KeyObjectSelection fromSequence(Sequence sequence) {
    Objects.requireNonNull(sequence, "sequence");
    if (sequence.size() != 1) {
      throw new IllegalArgumentException(
          "A key object selection sequence holds its root content item only (expected 1 item): "
              + sequence.size());
    }
    return fromContentItem(ContentItem.fromDataset(sequence.get(0)));
  }

  /**
   * Returns the root CONTAINER content item.
   *
   * @return the root item
   */
  public ContainerContentItem toContentItem() {
    return root;
  }

  /**
   * Returns the document title (the root item's concept name, CID 7010).
   *
   * @return the title
   */
  public CodedConcept documentTitle() {
    return root.name();
  }

  /**
   * Returns the Key Object Description (113012, DCM).
   *
   * @return the description, or empty
   */
  public Optional<String> description() {
    for (ContentItem c : root.content()) {
      if (c instanceof TextContentItem && KEY_OBJECT_DESCRIPTION.equals(c.name())) {
        return Optional.of(((TextContentItem) c).value());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the observer contexts (highdicom's {@code get_observer_contexts}).
   *
   * @param observerType Person (121006, DCM) or Device (121007, DCM), or null for both
   * @return the contexts in order
   */
  public List<ObserverContext> getObserverContexts(CodedConcept observerType) {
    return ObserverContext.findIn(root.content(), observerType);
  }

  /**
   * Returns the items referencing the selected instances (highdicom's {@code get_references}).
   *
   * @param valueType IMAGE, COMPOSITE or WAVEFORM to keep only those, or null for all three
   * @param sopClassUid the referenced SOP Class UID to keep only those, or null for all
   * @return the reference items in order
   * @throws IllegalArgumentException for another value type
   */
  public List<ContentItem> getReferences(ValueTypeValues valueType, String sopClassUid) {
    if (valueType != null
        && valueType != ValueTypeValues.IMAGE
        && valueType != ValueTypeValues.COMPOSITE
        && valueType != ValueTypeValues.WAVEFORM) {
      throw new IllegalArgumentException(
          "Value type is not one that references selected objects (expected IMAGE, COMPOSITE or"
              + " WAVEFORM): "
              + valueType.value());
    }
    List<ContentItem> out = new ArrayList<>();
    for (ContentItem c : root.content()) {
      String cls = referencedSopClassUid(c);
      if (cls == null) {
        continue;
      }
      if ((valueType == null || valueType == c.valueType())
          && (sopClassUid == null || sopClassUid.equals(cls))) {
        out.add(c);
      }
    }
    return out;
  }

  /** Returns the SOP Class UID an IMAGE, COMPOSITE or WAVEFORM item references, else null. */
  static String referencedSopClassUid(ContentItem c) {
    if (c instanceof ImageContentItem) {
      return ((ImageContentItem) c).referencedSopClassUid();
    }
    if (c instanceof CompositeContentItem) {
      return ((CompositeContentItem) c).referencedSopClassUid();
    }
    if (c instanceof WaveformContentItem) {
      return ((WaveformContentItem) c).referencedSopClassUid();
    }
    return null;
  }

  /** Returns the SOP Instance UID an IMAGE, COMPOSITE or WAVEFORM item references, else null. */
  static String referencedSopInstanceUid(ContentItem c) {
    if (c instanceof ImageContentItem) {
      return ((ImageContentItem) c).referencedSopInstanceUid();
    }
    if (c instanceof CompositeContentItem) {
      return ((CompositeContentItem) c).referencedSopInstanceUid();
    }
    if (c instanceof WaveformContentItem) {
      return ((WaveformContentItem) c).referencedSopInstanceUid();
    }
    return null;
  }
}
