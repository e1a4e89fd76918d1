package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;

/**
 * TID 1003 Person Observer Identifying Attributes: HAS OBS CONTEXT items naming the person who made
 * the observations; highdicom's {@code PersonObserverIdentifyingAttributes}. Like highdicom, a name
 * that does not look like a DICOM PN is accepted with a warning.
 */
public final class PersonObserverIdentifyingAttributes extends Template {
  private static final List<CodedConcept> NAMES =
      List.of(
          SrCodes.PERSON_OBSERVER_NAME,
          SrCodes.PERSON_LOGIN_NAME,
          SrCodes.PERSON_ORGANIZATION,
          SrCodes.PERSON_ROLE_IN_ORGANIZATION,
          SrCodes.PERSON_ROLE_IN_PROCEDURE);

  /**
   * Creates the template.
   *
   * @param name Person Observer Name (121008, DCM), a DICOM PN such as Doe^John
   * @param loginName Person Observer's Login Name (128774, DCM), or null
   * @param organizationName Person Observer's Organization Name (121009, DCM), or null
   * @param roleInOrganization Person Observer's Role in the Organization (121010, DCM), or null
   * @param roleInProcedure Person Observer's Role in this Procedure (121011, DCM), or null
   * @throws IllegalArgumentException when a UID is invalid
   * @throws NullPointerException when a required argument is null
   */
  public PersonObserverIdentifyingAttributes(
      String name,
      String loginName,
      String organizationName,
      CodedConcept roleInOrganization,
      CodedConcept roleInProcedure) {
    super(items(name, loginName, organizationName, roleInOrganization, roleInProcedure));
  }

  private PersonObserverIdentifyingAttributes(List<ContentItem> items, boolean read) {
    super(items);
  }

  private static List<ContentItem> items(
      String name,
      String loginName,
      String organizationName,
      CodedConcept roleInOrganization,
      CodedConcept roleInProcedure) {
    RelationshipTypeValues obs = RelationshipTypeValues.HAS_OBS_CONTEXT;
    List<ContentItem> items = new ArrayList<>();
    Objects.requireNonNull(name, "name");
    if (name != null) {
      items.add(new PnameContentItem(SrCodes.PERSON_OBSERVER_NAME, name, obs));
    }
    if (loginName != null) {
      items.add(new TextContentItem(SrCodes.PERSON_LOGIN_NAME, loginName, obs));
    }
    if (organizationName != null) {
      items.add(new TextContentItem(SrCodes.PERSON_ORGANIZATION, organizationName, obs));
    }
    if (roleInOrganization != null) {
      items.add(new CodeContentItem(SrCodes.PERSON_ROLE_IN_ORGANIZATION, roleInOrganization, obs));
    }
    if (roleInProcedure != null) {
      items.add(new CodeContentItem(SrCodes.PERSON_ROLE_IN_PROCEDURE, roleInProcedure, obs));
    }
    return items;
  }

  /** Collects this template's items from a run of siblings; null when none is present. */
  static PersonObserverIdentifyingAttributes find(List<ContentItem> siblings) {
    List<ContentItem> found = new ArrayList<>();
    for (ContentItem c : siblings) {
      if (NAMES.contains(c.name())) {
        found.add(c);
      }
    }
    return found.isEmpty() ? null : new PersonObserverIdentifyingAttributes(found, true);
  }

  // Some writers (older highdicom among them) give the observer name as TEXT, not PNAME.
  private String pname(CodedConcept name) {
    PnameContentItem p = Find.first(contentItems(), name, PnameContentItem.class);
    return p != null ? p.value().toString() : Find.text(contentItems(), name);
  }

  /**
   * Returns the Person Observer Name (121008, DCM), a DICOM PN such as Doe^John.
   *
   * @return the value; null only when read from a document without it
   */
  public String name() {
    return pname(SrCodes.PERSON_OBSERVER_NAME);
  }

  /**
   * Returns the Person Observer's Login Name (128774, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> loginName() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.PERSON_LOGIN_NAME));
  }

  /**
   * Returns the Person Observer's Organization Name (121009, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> organizationName() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.PERSON_ORGANIZATION));
  }

  /**
   * Returns the Person Observer's Role in the Organization (121010, DCM).
   *
   * @return the value, or empty
   */
  public Optional<CodedConcept> roleInOrganization() {
    return Optional.ofNullable(Find.code(contentItems(), SrCodes.PERSON_ROLE_IN_ORGANIZATION));
  }

  /**
   * Returns the Person Observer's Role in this Procedure (121011, DCM).
   *
   * @return the value, or empty
   */
  public Optional<CodedConcept> roleInProcedure() {
    return Optional.ofNullable(Find.code(contentItems(), SrCodes.PERSON_ROLE_IN_PROCEDURE));
  }
}
