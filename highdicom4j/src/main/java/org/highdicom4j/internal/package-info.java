/**
 * Implementation helpers of highdicom4j (matrix arithmetic, strided array copies); not API, may
 * change without notice.
 */
package org.highdicom4j.internal;
