/** The {@code hd4j} command line tool. */
package org.highdicom4j.cli;
