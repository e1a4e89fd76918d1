package org.highdicom4j.coding;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * pydicom's code dictionary as Debian's python3-pydicom sees it, read through pydicom's own API by
 * /usr/bin/python3 at test time: an independent reading of the tables the generator consumed.
 */
final class PydicomTables {
  /** One concept: scheme, keyword, value, meaning. */
  record Concept(String scheme, String keyword, String value, String meaning) {}

  /** One context group member as pydicom resolves it. */
  record Member(int cid, String name, String scheme, String value, String meaning) {}

  final List<Concept> concepts = new ArrayList<>();
  final List<Member> members = new ArrayList<>();
  final Map<Integer, String> groups = new TreeMap<>();

  // Members come from pydicom's codes.cidNNNN.<keyword>; only where pydicom itself raises (a
  // keyword naming several codes of the group) does the script fall back to the raw table.
  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys",
          "from pydicom.sr.codedict import codes",
          "from pydicom.sr._concepts_dict import concepts as C",
          "from pydicom.sr._cid_dict import cid_concepts, name_for_cid",
          "out = sys.stdout",
          "for s, kws in C.items():",
          "    for k, codes_ in kws.items():",
          "        for v, (m, _) in codes_.items():",
          "            out.write('C\\t%s\\t%s\\t%s\\t%s\\n' % (s, k, v, m))",
          "for cid in sorted(cid_concepts):",
          "    out.write('G\\t%d\\t%s\\n' % (cid, name_for_cid[cid]))",
          "    group = getattr(codes, 'cid%d' % cid)",
          "    for k in group.dir():",
          "        try:",
          "            found = [getattr(group, k)]",
          "        except AttributeError:",
          "            found = []",
          "            for s, kws in cid_concepts[cid].items():",
          "                if k in kws:",
          "                    for v, (m, cl) in C[s][k].items():",
          "                        if cid in cl:",
          "                            found.append((v, s, m))",
          "        for c in found:",
          "            out.write('M\\t%d\\t%s\\t%s\\t%s\\t%s\\n'"
              + " % (cid, name_for_cid[cid], c[1], c[0], c[2]))",
          "");

  private static PydicomTables instance;

  /** Returns the tables, or skips the test (fails under CI) when pydicom is unavailable. */
  static synchronized PydicomTables get() throws IOException, InterruptedException {
    if (instance == null) {
      instance = load();
    }
    return instance;
  }

  private static PydicomTables load() throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    if (!Files.isExecutable(python)) {
      return unavailable("/usr/bin/python3 is not installed");
    }
    Process p =
        new ProcessBuilder(python.toString(), "-c", SCRIPT)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    p.getOutputStream().close();
    byte[] out;
    try (InputStream in = p.getInputStream()) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 22);
      in.transferTo(buffer);
      out = buffer.toByteArray();
    }
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      return unavailable("python3 cannot import pydicom (install python3-pydicom)");
    }
    PydicomTables t = new PydicomTables();
    for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
      String[] f = line.split("\t", -1);
      if (f[0].equals("C")) {
        t.concepts.add(new Concept(f[1], f[2], f[3], f[4]));
      } else if (f[0].equals("G")) {
        t.groups.put(Integer.parseInt(f[1]), f[2]);
      } else if (f[0].equals("M")) {
        t.members.add(new Member(Integer.parseInt(f[1]), f[2], f[3], f[4], f[5]));
      }
    }
    return t;
  }

  private static PydicomTables unavailable(String why) {
    if (System.getenv("CI") != null) {
      fail("pydicom cross-check cannot run under CI: " + why);
    }
    System.out.println("SKIPPED pydicom cross-check: " + why);
    Assumptions.abort(why);
    return null;
  }

  /** Whether highdicom's CodedConcept accepts what pydicom's table holds. */
  static boolean representable(String value, String meaning) {
    return !value.isEmpty() && !value.equals("...") && meaning.length() <= 64;
  }
}
