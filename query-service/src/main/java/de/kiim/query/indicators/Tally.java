package de.kiim.query.indicators;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A count of distinct persons and the sum of their record keys modulo 1, in units of 2^-53 so that it is exact and
 * the same in any order: the same set of persons always gives the same cell key, and so the same noise (CellKeys).
 * A person added twice (two courses of one cell) counts once: disclosure control is about persons.
 */
final class Tally {

    private final Set<UUID> counted = new HashSet<>();

    private static final long MASK = (1L << 53) - 1;
    private static final double TWO_TO_THE_53 = 0x1p53;

    private long count;
    private long keySum;

    void add(Path person) {
        if (!counted.add(person.subject)) {
            return;
        }
        count++;
        keySum = (keySum + (long) (person.recordKey * TWO_TO_THE_53)) & MASK;
    }

    long count() {
        return count;
    }

    /** The cell key: the fractional part of the sum of the record keys. */
    double cellKey() {
        return keySum / TWO_TO_THE_53;
    }
}
