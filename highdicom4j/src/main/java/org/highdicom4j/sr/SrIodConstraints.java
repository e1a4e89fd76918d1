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

import java.util.EnumSet;
import java.util.Set;

/**
 * What the SR document IODs allow in their content trees beyond the Comprehensive 3D SR rules that
 * content items check when they are built: no SCOORD3D outside Comprehensive 3D SR (highdicom's
 * check), and for Enhanced SR the relationship content constraints of PS3.3 Table A.35.2-2 with no
 * by-reference relationships.
 */
final class SrIodConstraints {
  private SrIodConstraints() {}

  private static final Set<ValueTypeValues> BASIC =
      EnumSet.of(TEXT, CODE, NUM, DATETIME, DATE, TIME, UIDREF, PNAME);

  /**
   * Checks a content tree.
   *
   * @param root the root item
   * @param iod the document class's name for messages, e.g. "Enhanced SR"
   * @param enhanced whether the Enhanced SR table applies
   * @param allow3d whether SCOORD3D items are allowed
   */
  static void check(ContentItem root, String iod, boolean enhanced, boolean allow3d) {
    // SCOORD3D first, over the whole tree, so that its message wins as in highdicom.
    if (!allow3d) {
      walk(root, iod, false, true, 0);
    }
    if (enhanced) {
      walk(root, iod, true, false, 0);
    }
  }

  private static void walk(
      ContentItem node, String iod, boolean enhanced, boolean no3d, int depth) {
    if (depth > ContentItem.MAX_DEPTH) {
      throw new IllegalArgumentException(
          "ContentSequence (0040,A730) is nested too deeply (expected at most "
              + ContentItem.MAX_DEPTH
              + " levels): "
              + depth);
    }
    for (ContentItem child : node.content()) {
      if (no3d && child.valueType() == SCOORD3D) {
        throw new IllegalArgumentException(
            "ValueType (0040,A040) SCOORD3D is not supported by "
                + iod
                + " (expected a Comprehensive 3D SR for 3D coordinates): "
                + child);
      }
      if (enhanced) {
        checkEnhanced(node, child);
      }
      walk(child, iod, enhanced, no3d, depth + 1);
    }
  }

  private static void checkEnhanced(ContentItem parent, ContentItem child) {
    if (child instanceof GenericContentItem
        && ((GenericContentItem) child).referencedContentItemIdentifier().length > 0) {
      throw new IllegalArgumentException(
          "ReferencedContentItemIdentifier (0040,DB73) by-reference relationships are not allowed"
              + " in Enhanced SR (expected by-value relationships only): "
              + child);
    }
    ValueTypeValues source = parent.valueType();
    ValueTypeValues target = child.valueType();
    RelationshipTypeValues rel = child.relationshipType().orElse(null);
    if (source == null || target == null || rel == null) {
      return;
    }
    if (!allowedInEnhanced(source, rel, target)) {
      throw new IllegalArgumentException(
          "RelationshipType (0040,A010) "
              + rel.value()
              + " from a "
              + source.value()
              + " item to a "
              + target.value()
              + " item is not allowed in Enhanced SR by PS3.3 Table A.35.2-2 (expected a"
              + " Comprehensive SR for this content): "
              + child);
    }
  }

  static boolean allowedInEnhanced(
      ValueTypeValues source, RelationshipTypeValues rel, ValueTypeValues target) {
    switch (rel) {
      case CONTAINS:
        return source == CONTAINER && target != SCOORD3D;
      case HAS_OBS_CONTEXT:
        return source == CONTAINER && (BASIC.contains(target) || target == COMPOSITE);
      case HAS_ACQ_CONTEXT:
        return EnumSet.of(CONTAINER, IMAGE, WAVEFORM, COMPOSITE, NUM).contains(source)
            && BASIC.contains(target);
      case HAS_CONCEPT_MOD:
        return target == TEXT || target == CODE;
      case HAS_PROPERTIES:
      case INFERRED_FROM:
        return EnumSet.of(TEXT, CODE, NUM).contains(source)
            && (BASIC.contains(target)
                || EnumSet.of(COMPOSITE, IMAGE, WAVEFORM, SCOORD, TCOORD).contains(target));
      case SELECTED_FROM:
        return source == SCOORD
            ? target == IMAGE
            : source == TCOORD && EnumSet.of(SCOORD, IMAGE, WAVEFORM).contains(target);
      default:
        return false;
    }
  }
}
