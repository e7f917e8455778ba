package de.kiim.query.indicators;

/**
 * A count of persons and the sum of their record keys modulo 1, in units of 2^-53 so that it is exact and the same in
 * any order: the same set of persons always gives the same cell key, and so the same noise (CellKeys).
 */
final class Tally {

    private static final long MASK = (1L << 53) - 1;
    private static final double TWO_TO_THE_53 = 0x1p53;

    private long count;
    private long keySum;

    void add(Path person) {
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
