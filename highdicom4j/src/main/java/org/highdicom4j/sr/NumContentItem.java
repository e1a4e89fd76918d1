package org.highdicom4j.sr;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DecimalStrings;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type NUM (PS3.3 C.18.1, Numeric Measurement Macro): a number with its
 * unit in Measured Value Sequence (0040,A300), and/or a qualifier in Numeric Value Qualifier Code
 * Sequence (0040,A301); highdicom's {@code NumContentItem}.
 *
 * <p>The value is written as Numeric Value (0040,A30A), a decimal string of at most 16 characters;
 * a value that is not integral is also written exactly as Floating Point Value (0040,A161), which
 * reading prefers, so that a value reads back exactly as built.
 */
public final class NumContentItem extends ContentItem {
  private final Double value;
  private final CodedConcept unit;
  private final CodedConcept qualifier;

  /**
   * Creates a NUM item with a value and unit.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param value the numeric value, finite
   * @param unit the unit (Measurement Units Code Sequence (0040,08EA)), e.g. a UCUM code
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws IllegalArgumentException when the value is NaN or infinite
   * @throws NullPointerException when name or unit is null
   */
  public NumContentItem(
      CodedConcept name, double value, CodedConcept unit, RelationshipTypeValues relationshipType) {
    this(name, Double.valueOf(value), unit, null, relationshipType);
  }

  /**
   * Creates a NUM item, possibly without a value.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param value the numeric value, finite, or null when the qualifier says why there is none
   * @param unit the unit (Measurement Units Code Sequence (0040,08EA)); required with a value
   * @param qualifier Numeric Value Qualifier Code Sequence (0040,A301) (CID 42), or null; required
   *     without a value
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws IllegalArgumentException when the value is NaN or infinite, a value has no unit, or
   *     neither value nor qualifier is given
   * @throws NullPointerException when name is null
   */
  public NumContentItem(
      CodedConcept name,
      Double value,
      CodedConcept unit,
      CodedConcept qualifier,
      RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.NUM, requireName(name), relationshipType);
    if (value != null) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            "NumericValue (0040,A30A) must be finite (expected a number): " + value);
      }
      if (unit == null) {
        throw new IllegalArgumentException(
            "MeasurementUnitsCodeSequence (0040,08EA) is required with a numeric value (expected"
                + " a unit code): none for "
                + name);
      }
    } else if (qualifier == null) {
      throw new IllegalArgumentException(
          "NumericValueQualifierCodeSequence (0040,A301) is required without a numeric value"
              + " (expected a qualifier): none for "
              + name);
    }
    this.value = value == null ? null : normalize(value);
    this.unit = unit;
    this.qualifier = qualifier;
  }

  // -0.0 is written as "0" and reads back as 0.0.
  private static Double normalize(double v) {
    return v == 0.0 ? 0.0 : v;
  }

  private NumContentItem(NumContentItem other, ContentSequence content) {
    super(other, content);
    this.value = other.value;
    this.unit = other.unit;
    this.qualifier = other.qualifier;
  }

  static NumContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    DicomDataset mv = ds.getItem(Tag.MeasuredValueSequence);
    Double value = null;
    CodedConcept unit = null;
    if (mv != null) {
      double[] fp = mv.getDoubles(Tag.FloatingPointValue);
      if (fp.length > 0) {
        value = fp[0];
      } else {
        double[] ds2 = mv.getDoubles(Tag.NumericValue);
        value = ds2.length > 0 ? ds2[0] : null;
      }
      unit = Values.code(mv, Tag.MeasurementUnitsCodeSequence);
    }
    CodedConcept qualifier = Values.code(ds, Tag.NumericValueQualifierCodeSequence);
    return new NumContentItem(name, value, unit, qualifier, rel);
  }

  /**
   * Reads a NUM content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid NUM item
   */
  public static NumContentItem fromDataset(DicomDataset dataset) {
    return cast(ContentItem.fromDataset(dataset), NumContentItem.class, ValueTypeValues.NUM);
  }

  /**
   * Returns the numeric value.
   *
   * @return the value, or empty when only a qualifier is given
   */
  public Optional<Double> value() {
    return Optional.ofNullable(value);
  }

  /**
   * Returns the unit (Measurement Units Code Sequence (0040,08EA)).
   *
   * @return the unit, or empty without a value
   */
  public Optional<CodedConcept> unit() {
    return Optional.ofNullable(unit);
  }

  /**
   * Returns the Numeric Value Qualifier Code Sequence (0040,A301) concept.
   *
   * @return the qualifier, or empty
   */
  public Optional<CodedConcept> qualifier() {
    return Optional.ofNullable(qualifier);
  }

  @Override
  public NumContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  NumContentItem copyWith(ContentSequence content) {
    return new NumContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    Sequence seq = ds.newSequence(Tag.MeasuredValueSequence);
    if (value != null) {
      DicomDataset mv = seq.addNewItem();
      Values.putCode(mv, Tag.MeasurementUnitsCodeSequence, unit);
      double v = value;
      if (v != Math.rint(v) || Math.abs(v) >= 1e15) {
        mv.setDouble(Tag.FloatingPointValue, VR.FD, v);
      }
      mv.setString(Tag.NumericValue, VR.DS, DecimalStrings.format(v));
    }
    if (qualifier != null) {
      Values.putCode(ds, Tag.NumericValueQualifierCodeSequence, qualifier);
    }
  }

  @Override
  boolean valueEquals(ContentItem other) {
    NumContentItem o = (NumContentItem) other;
    return Objects.equals(value, o.value)
        && Objects.equals(unit, o.unit)
        && Objects.equals(qualifier, o.qualifier);
  }

  @Override
  int valueHash() {
    return Objects.hash(value, unit, qualifier);
  }

  @Override
  String valueString() {
    return (value == null ? "" : DecimalStrings.format(value) + " " + unit)
        + (qualifier == null ? "" : " " + qualifier);
  }
}
