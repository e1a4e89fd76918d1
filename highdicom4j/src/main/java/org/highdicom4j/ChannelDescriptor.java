package org.highdicom4j;

import java.util.Objects;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.ElementDictionary;
import org.highdicom4j.dicom.dict.ElementEntry;

/**
 * Descriptor of a channel (non-spatial) axis of a {@link Volume} (highdicom {@code
 * ChannelDescriptor}): either a DICOM attribute whose value varies along the axis (e.g. {@code
 * SegmentNumber}, {@code OpticalPathIdentifier}), with the Java type implied by its VR, or a custom
 * identifier with an explicit value type. Equal when the keywords are equal.
 */
public final class ChannelDescriptor {
  /** Descriptor of an RGB colour axis, values {@link RGBColorChannels}. */
  public static final ChannelDescriptor RGB_COLOR_CHANNEL_DESCRIPTOR =
      custom("RGBColorChannel", RGBColorChannels.class);

  private final String keyword;
  private final int tag;
  private final Class<?> valueType;

  private ChannelDescriptor(String keyword, int tag, Class<?> valueType) {
    this.keyword = keyword;
    this.tag = tag;
    this.valueType = valueType;
  }

  /**
   * Describes a channel axis by a DICOM attribute.
   *
   * @param keyword a data dictionary keyword, e.g. {@code "SegmentNumber"}
   * @return the descriptor
   * @throws IllegalArgumentException when the keyword is unknown
   */
  public static ChannelDescriptor of(String keyword) {
    Objects.requireNonNull(keyword, "keyword");
    ElementEntry e =
        ElementDictionary.lookup(keyword)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "No attribute found with keyword "
                            + keyword
                            + " (expected a DICOM keyword; use custom() for other identifiers)"));
    return new ChannelDescriptor(keyword, e.tag(), typeOf(e.vr()));
  }

  /**
   * Describes a channel axis by a DICOM attribute tag.
   *
   * @param tag the tag, e.g. {@code Tag.SegmentNumber}
   * @return the descriptor
   */
  public static ChannelDescriptor of(int tag) {
    String kw = ElementDictionary.keywordOf(tag);
    if (kw == null) {
      throw new IllegalArgumentException(
          "No keyword known for tag (expected a data dictionary tag): "
              + String.format("(%04X,%04X)", tag >>> 16, tag & 0xffff));
    }
    return of(kw);
  }

  /**
   * Describes a channel axis by a custom identifier.
   *
   * @param identifier any string that is not a DICOM keyword
   * @param valueType String, Integer, Long, Double or an enum type
   * @return the descriptor
   */
  public static ChannelDescriptor custom(String identifier, Class<?> valueType) {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(valueType, "valueType");
    if (ElementDictionary.lookup(identifier).isPresent()) {
      throw new IllegalArgumentException(
          "The string '"
              + identifier
              + "' cannot be used for a custom channel identifier because it is a DICOM keyword.");
    }
    if (!(valueType == String.class
        || valueType == Integer.class
        || valueType == Long.class
        || valueType == Double.class
        || valueType.isEnum())) {
      throw new IllegalArgumentException(
          "Argument 'value_type' must be String, Integer, Long, Double or an enum: " + valueType);
    }
    return new ChannelDescriptor(identifier, -1, valueType);
  }

  private static Class<?> typeOf(VR vr) {
    switch (vr) {
      case DS:
      case FD:
      case FL:
        return Double.class;
      case IS:
      case SL:
      case SS:
      case US:
        return Integer.class;
      case UL:
      case UV:
      case SV:
        return Long.class;
      default:
        return String.class;
    }
  }

  /** Returns the DICOM keyword or custom identifier. */
  public String keyword() {
    return keyword;
  }

  /** Returns the DICOM tag, or -1 for a custom descriptor. */
  public int tag() {
    return tag;
  }

  /** Returns whether this is a custom descriptor rather than a DICOM attribute. */
  public boolean isCustom() {
    return tag == -1;
  }

  /** Returns whether the values are constants of an enum. */
  public boolean isEnumerated() {
    return valueType.isEnum();
  }

  /** Returns the Java type of the values along the axis. */
  public Class<?> valueType() {
    return valueType;
  }

  /**
   * Converts a value to this descriptor's type: enum constants may be given by name; integers are
   * widened to Long or Double where the type asks for it.
   *
   * @param value the value
   * @return the value in {@link #valueType()}
   * @throws IllegalArgumentException when the value does not have the expected type
   */
  public Object coerce(Object value) {
    Objects.requireNonNull(value, "value");
    if (valueType.isInstance(value)) {
      return value;
    }
    if (valueType.isEnum() && value instanceof String) {
      for (Object c : valueType.getEnumConstants()) {
        if (((Enum<?>) c).name().equals(value)) {
          return c;
        }
      }
    }
    if (value instanceof Integer && valueType == Long.class) {
      return ((Integer) value).longValue();
    }
    if ((value instanceof Integer || value instanceof Long) && valueType == Double.class) {
      return ((Number) value).doubleValue();
    }
    throw new IllegalArgumentException(
        "Values for channel "
            + keyword
            + " do not have the expected type ("
            + valueType.getSimpleName()
            + "): "
            + value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelDescriptor && ((ChannelDescriptor) o).keyword.equals(keyword);
  }

  @Override
  public int hashCode() {
    return keyword.hashCode();
  }

  @Override
  public String toString() {
    return keyword;
  }
}
