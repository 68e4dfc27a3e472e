package org.ucfront.clientversion.model;

import java.util.Comparator;
import java.util.Optional;

/**
 * A UAC version, {@code Major.Minor.Build.Qfe} (§3.4.1.5.1), e.g. {@code 4.0.7577.0}. Versions
 * compare component by component, numerically.
 *
 * <p>The ABNF requires at least 4 digits in the build number; {@code 3.5.689.0} is not a version.
 * Leading zeros are allowed (they are digits); the canonical form writes the build with at
 * least 4 digits.
 */
public record ClientVersion(int major, int minor, int build, int qfe) implements Comparable<ClientVersion> {

    /** §3.4.1.5.1: separator of the four components. */
    public static final char SEPARATOR = '.';
    /** §3.4.1.5.1: Build-number = 4*DIGIT. */
    public static final int MIN_BUILD_DIGITS = 4;
    /** ucfront's own bound: more digits than an int holds are not a version. */
    static final int MAX_DIGITS = 9;
    /** What a version looks like, for messages. */
    public static final String EXPECTED = "Major.Minor.Build.Qfe with a build of at least " + MIN_BUILD_DIGITS
            + " digits";

    private static final Comparator<ClientVersion> ORDER = Comparator.comparingInt(ClientVersion::major)
            .thenComparingInt(ClientVersion::minor).thenComparingInt(ClientVersion::build)
            .thenComparingInt(ClientVersion::qfe);

    public ClientVersion {
        if (major < 0 || minor < 0 || build < 0 || qfe < 0) {
            throw new IllegalArgumentException("version components must not be negative");
        }
    }

    /**
     * The version in a product-version, or empty if it is not {@code Major.Minor.Build.Qfe}
     * with a build of at least 4 digits.
     */
    public static Optional<ClientVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int[] parts = new int[4];
        int start = 0;
        for (int i = 0; i < parts.length; i++) {
            int end = i < parts.length - 1 ? text.indexOf(SEPARATOR, start) : text.length();
            if (end < 0) {
                return Optional.empty();
            }
            int digits = end - start;
            int min = i == 2 ? MIN_BUILD_DIGITS : 1;
            if (digits < min || digits > MAX_DIGITS || !allDigits(text, start, end)) {
                return Optional.empty();
            }
            parts[i] = Integer.parseInt(text, start, end, 10);
            start = end + 1;
        }
        return Optional.of(new ClientVersion(parts[0], parts[1], parts[2], parts[3]));
    }

    private static boolean allDigits(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(ClientVersion other) {
        return ORDER.compare(this, other);
    }

    /** The canonical form, e.g. {@code 4.0.7577.0}. */
    @Override
    public String toString() {
        return major + "" + SEPARATOR + minor + SEPARATOR + String.format("%0" + MIN_BUILD_DIGITS + "d", build)
                + SEPARATOR + qfe;
    }
}
