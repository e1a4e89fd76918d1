package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;

/**
 * TID 1001 Observation Context: who observed (person and device observer contexts) and what was
 * observed (subject context); highdicom's {@code ObservationContext}.
 */
public final class ObservationContext extends Template {
  /**
   * Creates an observation context; every part may be null.
   *
   * @param observerPersonContext the person observer
   * @param observerDeviceContext the device observer
   * @param subjectContext the subject
   * @throws IllegalArgumentException when the person or device context has the other observer type
   */
  public ObservationContext(
      ObserverContext observerPersonContext,
      ObserverContext observerDeviceContext,
      SubjectContext subjectContext) {
    super(items(observerPersonContext, observerDeviceContext, subjectContext));
  }

  private static List<ContentItem> items(
      ObserverContext person, ObserverContext device, SubjectContext subject) {
    List<ContentItem> items = new ArrayList<>();
    if (person != null) {
      if (!SrCodes.PERSON.equals(person.observerType())) {
        throw new IllegalArgumentException(
            "Observer Type of the person observer context must be Person (expected 121006, DCM): "
                + person.observerType());
      }
      items.addAll(person.contentItems());
    }
    if (device != null) {
      if (!SrCodes.DEVICE.equals(device.observerType())) {
        throw new IllegalArgumentException(
            "Observer Type of the device observer context must be Device (expected 121007, DCM): "
                + device.observerType());
      }
      items.addAll(device.contentItems());
    }
    if (subject != null) {
      items.addAll(subject.contentItems());
    }
    return items;
  }
}
