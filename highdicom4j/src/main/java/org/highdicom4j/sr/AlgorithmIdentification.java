package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * TID 4019 Algorithm Identification: Algorithm Name (111001, DCM), Algorithm Version (111003, DCM)
 * and optional Algorithm Parameters (111002, DCM), TEXT items with relationship HAS CONCEPT MOD;
 * highdicom's {@code AlgorithmIdentification}.
 */
public final class AlgorithmIdentification extends Template {
  private final String name;
  private final String version;
  private final List<String> parameters;

  /**
   * Creates an algorithm identification.
   *
   * @param name the algorithm name
   * @param version the algorithm version
   * @param parameters the parameters, or null
   * @throws NullPointerException when name or version is null
   */
  public AlgorithmIdentification(String name, String version, List<String> parameters) {
    this(items(name, version, parameters));
  }

  private AlgorithmIdentification(List<ContentItem> items) {
    super(items);
    this.name = Find.text(items, SrCodes.ALGORITHM_NAME);
    this.version = Find.text(items, SrCodes.ALGORITHM_VERSION);
    List<String> p = new ArrayList<>();
    for (TextContentItem t : Find.all(items, SrCodes.ALGORITHM_PARAMETERS, TextContentItem.class)) {
      p.add(t.value());
    }
    this.parameters = List.copyOf(p);
  }

  private static List<ContentItem> items(String name, String version, List<String> parameters) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    List<ContentItem> items = new ArrayList<>();
    RelationshipTypeValues rel = RelationshipTypeValues.HAS_CONCEPT_MOD;
    items.add(new TextContentItem(SrCodes.ALGORITHM_NAME, name, rel));
    items.add(new TextContentItem(SrCodes.ALGORITHM_VERSION, version, rel));
    if (parameters != null) {
      for (String p : parameters) {
        items.add(new TextContentItem(SrCodes.ALGORITHM_PARAMETERS, p, rel));
      }
    }
    return items;
  }

  /** Finds the items among siblings; null when no Algorithm Name is present. */
  static AlgorithmIdentification find(List<ContentItem> siblings) {
    TextContentItem nameItem = Find.first(siblings, SrCodes.ALGORITHM_NAME, TextContentItem.class);
    if (nameItem == null) {
      return null;
    }
    List<ContentItem> found = new ArrayList<>();
    found.add(nameItem);
    // Version and parameters are siblings (as highdicom writes them) or children of the name.
    List<ContentItem> pool = new ArrayList<>(siblings);
    pool.addAll(nameItem.content());
    TextContentItem v = Find.first(pool, SrCodes.ALGORITHM_VERSION, TextContentItem.class);
    if (v != null) {
      found.add(v);
    }
    found.addAll(Find.all(pool, SrCodes.ALGORITHM_PARAMETERS, TextContentItem.class));
    return new AlgorithmIdentification(found);
  }

  /**
   * Returns the Algorithm Name (111001, DCM).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the Algorithm Version (111003, DCM).
   *
   * @return the version; null only when read from a document without one
   */
  public String version() {
    return version;
  }

  /**
   * Returns the Algorithm Parameters (111002, DCM).
   *
   * @return the parameters, possibly empty
   */
  public List<String> parameters() {
    return parameters;
  }
}
