package org.highdicom4j.dicom.dict;

import java.util.List;
import java.util.Objects;
import org.highdicom4j.dicom.data.VR;

/**
 * One DICOM Data Element of the data dictionary (PS3.6 Section 6): its tag, Value
 * Representation(s), Value Multiplicity, keyword, name and retirement.
 *
 * <p>Repeating elements such as (60xx,3000) Overlay Data have a {@code mask} with 0 bits where the
 * tag varies: a tag {@code t} belongs to the entry when {@code (t & mask) == tag}. Exact elements
 * have mask {@code 0xFFFFFFFF}.
 *
 * @param tag the tag as {@code 0xGGGGEEEE}, with varying digits 0
 * @param mask the bits of {@code tag} that are fixed
 * @param vrs the allowed VRs, first the one to assume for Implicit VR (e.g. [US, SS] for "US or
 *     SS"); empty for the item and delimitation tags of group FFFE
 * @param vm the Value Multiplicity as written in PS3.6, e.g. "1", "1-n", "2-2n"
 * @param keyword the keyword, e.g. "PatientName"
 * @param name the name, e.g. "Patient's Name"
 * @param retired whether the standard has retired the element
 */
public record ElementEntry(
    int tag, int mask, List<VR> vrs, String vm, String keyword, String name, boolean retired) {

  /** Validates the fields and makes {@code vrs} immutable. */
  public ElementEntry {
    Objects.requireNonNull(vrs, "vrs");
    Objects.requireNonNull(vm, "vm");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(name, "name");
    vrs = List.copyOf(vrs);
    if ((tag & ~mask) != 0) {
      throw new IllegalArgumentException(
          "Element tag has bits outside its mask (expected varying digits 0): "
              + String.format("%08X/%08X", tag, mask));
    }
  }

  /** Returns the first VR, the one to assume for Implicit VR encodings, or UN when none. */
  public VR vr() {
    return vrs.isEmpty() ? VR.UN : vrs.get(0);
  }

  /** Returns true for repeating-group or repeating-element entries such as (60xx,3000). */
  public boolean isRepeating() {
    return mask != 0xFFFFFFFF;
  }

  /**
   * Returns true when {@code t} is this element (for repeating entries: any of its tags).
   *
   * @param t a tag as {@code 0xGGGGEEEE}
   * @return whether the tag belongs to this entry
   */
  public boolean matches(int t) {
    return (t & mask) == tag;
  }

  /** Returns the minimum number of values ("2-2n" gives 2). */
  public int vmMin() {
    return parseVm(vm.split("-", 2)[0]);
  }

  /** Returns the maximum number of values, or -1 when unbounded ("1-n", "2-2n"). */
  public int vmMax() {
    String[] parts = vm.split("-", 2);
    String last = parts[parts.length - 1];
    return last.endsWith("n") ? -1 : parseVm(last);
  }

  /** Returns the step between allowed value counts: 2 for "2-2n", 3 for "3-3n", else 1. */
  public int vmStep() {
    String[] parts = vm.split("-", 2);
    if (parts.length == 2 && parts[1].endsWith("n") && parts[1].length() > 1) {
      return parseVm(parts[1].substring(0, parts[1].length() - 1));
    }
    return 1;
  }

  private static int parseVm(String s) {
    String digits = s.endsWith("n") ? s.substring(0, s.length() - 1) : s;
    return digits.isEmpty() ? 1 : Integer.parseInt(digits.trim());
  }
}
