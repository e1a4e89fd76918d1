package org.highdicom4j.dicom.iod;

import java.util.Objects;

/**
 * The use of one module in an IOD (PS3.3 Annex A, "IOD Modules" tables): Mandatory, Conditional or
 * User Option.
 *
 * @param moduleName the module name as {@link ModuleDefinition#name()}, e.g. "Patient"
 * @param reference the PS3.3 section of the module, e.g. "C.7.1.1"
 * @param usage "M" (mandatory), "C" (conditional) or "U" (user option)
 * @param condition the condition text for "C", e.g. "Required if contrast media was used in this
 *     image"; empty otherwise
 */
public record ModuleUsage(String moduleName, String reference, String usage, String condition) {

  /** Validates that no field is null. */
  public ModuleUsage {
    Objects.requireNonNull(moduleName, "moduleName");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(condition, "condition");
  }

  /** Returns true when the module is Mandatory ("M"). */
  public boolean isMandatory() {
    return usage.equals("M");
  }

  /** Returns true when the module is Conditional ("C"). */
  public boolean isConditional() {
    return usage.equals("C");
  }

  /** Returns true when the module is a User Option ("U"). */
  public boolean isUserOption() {
    return usage.equals("U");
  }
}
