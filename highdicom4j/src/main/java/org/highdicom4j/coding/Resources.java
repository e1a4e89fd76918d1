package org.highdicom4j.coding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the generated tab-separated tables that ship in this package.
 *
 * <p>The tables are read on first use of a look-up, in a cold JVM, so the parser avoids lambdas,
 * regular expressions and per-line readers (each costs milliseconds before the JIT is warm).
 */
final class Resources {
  private Resources() {}

  /**
   * Returns the tab-separated fields of each non-comment line of a package resource.
   *
   * @param name the resource name, relative to this package
   * @param fields the number of fields per line (the last one takes the rest of the line)
   * @return the rows
   * @throws IllegalStateException when the resource is missing or a line has too few fields
   */
  static List<String[]> rows(String name, int fields) {
    String text;
    try (InputStream in = Resources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("coding table " + name + " is missing from the class path");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read coding table " + name, e);
    }
    List<String[]> rows = new ArrayList<>(text.length() / 48);
    int pos = 0;
    int n = text.length();
    while (pos < n) {
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        end = n;
      }
      if (end > pos && text.charAt(pos) != '#') {
        String[] row = new String[fields];
        int start = pos;
        for (int f = 0; f < fields - 1; f++) {
          int tab = text.indexOf('\t', start);
          if (tab < 0 || tab > end) {
            throw new IllegalStateException(
                "coding table " + name + " has a line with too few fields at offset " + pos);
          }
          row[f] = text.substring(start, tab);
          start = tab + 1;
        }
        row[fields - 1] = text.substring(start, end);
        rows.add(row);
      }
      pos = end + 1;
    }
    return rows;
  }
}
