package org.highdicom4j.dicom.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a guide contains every snippet a test class runs: the lines between {@code //
 * snippet: NAME} and {@code // end snippet} in the test's source, de-indented, must appear verbatim
 * in the Markdown file.
 */
public final class DocSnippets {
  private DocSnippets() {}

  static Path repositoryRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("docs"))) {
      p = p.getParent();
    }
    return p;
  }

  /**
   * Asserts the guide contains each snippet of the test source.
   *
   * @param testSource the test class's path relative to the repository root
   * @param guide the guide's path relative to the repository root
   * @return the number of snippets checked
   */
  public static int assertGuideContainsSnippets(String testSource, String guide)
      throws IOException {
    Path root = repositoryRoot();
    List<String> source = Files.readAllLines(root.resolve(testSource));
    String md = Files.readString(root.resolve(guide));
    List<String> snippets = new ArrayList<>();
    StringBuilder current = null;
    int indent = 0;
    for (String line : source) {
      String t = line.strip();
      if (t.startsWith("// snippet: " + guide)) {
        current = new StringBuilder();
        indent = line.indexOf('/');
      } else if (t.equals("// end snippet") && current != null) {
        snippets.add(current.toString());
        current = null;
      } else if (current != null) {
        current
            .append(line.length() >= indent ? line.substring(indent) : line.strip())
            .append('\n');
      }
    }
    assertFalse(snippets.isEmpty(), "no snippets for " + guide + " in " + testSource);
    for (String s : snippets) {
      assertTrue(md.contains(s), () -> guide + " lacks the snippet:\n" + s);
    }
    return snippets.size();
  }
}
