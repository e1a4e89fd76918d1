package org.highdicom4j.coding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PS3.16 context groups that pydicom knows (1160 CIDs), with their members as coded concepts;
 * pydicom's {@code codes.cidNNNN}.
 *
 * <p>Frequently used groups also have typed constant classes in {@code org.highdicom4j.coding.cid},
 * e.g. {@code CID7150.Tissue}. Members whose meaning exceeds 64 characters (13 memberships) cannot
 * be a {@link CodedConcept} and are absent. Generated from Debian's python3-pydicom 2.3.1 by {@code
 * tools/codegen/gen_codes.py}; loaded on first use.
 */
public final class ContextGroups {
  private ContextGroups() {}

  /** cid -> pydicom keyword and member row indices, as read; groups are built on demand. */
  private static final class Index {
    static final NavigableMap<Integer, String[]> ROWS = load();

    private static NavigableMap<Integer, String[]> load() {
      NavigableMap<Integer, String[]> rows = new TreeMap<>();
      for (String[] row : Resources.rows("cids.tsv", 3)) {
        rows.put(Integer.parseInt(row[0]), row);
      }
      return Collections.unmodifiableNavigableMap(rows);
    }
  }

  private static final ConcurrentHashMap<Integer, ContextGroup> GROUPS = new ConcurrentHashMap<>();

  private static ContextGroup build(String[] row) {
    CodeTable table = CodeTable.get();
    String[] indices = row[2].isEmpty() ? new String[0] : row[2].split(" ");
    List<String> keywords = new ArrayList<>(indices.length);
    List<CodedConcept> members = new ArrayList<>(indices.length);
    for (String index : indices) {
      int i = Integer.parseInt(index);
      keywords.add(table.keywords[i]);
      members.add(table.concepts[i]);
    }
    return new ContextGroup(Integer.parseInt(row[0]), row[1], keywords, members);
  }

  /** Concept -> the groups that contain it, built on the first {@link #containing} call. */
  private static final class Containing {
    static final Map<CodedConcept, List<ContextGroup>> MAP = load();

    private static Map<CodedConcept, List<ContextGroup>> load() {
      Map<CodedConcept, List<ContextGroup>> containing = new HashMap<>();
      for (Integer cid : Index.ROWS.keySet()) {
        ContextGroup group = cid(cid);
        for (CodedConcept c : group.members()) {
          List<ContextGroup> list = containing.get(c);
          if (list == null) {
            list = new ArrayList<>(2);
            containing.put(c, list);
          }
          // an SRT code and its SCT equivalent in one group would list the group twice
          if (list.isEmpty() || list.get(list.size() - 1) != group) {
            list.add(group);
          }
        }
      }
      for (Map.Entry<CodedConcept, List<ContextGroup>> e : containing.entrySet()) {
        e.setValue(List.copyOf(e.getValue()));
      }
      return containing;
    }
  }

  /**
   * Returns a context group (pydicom's {@code codes.cidNNNN}).
   *
   * @param cid the context group identifier, e.g. 7150
   * @return the group
   * @throws IllegalArgumentException when pydicom's table has no such group
   */
  public static ContextGroup cid(int cid) {
    Optional<ContextGroup> group = lookup(cid);
    if (group.isEmpty()) {
      throw new IllegalArgumentException(
          "CID " + cid + " is unknown (expected a context group of PS3.16): " + cid);
    }
    return group.get();
  }

  /**
   * Returns a context group if the table has it.
   *
   * @param cid the context group identifier
   * @return the group, or empty
   */
  public static Optional<ContextGroup> lookup(int cid) {
    ContextGroup group = GROUPS.get(cid);
    if (group == null) {
      String[] row = Index.ROWS.get(cid);
      if (row == null) {
        return Optional.empty();
      }
      // two threads may build the same group; both results are equal and one is kept
      group = build(row);
      ContextGroup previous = GROUPS.putIfAbsent(cid, group);
      if (previous != null) {
        group = previous;
      }
    }
    return Optional.of(group);
  }

  /**
   * Returns the identifiers of all known context groups.
   *
   * @return the CIDs in ascending order
   */
  public static SortedSet<Integer> cids() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(Index.ROWS.keySet()));
  }

  /**
   * Returns the context groups that contain a coded concept (compared as {@link
   * CodedConcept#equals} does: scheme and value, SRT as SCT).
   *
   * @param code a concept
   * @return the groups in ascending CID order; empty when none
   * @throws NullPointerException when code is null
   */
  public static List<ContextGroup> containing(CodedConcept code) {
    Objects.requireNonNull(code, "code");
    return Containing.MAP.getOrDefault(code, List.of());
  }
}
