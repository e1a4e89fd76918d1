package org.highdicom4j.coding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The generated concept table ({@code concepts.tsv}), loaded once on first use. */
final class CodeTable {
  /** Concepts in table order; {@code cids.tsv} refers to them by index. */
  final CodedConcept[] concepts;

  /** Keywords in table order. */
  final String[] keywords;

  /** scheme -> keyword -> concepts (usually one). */
  final Map<String, Map<String, List<CodedConcept>>> byKeyword;

  /** scheme -> value -> preferred concept (the first row of that value). */
  final Map<String, Map<String, CodedConcept>> byValue;

  private CodeTable() {
    List<String[]> rows = Resources.rows("concepts.tsv", 4);
    concepts = new CodedConcept[rows.size()];
    keywords = new String[rows.size()];
    Map<String, Map<String, List<CodedConcept>>> bySchemeKeyword = new TreeMap<>();
    Map<String, Map<String, CodedConcept>> bySchemeValue = new HashMap<>();
    String scheme = null;
    Map<String, List<CodedConcept>> schemeKeywords = null;
    Map<String, CodedConcept> schemeValues = null;
    for (int i = 0; i < concepts.length; i++) {
      String[] row = rows.get(i);
      if (!row[0].equals(scheme)) {
        // rows are grouped by scheme
        scheme = row[0];
        schemeKeywords = new HashMap<>();
        schemeValues = new HashMap<>();
        bySchemeKeyword.put(scheme, schemeKeywords);
        bySchemeValue.put(scheme, schemeValues);
      }
      CodedConcept code = new CodedConcept(row[2], scheme, row[3]);
      concepts[i] = code;
      keywords[i] = row[1];
      List<CodedConcept> list = schemeKeywords.get(row[1]);
      if (list == null) {
        schemeKeywords.put(row[1], List.of(code));
      } else {
        List<CodedConcept> longer = new ArrayList<>(list);
        longer.add(code);
        schemeKeywords.put(row[1], List.copyOf(longer));
      }
      schemeValues.putIfAbsent(row[2], code);
    }
    for (Map.Entry<String, Map<String, List<CodedConcept>>> e : bySchemeKeyword.entrySet()) {
      e.setValue(Collections.unmodifiableMap(e.getValue()));
    }
    this.byKeyword = Collections.unmodifiableMap(bySchemeKeyword);
    this.byValue = bySchemeValue;
  }

  private static final class Holder {
    static final CodeTable INSTANCE = new CodeTable();
  }

  static CodeTable get() {
    return Holder.INSTANCE;
  }
}
