package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;

/**
 * A coded finding site: a Finding Site (363698007, SCT) CODE item with relationship HAS CONCEPT
 * MOD, optionally modified by Laterality (272741003, SCT) and Topographical modifier (106233006,
 * SCT); highdicom's {@code FindingSite}.
 */
public final class FindingSite extends Template {
  private final CodeContentItem item;

  /**
   * Creates a finding site.
   *
   * @param anatomicLocation the anatomic location (region or structure)
   * @param laterality the laterality (CID 244), or null
   * @param topographicalModifier the topographical modifier, or null
   * @throws NullPointerException when anatomicLocation is null
   */
  public FindingSite(
      CodedConcept anatomicLocation, CodedConcept laterality, CodedConcept topographicalModifier) {
    this(build(anatomicLocation, laterality, topographicalModifier));
  }

  /**
   * Creates a finding site without modifiers.
   *
   * @param anatomicLocation the anatomic location
   */
  public FindingSite(CodedConcept anatomicLocation) {
    this(anatomicLocation, null, null);
  }

  private FindingSite(CodeContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  private static CodeContentItem build(
      CodedConcept location, CodedConcept laterality, CodedConcept modifier) {
    Objects.requireNonNull(location, "anatomicLocation");
    RelationshipTypeValues mod = RelationshipTypeValues.HAS_CONCEPT_MOD;
    CodeContentItem item = new CodeContentItem(SrCodes.FINDING_SITE, location, mod);
    List<ContentItem> children = new ArrayList<>(2);
    if (laterality != null) {
      children.add(new CodeContentItem(SrCodes.LATERALITY, laterality, mod));
    }
    if (modifier != null) {
      children.add(new CodeContentItem(SrCodes.TOPOGRAPHICAL_MODIFIER, modifier, mod));
    }
    return children.isEmpty() ? item : item.withContent(children);
  }

  /**
   * Interprets a content item as a finding site.
   *
   * @param item a CODE item named Finding Site
   * @return the finding site, keeping the item as read
   * @throws IllegalArgumentException when the item is not a Finding Site CODE item
   */
  public static FindingSite fromContentItem(ContentItem item) {
    Find.require(item, SrCodes.FINDING_SITE, CodeContentItem.class, "FindingSite");
    return new FindingSite((CodeContentItem) item);
  }

  /**
   * Reads a finding site from a content item data set.
   *
   * @param dataset the CODE content item
   * @return the finding site
   * @throws IllegalArgumentException when it is not a Finding Site item
   */
  public static FindingSite fromDataset(DicomDataset dataset) {
    return fromContentItem(ContentItem.fromDataset(dataset));
  }

  static List<FindingSite> findAll(List<ContentItem> siblings) {
    List<FindingSite> out = new ArrayList<>();
    for (CodeContentItem c : Find.all(siblings, SrCodes.FINDING_SITE, CodeContentItem.class)) {
      out.add(new FindingSite(c));
    }
    return out;
  }

  /**
   * Returns the anatomic location (highdicom's {@code value}).
   *
   * @return the coded location
   */
  public CodedConcept value() {
    return item.value();
  }

  /**
   * Returns the laterality.
   *
   * @return the laterality, or empty
   */
  public Optional<CodedConcept> laterality() {
    return Optional.ofNullable(Find.code(item.content(), SrCodes.LATERALITY));
  }

  /**
   * Returns the topographical modifier.
   *
   * @return the modifier, or empty
   */
  public Optional<CodedConcept> topographicalModifier() {
    return Optional.ofNullable(Find.code(item.content(), SrCodes.TOPOGRAPHICAL_MODIFIER));
  }

  /**
   * Returns the CODE content item.
   *
   * @return the item
   */
  public CodeContentItem toContentItem() {
    return item;
  }

  /**
   * Returns the content item data set.
   *
   * @return a new data set
   */
  public DicomDataset toDataset() {
    return item.toDataset();
  }
}
