package org.highdicom4j.coding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A PS3.16 context group (CID): a numbered set of coded concepts allowed for one purpose, e.g. CID
 * 7150 Segmentation Property Categories; pydicom's {@code codes.cidNNNN}.
 *
 * <p>Obtained from {@link ContextGroups}; immutable. Membership uses {@link CodedConcept#equals},
 * so meanings are not compared and an SRT code is a member when its SCT equivalent is.
 */
public final class ContextGroup {
  private final int cid;
  private final String keyword;
  private final List<String> memberKeywords;
  private final List<CodedConcept> members;
  private final Set<CodedConcept> memberSet;

  ContextGroup(int cid, String keyword, List<String> memberKeywords, List<CodedConcept> members) {
    this.cid = cid;
    this.keyword = keyword;
    this.memberKeywords = List.copyOf(memberKeywords);
    this.members = List.copyOf(members);
    this.memberSet = new HashSet<>(members);
  }

  /**
   * Returns the context group identifier.
   *
   * @return the CID number, e.g. 7150
   */
  public int cid() {
    return cid;
  }

  /**
   * Returns pydicom's keyword of the group, its PS3.16 title without spaces.
   *
   * @return e.g. {@code SegmentationPropertyCategories}
   */
  public String keyword() {
    return keyword;
  }

  /**
   * Returns the members in pydicom's order.
   *
   * @return the coded concepts, unmodifiable
   */
  public List<CodedConcept> members() {
    return members;
  }

  /**
   * Returns pydicom's keyword of each member, in the order of {@link #members()}.
   *
   * @return the keywords, unmodifiable (one DCM member's keyword is empty in pydicom 2.3.1)
   */
  public List<String> memberKeywords() {
    return memberKeywords;
  }

  /**
   * Tells whether a coded concept belongs to the group (pydicom's {@code code in codes.cidNNNN}).
   *
   * @param code a concept
   * @return whether a member equals it
   * @throws NullPointerException when code is null
   */
  public boolean contains(CodedConcept code) {
    return memberSet.contains(Objects.requireNonNull(code, "code"));
  }

  /**
   * Returns the member a keyword names (pydicom's {@code codes.cidNNNN.<keyword>}).
   *
   * @param memberKeyword pydicom's keyword, e.g. {@code Tissue}
   * @return the member, or empty when no member has the keyword
   * @throws IllegalArgumentException when the keyword names several members, as pydicom raises
   */
  public Optional<CodedConcept> lookup(String memberKeyword) {
    Objects.requireNonNull(memberKeyword, "memberKeyword");
    List<CodedConcept> found = new ArrayList<>(1);
    for (int i = 0; i < members.size(); i++) {
      if (memberKeywords.get(i).equals(memberKeyword)) {
        found.add(members.get(i));
      }
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          "keyword "
              + memberKeyword
              + " names several members of CID "
              + cid
              + " (expected one): "
              + found.stream().map(CodedConcept::toString).collect(Collectors.joining(", ")));
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * Returns the member keywords that contain any of the filters, ignoring case (pydicom's {@code
   * codes.cidNNNN.dir(*filters)}).
   *
   * @param filters fragments to search for; none returns every keyword
   * @return the keywords, sorted, unmodifiable
   */
  public SortedSet<String> keywords(String... filters) {
    TreeSet<String> out = new TreeSet<>();
    for (String k : memberKeywords) {
      if (Codes.matches(k, filters)) {
        out.add(k);
      }
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /**
   * Compares the CID numbers; there is one group per number.
   *
   * @param o another object
   * @return whether o is the same context group
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ContextGroup && ((ContextGroup) o).cid == cid;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(cid);
  }

  /**
   * Returns e.g. {@code CID 7150 SegmentationPropertyCategories (8 members)}.
   *
   * @return the text form
   */
  @Override
  public String toString() {
    return "CID " + cid + " " + keyword + " (" + members.size() + " members)";
  }
}
