package org.highdicom4j;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * The Algorithm Identification Macro (PS3.3 Table 10-19): one item identifying the algorithm that
 * made some content, e.g. a segment (Segmentation Algorithm Identification Sequence (0062,0007)).
 *
 * <p>Immutable; the constructor validates every value.
 *
 * <p>highdicom: {@code highdicom.AlgorithmIdentificationSequence} (a one-item pydicom Sequence).
 */
public final class AlgorithmIdentificationSequence {
  private final String name;
  private final CodedConcept family;
  private final String version;
  private final String source;
  private final Map<String, String> parameters;

  /**
   * Describes an algorithm without source or parameters.
   *
   * @param name Algorithm Name (0066,0036), LO
   * @param family the single item of Algorithm Family Code Sequence (0066,002F), e.g. DCM 123110
   *     "Artificial Intelligence" (CID 7162)
   * @param version Algorithm Version (0066,0031), LO
   */
  public AlgorithmIdentificationSequence(String name, CodedConcept family, String version) {
    this(name, family, version, null, null);
  }

  /**
   * Describes an algorithm.
   *
   * @param name Algorithm Name (0066,0036), LO
   * @param family the single item of Algorithm Family Code Sequence (0066,002F)
   * @param version Algorithm Version (0066,0031), LO
   * @param source Algorithm Source (0024,0202), LO, e.g. the algorithm's maker; may be null
   * @param parameters names and values written to Algorithm Parameters (0066,0032) as {@code
   *     name=value} pairs joined by commas, in iteration order; may be null
   * @throws IllegalArgumentException when a value breaks its VR or a parameter name or value
   *     contains {@code =} or {@code ,}
   */
  public AlgorithmIdentificationSequence(
      String name,
      CodedConcept family,
      String version,
      String source,
      Map<String, String> parameters) {
    this.name = ValueRepresentations.checkLongString(Tag.AlgorithmName, name);
    this.family = Objects.requireNonNull(family, "family");
    this.version = ValueRepresentations.checkLongString(Tag.AlgorithmVersion, version);
    this.source =
        source == null ? null : ValueRepresentations.checkLongString(Tag.AlgorithmSource, source);
    if (parameters == null) {
      this.parameters = null;
    } else {
      Map<String, String> copy = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : parameters.entrySet()) {
        String k = Objects.requireNonNull(e.getKey(), "parameters key");
        String v = Objects.requireNonNull(e.getValue(), "parameters value");
        if (k.isEmpty() || k.contains("=") || k.contains(",") || v.contains(",")) {
          throw new IllegalArgumentException(
              "AlgorithmParameters (0066,0032) entry cannot be encoded (expected a non-empty name"
                  + " without '=' or ',' and a value without ','): "
                  + k
                  + "="
                  + v);
        }
        copy.put(k, v);
      }
      this.parameters = Collections.unmodifiableMap(copy);
    }
  }

  /**
   * Reads the first item of an Algorithm Identification Sequence.
   *
   * <p>highdicom: {@code AlgorithmIdentificationSequence.from_sequence}.
   *
   * @param sequence the sequence, e.g. (0062,0007) of a Segment Sequence item
   * @return the algorithm identification
   * @throws IllegalArgumentException when the sequence is empty or lacks a Type 1 attribute
   */
  public static AlgorithmIdentificationSequence fromSequence(Sequence sequence) {
    Objects.requireNonNull(sequence, "sequence");
    if (sequence.isEmpty()) {
      throw new IllegalArgumentException(
          "Algorithm Identification Sequence is empty (expected one item)");
    }
    DicomDataset item = sequence.get(0);
    Sequence familySeq = item.getSequence(Tag.AlgorithmFamilyCodeSequence);
    if (familySeq == null || familySeq.isEmpty()) {
      throw new IllegalArgumentException(
          "AlgorithmFamilyCodeSequence (0066,002F) is missing (expected one item)");
    }
    Map<String, String> params = null;
    String text = item.getString(Tag.AlgorithmParameters);
    if (text != null && !text.isEmpty()) {
      params = new LinkedHashMap<>();
      for (String pair : text.split(",")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return new AlgorithmIdentificationSequence(
        item.getString(Tag.AlgorithmName),
        CodedConcept.fromDataset(familySeq.get(0)),
        item.getString(Tag.AlgorithmVersion),
        item.getString(Tag.AlgorithmSource),
        params);
  }

  /** Returns Algorithm Name (0066,0036). */
  public String name() {
    return name;
  }

  /** Returns the Algorithm Family Code Sequence (0066,002F) concept. */
  public CodedConcept family() {
    return family;
  }

  /** Returns Algorithm Version (0066,0031). */
  public String version() {
    return version;
  }

  /** Returns Algorithm Source (0024,0202), if set. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** Returns the Algorithm Parameters (0066,0032) as names and values, if set. */
  public Optional<Map<String, String>> parameters() {
    return Optional.ofNullable(parameters);
  }

  /**
   * Returns a new sequence item holding the macro's attributes.
   *
   * @return a mutable item
   */
  public DicomDataset toItem() {
    DicomDataset item = new DicomDataset();
    item.newSequence(Tag.AlgorithmFamilyCodeSequence).add(family.toDataset());
    item.setString(Tag.AlgorithmName, VR.LO, name);
    item.setString(Tag.AlgorithmVersion, VR.LO, version);
    if (source != null) {
      item.setString(Tag.AlgorithmSource, VR.LO, source);
    }
    if (parameters != null && !parameters.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (Map.Entry<String, String> e : parameters.entrySet()) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(e.getKey()).append('=').append(e.getValue());
      }
      item.setString(Tag.AlgorithmParameters, VR.LT, sb.toString());
    }
    return item;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AlgorithmIdentificationSequence)) {
      return false;
    }
    AlgorithmIdentificationSequence a = (AlgorithmIdentificationSequence) o;
    return name.equals(a.name)
        && family.equals(a.family)
        && version.equals(a.version)
        && Objects.equals(source, a.source)
        && Objects.equals(parameters, a.parameters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, family, version, source, parameters);
  }

  @Override
  public String toString() {
    return "AlgorithmIdentificationSequence[" + name + " " + version + ", " + family + "]";
  }
}
