package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.highdicom4j.seg.SegmentAlgorithmTypeValues;
import org.highdicom4j.seg.SegmentationFractionalTypeValues;
import org.highdicom4j.seg.SegmentationTypeValues;
import org.highdicom4j.seg.SegmentsOverlapValues;
import org.highdicom4j.seg.SpatialLocationsPreservedValues;
import org.junit.jupiter.api.Test;

/** The *Values enums carry the DICOM strings of PS3.3 and refuse others, listing the allowed. */
class ValuesEnumsTest {
  private static <E extends Enum<E>> void roundTrips(
      E[] values, Function<E, String> value, Function<String, E> parse, String allowed) {
    for (E v : values) {
      assertEquals(v, parse.apply(value.apply(v)));
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> parse.apply("bogus"));
    assertTrue(e.getMessage().contains("(expected one of " + allowed + "): bogus"), e.getMessage());
  }

  @Test
  void everyEnumParsesItsDicomValues() {
    roundTrips(
        SegmentationTypeValues.values(),
        SegmentationTypeValues::value,
        SegmentationTypeValues::fromValue,
        "BINARY, FRACTIONAL, LABELMAP");
    roundTrips(
        SegmentationFractionalTypeValues.values(),
        SegmentationFractionalTypeValues::value,
        SegmentationFractionalTypeValues::fromValue,
        "PROBABILITY, OCCUPANCY");
    roundTrips(
        SegmentAlgorithmTypeValues.values(),
        SegmentAlgorithmTypeValues::value,
        SegmentAlgorithmTypeValues::fromValue,
        "AUTOMATIC, SEMIAUTOMATIC, MANUAL");
    roundTrips(
        SpatialLocationsPreservedValues.values(),
        SpatialLocationsPreservedValues::value,
        SpatialLocationsPreservedValues::fromValue,
        "YES, NO, REORIENTED_ONLY");
    roundTrips(
        SegmentsOverlapValues.values(),
        SegmentsOverlapValues::value,
        SegmentsOverlapValues::fromValue,
        "YES, UNDEFINED, NO");
    roundTrips(
        DimensionOrganizationTypeValues.values(),
        DimensionOrganizationTypeValues::value,
        DimensionOrganizationTypeValues::fromValue,
        "3D, 3D_TEMPORAL, TILED_FULL, TILED_SPARSE");
    roundTrips(
        ContentQualificationValues.values(),
        ContentQualificationValues::value,
        ContentQualificationValues::fromValue,
        "PRODUCT, RESEARCH, SERVICE");
    roundTrips(
        PatientSexValues.values(), PatientSexValues::value, PatientSexValues::fromValue, "M, F, O");
  }

  @Test
  void threeDimensionalIsWrittenAs3D() {
    assertEquals("3D", DimensionOrganizationTypeValues.THREE_DIMENSIONAL.value());
    assertEquals(
        DimensionOrganizationTypeValues.THREE_DIMENSIONAL_TEMPORAL,
        DimensionOrganizationTypeValues.fromValue("3D_TEMPORAL"));
  }
}
