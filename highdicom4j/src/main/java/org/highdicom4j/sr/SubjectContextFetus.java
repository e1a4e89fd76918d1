package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;

/**
 * TID 1008 Subject Context, Fetus: the Subject ID (121030, DCM) of the fetus; highdicom's {@code
 * SubjectContextFetus}.
 */
public final class SubjectContextFetus extends Template {
  private static final List<CodedConcept> NAMES = List.of(SrCodes.SUBJECT_ID);

  /**
   * Creates the template.
   *
   * @param subjectId Subject ID (121030, DCM)
   * @throws IllegalArgumentException when a UID is invalid
   * @throws NullPointerException when a required argument is null
   */
  public SubjectContextFetus(String subjectId) {
    super(items(subjectId));
  }

  private SubjectContextFetus(List<ContentItem> items, boolean read) {
    super(items);
  }

  private static List<ContentItem> items(String subjectId) {
    RelationshipTypeValues obs = RelationshipTypeValues.HAS_OBS_CONTEXT;
    List<ContentItem> items = new ArrayList<>();
    Objects.requireNonNull(subjectId, "subjectId");
    if (subjectId != null) {
      items.add(new TextContentItem(SrCodes.SUBJECT_ID, subjectId, obs));
    }
    return items;
  }

  /** Collects this template's items from a run of siblings; null when none is present. */
  static SubjectContextFetus find(List<ContentItem> siblings) {
    List<ContentItem> found = new ArrayList<>();
    for (ContentItem c : siblings) {
      if (NAMES.contains(c.name())) {
        found.add(c);
      }
    }
    return found.isEmpty() ? null : new SubjectContextFetus(found, true);
  }

  /**
   * Returns the Subject ID (121030, DCM).
   *
   * @return the value; null only when read from a document without it
   */
  public String subjectId() {
    return Find.text(contentItems(), SrCodes.SUBJECT_ID);
  }
}
