package org.highdicom4j.dicom.iod;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A composite or normalized Information Object Definition (PS3.3 Annex A/B): the modules it uses
 * and how.
 *
 * @param name the IOD name without the "IOD" suffix, e.g. "CT Image", "Segmentation"
 * @param table the PS3.3 table of its modules, e.g. "A.3-1"
 * @param modules the module usages in table order
 */
public record IodDefinition(String name, String table, List<ModuleUsage> modules) {

  /** Validates the fields and makes {@code modules} immutable. */
  public IodDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    modules = List.copyOf(Objects.requireNonNull(modules, "modules"));
  }

  /**
   * Returns how this IOD uses a module.
   *
   * @param moduleName a module name, e.g. "Patient" (case-insensitive)
   * @return the usage, if the IOD includes the module
   */
  public Optional<ModuleUsage> usage(String moduleName) {
    Objects.requireNonNull(moduleName, "moduleName");
    String key = IodRegistry.normalize(moduleName);
    for (ModuleUsage u : modules) {
      if (IodRegistry.normalize(u.moduleName()).equals(key)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }
}
