package org.ucfront.security.sipae;

/**
 * The client sequence numbers (cnum, MS-SIPAE §3.3.5.2) already accepted on a security association:
 * a number is accepted once, and only if it is not older than the window behind the highest seen,
 * so requests processed out of order still pass but a replayed one does not.
 */
final class ReplayWindow {

    static final int SIZE = 64;

    private long highest = -1;
    private long seen; // bit i: highest - i was accepted

    /** Marks the number as seen; false when it was seen before or is too old. */
    synchronized boolean accept(long number) {
        if (number < 0) {
            return false;
        }
        if (number > highest) {
            long shift = number - highest;
            seen = shift >= SIZE ? 1L : (seen << shift) | 1L;
            highest = number;
            return true;
        }
        long age = highest - number;
        if (age >= SIZE || (seen & (1L << age)) != 0) {
            return false;
        }
        seen |= 1L << age;
        return true;
    }
}
