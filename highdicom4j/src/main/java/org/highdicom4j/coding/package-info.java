/**
 * Coded concepts (the Code Sequence Macro of PS3.3) and the code dictionaries of PS3.16:
 * highdicom's {@code CodedConcept} and pydicom's {@code codes}.
 *
 * <p>{@link org.highdicom4j.coding.CodedConcept} is the value type. One class per coding scheme
 * ({@link org.highdicom4j.coding.SCT}, {@link org.highdicom4j.coding.DCM}, {@link
 * org.highdicom4j.coding.UCUM}, …) holds pydicom's keyword constants, {@link
 * org.highdicom4j.coding.Codes} looks concepts up by keyword or value, and {@link
 * org.highdicom4j.coding.ContextGroups} holds the context groups (CIDs). The tables are generated
 * from Debian's python3-pydicom 2.3.1 by {@code tools/codegen/gen_codes.py}.
 */
package org.highdicom4j.coding;
