package org.highdicom4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/porting-from-highdicom.md true: every Java name in the "highdicom4j" column of its
 * tables must resolve by reflection against the library (this module's tests see every module), and
 * every name in the "Java name (absent)" column must not, so that a feature which arrives or a name
 * which changes makes this test fail until the guide says so.
 */
class PortingGuideTest {
  static final String GUIDE = "docs/porting-from-highdicom.md";

  /** The packages a simple class name of the guide is looked up in, in this order. */
  static final List<String> PACKAGES =
      List.of(
          "org.highdicom4j",
          "org.highdicom4j.seg",
          "org.highdicom4j.sr",
          "org.highdicom4j.ko",
          "org.highdicom4j.coding",
          "org.highdicom4j.coding.cid",
          "org.highdicom4j.color",
          "org.highdicom4j.io",
          "org.highdicom4j.spatial",
          "org.highdicom4j.formats",
          "org.highdicom4j.sample",
          "org.highdicom4j.dicom.data",
          "org.highdicom4j.dicom.dict",
          "org.highdicom4j.dicom.io",
          "org.highdicom4j.dicom.json",
          "org.highdicom4j.dicom.iod",
          "org.highdicom4j.codec",
          "java.lang",
          "java.util",
          "java.nio.file",
          "java.io");

  /** A reference: optional "new ", a class name, then ".member" or ".member(…)" steps. */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(new )?([A-Z][A-Za-z0-9_]*)(\\([^()]*\\))?"
              + "((?:(?:\\.|::)[A-Za-z_][A-Za-z0-9_]*(?:\\([^()]*\\))?)*)");

  private static final Pattern STEP =
      Pattern.compile("(?:\\.|::)([A-Za-z_][A-Za-z0-9_]*)(\\([^()]*\\))?");

  private static final Pattern PACKAGE = Pattern.compile("org\\.highdicom4j(\\.[a-z0-9]+)*");

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  @Test
  void everyHighdicom4jNameOfTheGuideExists() throws IOException {
    List<String> names = column(GUIDE, "highdicom4j");
    List<String> unresolved = new ArrayList<>();
    for (String name : names) {
      if (!resolves(name)) {
        unresolved.add(name);
      }
    }
    assertTrue(unresolved.isEmpty(), GUIDE + ": names not in the library: " + unresolved);
    // The guide maps every module; far fewer names means the table parsing broke.
    assertTrue(names.size() > 200, "only " + names.size() + " names checked");
  }

  @Test
  void everyAbsentNameOfTheGuideIsStillAbsent() throws IOException {
    List<String> names = column(GUIDE, "Java name (absent)");
    List<String> present = new ArrayList<>();
    for (String name : names) {
      if (resolves(name)) {
        present.add(name);
      }
    }
    assertTrue(
        present.isEmpty(),
        GUIDE + ": these now exist; move them to the mapping tables: " + present);
    assertTrue(names.size() > 20, "only " + names.size() + " absent names checked");
  }

  @Test
  void resolverAcceptsRealNamesAndRejectsInventedOnes() {
    assertTrue(resolves("Segmentation"));
    assertTrue(resolves("Segmentation.read"));
    assertTrue(resolves("Segmentation.builder().pixelArray(mask).build()"));
    assertTrue(resolves("new CodedConcept(\"10200004\", \"SCT\", \"Liver\")"));
    assertTrue(resolves("SegmentationTypeValues.BINARY.value()"));
    assertTrue(resolves("SCT.Liver"));
    assertTrue(resolves("Segmentation.Builder"));
    assertTrue(resolves("org.highdicom4j.seg"));
    assertTrue(resolves("IllegalArgumentException"));
    assertFalse(resolves("Segmentation.noSuchMethod"));
    assertFalse(resolves("Segmentation.builder().noSuchOption()"));
    assertFalse(resolves("NoSuchClass"));
    assertFalse(resolves("new Segmentation()"), "Segmentation has no public constructor");
    assertFalse(resolves("SCT.NoSuchCode"));
    assertFalse(resolves("org.highdicom4j.nosuchpackage"));
    assertFalse(resolves("segment_numbers"), "not Java");
    assertFalse(resolves("Segmentation(source_images)"), "a call without new");
  }

  @Test
  void everyListedPackageExists() {
    for (String p : PACKAGES) {
      assertTrue(packageExists(p), p);
    }
  }

  @Test
  void quickstartAndPortingGuideAreLinkedFromIndexAndReadme() throws IOException {
    Path root = root();
    String index = Files.readString(root.resolve("docs/index.md"));
    String readme = Files.readString(root.resolve("README.md"));
    assertTrue(index.contains("(quickstart.md)") && index.contains("(porting-from-highdicom.md)"));
    assertTrue(
        readme.contains("(docs/quickstart.md)")
            && readme.contains("(docs/porting-from-highdicom.md)"));
  }

  /** The code spans of one column of every table of the guide that has that column. */
  static List<String> column(String guide, String header) throws IOException {
    return column(Files.readAllLines(root().resolve(guide)), guide, header);
  }

  static List<String> column(List<String> lines, String guide, String header) {
    List<String> out = new ArrayList<>();
    int col = -1;
    int tables = 0;
    for (String line : lines) {
      if (!line.startsWith("|")) {
        col = -1;
        continue;
      }
      List<String> cells = cells(line);
      if (col < 0) {
        col = cells.indexOf(header);
        if (col < 0) {
          col = -2; // a table without the column: skip it
        } else {
          tables++;
        }
        continue;
      }
      if (col == -2 || line.matches("\\|[ \\-:|]+")) {
        continue;
      }
      assertTrue(col < cells.size(), guide + ": short row " + line);
      String cell = cells.get(col);
      Matcher m = CODE.matcher(cell);
      int found = 0;
      while (m.find()) {
        out.add(m.group(1));
        found++;
      }
      assertTrue(found > 0, guide + ": no Java name in the " + header + " cell of " + line);
    }
    assertTrue(tables > 0, guide + " has no table with a column " + header);
    return out;
  }

  private static List<String> cells(String row) {
    // A '|' inside a code span (e.g. `a | b`) would split a cell; the guide avoids it.
    String inner = row.strip();
    inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
    List<String> cells = new ArrayList<>();
    for (String c : inner.split("\\|", -1)) {
      cells.add(c.strip());
    }
    return cells;
  }

  static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve(GUIDE))) {
      p = p.getParent();
    }
    assertNotNull(p, GUIDE + " not found above the working directory");
    return p;
  }

  /** Whether a reference of the guide names a package, class, constructor or member chain. */
  static boolean resolves(String reference) {
    String ref = reference.strip().replaceAll("<[^<>]*>", "");
    if (PACKAGE.matcher(ref).matches()) {
      return packageExists(ref);
    }
    Matcher m = REFERENCE.matcher(ref);
    if (!m.matches()) {
      return false;
    }
    boolean constructor = m.group(1) != null;
    if (m.group(3) != null && !constructor) {
      return false; // arguments right after a class name only make sense with "new"
    }
    for (Class<?> start : classesNamed(m.group(2))) {
      if (constructor && start.getConstructors().length == 0) {
        continue;
      }
      if (chainResolves(start, m.group(4))) {
        return true;
      }
    }
    return false;
  }

  private static boolean chainResolves(Class<?> start, String chain) {
    Set<Class<?>> current = new LinkedHashSet<>(List.of(start));
    Matcher step = STEP.matcher(chain);
    while (step.find()) {
      String name = step.group(1);
      boolean call = step.group(2) != null;
      Set<Class<?>> next = new LinkedHashSet<>();
      for (Class<?> c : current) {
        for (Method method : c.getMethods()) {
          if (method.getName().equals(name)) {
            next.add(method.getReturnType());
          }
        }
        if (!call) {
          for (Field field : c.getFields()) {
            if (field.getName().equals(name) && Modifier.isPublic(field.getModifiers())) {
              next.add(field.getType());
            }
          }
          for (Class<?> nested : c.getClasses()) {
            if (nested.getSimpleName().equals(name)) {
              next.add(nested);
            }
          }
        }
      }
      if (next.isEmpty()) {
        return false;
      }
      current = next;
    }
    return true;
  }

  private static List<Class<?>> classesNamed(String simpleName) {
    List<Class<?>> out = new ArrayList<>();
    ClassLoader loader = PortingGuideTest.class.getClassLoader();
    for (String p : PACKAGES) {
      try {
        Class<?> c = Class.forName(p + "." + simpleName, false, loader);
        if (Modifier.isPublic(c.getModifiers())) {
          out.add(c);
        }
      } catch (ClassNotFoundException e) {
        // not in this package
      }
    }
    return out;
  }

  private static boolean packageExists(String name) {
    if (name.startsWith("java.")) {
      return ModuleLayer.boot().findModule("java.base").orElseThrow().getPackages().contains(name);
    }
    return PortingGuideTest.class.getClassLoader().getResource(name.replace('.', '/')) != null;
  }

  @Test
  void columnParsingReadsCodeSpansOfTheNamedColumnOnly() {
    List<String> md =
        List.of(
            "| highdicom | highdicom4j | notes |",
            "| --- | --- | --- |",
            "| `hd.imread` | `Image.read`, `Image.read(path, options)` | `ignored` |",
            "",
            "| other | table |",
            "| --- | --- |",
            "| `x` | `y` |");
    assertEquals(
        List.of("Image.read", "Image.read(path, options)"), column(md, "test", "highdicom4j"));
  }
}
