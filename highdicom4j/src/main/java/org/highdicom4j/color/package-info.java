/**
 * Colour handling: ICC colour management of colour frames and CIELab colour values; highdicom's
 * {@code highdicom.color} module.
 */
package org.highdicom4j.color;
