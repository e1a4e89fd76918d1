package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;

/**
 * TID 1006 Subject Context: a Subject Class (121024, DCM) CODE item (Fetus, Specimen or Device)
 * followed by the class-specific context (TID 1008, 1009 or 1010), all HAS OBS CONTEXT; highdicom's
 * {@code SubjectContext}.
 */
public final class SubjectContext extends Template {
  /**
   * Creates a fetus subject context.
   *
   * @param context the fetus context
   */
  public SubjectContext(SubjectContextFetus context) {
    super(items(SrCodes.FETUS, context));
  }

  /**
   * Creates a specimen subject context.
   *
   * @param context the specimen context
   */
  public SubjectContext(SubjectContextSpecimen context) {
    super(items(SrCodes.SPECIMEN, context));
  }

  /**
   * Creates a device subject context.
   *
   * @param context the device context
   */
  public SubjectContext(SubjectContextDevice context) {
    super(items(SrCodes.DEVICE_SUBJECT, context));
  }

  private SubjectContext(List<ContentItem> items, boolean read) {
    super(items);
  }

  private static List<ContentItem> items(CodedConcept subjectClass, Template context) {
    Objects.requireNonNull(context, "context");
    List<ContentItem> items = new ArrayList<>();
    items.add(
        new CodeContentItem(
            SrCodes.SUBJECT_CLASS, subjectClass, RelationshipTypeValues.HAS_OBS_CONTEXT));
    items.addAll(context.contentItems());
    return items;
  }

  static SubjectContext read(List<ContentItem> run) {
    return new SubjectContext(run, true);
  }

  /**
   * Returns the Subject Class (121024, DCM).
   *
   * @return the class, e.g. Specimen (121027, DCM); Patient (121025, DCM) when read without one
   */
  public CodedConcept subjectClass() {
    CodedConcept c = Find.code(contentItems(), SrCodes.SUBJECT_CLASS);
    return c == null ? SrCodes.PATIENT : c;
  }

  /**
   * Returns the class-specific context: a {@link SubjectContextFetus}, {@link
   * SubjectContextSpecimen} or {@link SubjectContextDevice}.
   *
   * @return the context, or empty
   */
  public Optional<Template> subjectClassSpecificContext() {
    CodedConcept c = subjectClass();
    Template t = null;
    if (SrCodes.FETUS.equals(c)) {
      t = SubjectContextFetus.find(contentItems());
    } else if (SrCodes.SPECIMEN.equals(c)) {
      t = SubjectContextSpecimen.find(contentItems());
    } else if (SrCodes.DEVICE_SUBJECT.equals(c)) {
      t = SubjectContextDevice.find(contentItems());
    }
    return Optional.ofNullable(t);
  }
}
