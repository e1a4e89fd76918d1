package org.highdicom4j.coding;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Look-up of the coded concepts that pydicom's code dictionary ({@code pydicom.sr.codedict.codes})
 * knows: by coding scheme and keyword, and the meaning of a code value.
 *
 * <p>The constants themselves are in one class per coding scheme, named by its designator: {@link
 * SCT}, {@link DCM}, {@link UCUM}, {@link LN}, {@link MDC}, {@link FMA}, {@link UMLS}, {@link
 * NCIt}, {@link RADLEX}, {@link NEU}, {@link BARI}, {@link NDC}, {@link ITIS_TSN}, {@link
 * PUBCHEM_CID}, {@link MSH}; pydicom's {@code codes.SCT.Liver} is {@code SCT.Liver}. Context groups
 * are in {@link ContextGroups}.
 *
 * <p>The table is generated from Debian's python3-pydicom 2.3.1 (PS3.16 of 2022) by {@code
 * tools/codegen/gen_codes.py} and loaded on first use. Its 407 concepts whose meaning exceeds 64
 * characters (mostly SNOMED CT fully specified names) cannot be a {@link CodedConcept} and are
 * absent.
 */
public final class Codes {
  private Codes() {}

  /**
   * Returns the concept of a keyword in a coding scheme (pydicom's {@code
   * codes.<scheme>.<keyword>}).
   *
   * @param scheme the Coding Scheme Designator (0008,0102), e.g. {@code SCT}
   * @param keyword pydicom's keyword, e.g. {@code Liver}
   * @return the concept, or empty when the scheme or keyword is unknown
   * @throws IllegalArgumentException when the keyword names several code values in the scheme (as
   *     pydicom raises); {@link #lookupAll(String, String)} returns them all
   * @throws NullPointerException when an argument is null
   */
  public static Optional<CodedConcept> lookup(String scheme, String keyword) {
    List<CodedConcept> all = lookupAll(scheme, keyword);
    if (all.size() > 1) {
      throw new IllegalArgumentException(
          "keyword "
              + keyword
              + " names several "
              + scheme
              + " code values (expected one; use lookupAll): "
              + all.stream().map(CodedConcept::value).collect(Collectors.joining(", ")));
    }
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /**
   * Returns every concept a keyword names in a coding scheme; a few keywords (e.g. SCT {@code
   * AnatomicalStructure}, UCUM {@code Centimeter}) name more than one code value.
   *
   * @param scheme the Coding Scheme Designator (0008,0102)
   * @param keyword pydicom's keyword
   * @return the concepts, empty when none
   * @throws NullPointerException when an argument is null
   */
  public static List<CodedConcept> lookupAll(String scheme, String keyword) {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(keyword, "keyword");
    return CodeTable.get()
        .byKeyword
        .getOrDefault(scheme, Map.of())
        .getOrDefault(keyword, List.of());
  }

  /**
   * Returns the meaning of a code value in a coding scheme. SRT values are looked up as their SCT
   * equivalents. When several keywords share the value, the meaning of the one used by most context
   * groups wins (then the first keyword in code point order).
   *
   * @param scheme the Coding Scheme Designator (0008,0102)
   * @param value the code value
   * @return the Code Meaning (0008,0104), or empty when the table does not know the code
   * @throws NullPointerException when an argument is null
   */
  public static Optional<String> find(String scheme, String value) {
    Optional<CodedConcept> code = code(scheme, value);
    return code.isPresent() ? Optional.of(code.get().meaning()) : Optional.empty();
  }

  /**
   * Returns the table's concept for a code value in a coding scheme, with the meaning {@link
   * #find(String, String)} gives; SRT values are returned as their SCT equivalents.
   *
   * @param scheme the Coding Scheme Designator (0008,0102)
   * @param value the code value
   * @return the concept, or empty when the table does not know the code
   * @throws NullPointerException when an argument is null
   */
  public static Optional<CodedConcept> code(String scheme, String value) {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(value, "value");
    String s = scheme;
    String v = value;
    if ("SRT".equals(scheme)) {
      String sct = SnomedMapping.srtToSct(value);
      if (sct == null) {
        return Optional.empty();
      }
      s = "SCT";
      v = sct;
    }
    return Optional.ofNullable(CodeTable.get().byValue.getOrDefault(s, Map.of()).get(v));
  }

  /**
   * Returns the coding scheme designators the table knows.
   *
   * @return the designators in code point order
   */
  public static Set<String> schemes() {
    return CodeTable.get().byKeyword.keySet();
  }

  /**
   * Returns a scheme's keywords that contain any of the filters, ignoring case (pydicom's {@code
   * codes.<scheme>.dir(*filters)}).
   *
   * @param scheme the Coding Scheme Designator (0008,0102)
   * @param filters fragments to search for; none returns every keyword
   * @return the matching keywords, sorted; empty for an unknown scheme
   * @throws NullPointerException when an argument is null
   */
  public static SortedSet<String> keywords(String scheme, String... filters) {
    Objects.requireNonNull(scheme, "scheme");
    Set<String> all = CodeTable.get().byKeyword.getOrDefault(scheme, Map.of()).keySet();
    TreeSet<String> out = new TreeSet<>();
    for (String k : all) {
      if (matches(k, filters)) {
        out.add(k);
      }
    }
    return Collections.unmodifiableSortedSet(out);
  }

  static boolean matches(String keyword, String... filters) {
    if (filters.length == 0) {
      return true;
    }
    String lower = keyword.toLowerCase(Locale.ROOT);
    for (String f : filters) {
      if (lower.contains(Objects.requireNonNull(f, "filters").toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
