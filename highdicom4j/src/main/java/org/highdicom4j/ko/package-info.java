/**
 * Key Object Selection (KOS): the TID 2010 content that flags instances of interest ({@link
 * org.highdicom4j.ko.KeyObjectSelection}) and the Key Object Selection Document SOP class that
 * holds it ({@link org.highdicom4j.ko.KeyObjectSelectionDocument}); highdicom's {@code
 * highdicom.ko}.
 */
package org.highdicom4j.ko;
