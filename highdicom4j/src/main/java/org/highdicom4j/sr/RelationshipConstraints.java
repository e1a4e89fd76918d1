package org.highdicom4j.sr;

import static org.highdicom4j.sr.ValueTypeValues.CODE;
import static org.highdicom4j.sr.ValueTypeValues.COMPOSITE;
import static org.highdicom4j.sr.ValueTypeValues.CONTAINER;
import static org.highdicom4j.sr.ValueTypeValues.DATE;
import static org.highdicom4j.sr.ValueTypeValues.DATETIME;
import static org.highdicom4j.sr.ValueTypeValues.IMAGE;
import static org.highdicom4j.sr.ValueTypeValues.NUM;
import static org.highdicom4j.sr.ValueTypeValues.PNAME;
import static org.highdicom4j.sr.ValueTypeValues.SCOORD;
import static org.highdicom4j.sr.ValueTypeValues.SCOORD3D;
import static org.highdicom4j.sr.ValueTypeValues.TCOORD;
import static org.highdicom4j.sr.ValueTypeValues.TEXT;
import static org.highdicom4j.sr.ValueTypeValues.TIME;
import static org.highdicom4j.sr.ValueTypeValues.UIDREF;
import static org.highdicom4j.sr.ValueTypeValues.WAVEFORM;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The relationship content constraints of the Comprehensive 3D SR IOD (PS3.3 Table A.35.13-2), the
 * most permissive of the SR IODs highdicom writes: which value types may be the target of which
 * relationship type from which source value type.
 */
final class RelationshipConstraints {
  private RelationshipConstraints() {}

  private static final Set<ValueTypeValues> BASIC =
      EnumSet.of(TEXT, CODE, NUM, DATETIME, DATE, TIME, UIDREF, PNAME);
  private static final Set<ValueTypeValues> ALL = EnumSet.allOf(ValueTypeValues.class);

  // source value type -> relationship -> allowed target value types
  private static final Map<ValueTypeValues, Map<RelationshipTypeValues, Set<ValueTypeValues>>>
      TABLE = new EnumMap<>(ValueTypeValues.class);

  static {
    Set<ValueTypeValues> obsContext = with(BASIC, COMPOSITE);
    Set<ValueTypeValues> acqContext = with(BASIC, CONTAINER);
    Set<ValueTypeValues> conceptMod = EnumSet.of(TEXT, CODE);
    Set<ValueTypeValues> inferred = EnumSet.allOf(ValueTypeValues.class);
    inferred.remove(PNAME);
    for (ValueTypeValues source : ValueTypeValues.values()) {
      Map<RelationshipTypeValues, Set<ValueTypeValues>> m =
          new EnumMap<>(RelationshipTypeValues.class);
      m.put(RelationshipTypeValues.HAS_CONCEPT_MOD, conceptMod);
      TABLE.put(source, m);
    }
    Map<RelationshipTypeValues, Set<ValueTypeValues>> container = TABLE.get(CONTAINER);
    container.put(RelationshipTypeValues.CONTAINS, ALL);
    container.put(RelationshipTypeValues.HAS_OBS_CONTEXT, obsContext);
    container.put(RelationshipTypeValues.HAS_ACQ_CONTEXT, acqContext);
    for (ValueTypeValues source : EnumSet.of(TEXT, CODE, NUM)) {
      Map<RelationshipTypeValues, Set<ValueTypeValues>> m = TABLE.get(source);
      m.put(RelationshipTypeValues.HAS_OBS_CONTEXT, obsContext);
      m.put(RelationshipTypeValues.HAS_PROPERTIES, inferred);
      m.put(RelationshipTypeValues.INFERRED_FROM, inferred);
      m.put(RelationshipTypeValues.HAS_ACQ_CONTEXT, acqContext);
    }
    Map<RelationshipTypeValues, Set<ValueTypeValues>> pname = TABLE.get(PNAME);
    pname.put(RelationshipTypeValues.HAS_OBS_CONTEXT, BASIC);
    pname.put(RelationshipTypeValues.HAS_PROPERTIES, BASIC);
    for (ValueTypeValues source : EnumSet.of(IMAGE, WAVEFORM, COMPOSITE, SCOORD, SCOORD3D)) {
      TABLE.get(source).put(RelationshipTypeValues.HAS_ACQ_CONTEXT, acqContext);
      TABLE.get(source).put(RelationshipTypeValues.HAS_PROPERTIES, BASIC);
    }
    TABLE.get(SCOORD).put(RelationshipTypeValues.SELECTED_FROM, EnumSet.of(IMAGE));
    TABLE
        .get(TCOORD)
        .put(RelationshipTypeValues.SELECTED_FROM, EnumSet.of(SCOORD, SCOORD3D, IMAGE, WAVEFORM));
  }

  private static Set<ValueTypeValues> with(Set<ValueTypeValues> base, ValueTypeValues extra) {
    Set<ValueTypeValues> s = EnumSet.copyOf(base);
    s.add(extra);
    return s;
  }

  /** Checks one child against its parent; generic items (unknown value types) are not checked. */
  static void check(ContentItem parent, ContentItem child) {
    ValueTypeValues source = parent.valueType();
    ValueTypeValues target = child.valueType();
    RelationshipTypeValues rel = child.relationshipType().orElseThrow();
    if (source == null || target == null) {
      return;
    }
    Set<ValueTypeValues> allowed = TABLE.get(source).get(rel);
    if (allowed == null || !allowed.contains(target)) {
      throw new IllegalArgumentException(
          "RelationshipType (0040,A010) "
              + rel.value()
              + " from a "
              + source.value()
              + " item to a "
              + target.value()
              + " item is not allowed by PS3.3 Table A.35.13-2 (expected a target of "
              + (allowed == null ? "no value type" : allowed.toString())
              + "): "
              + child);
    }
  }
}
