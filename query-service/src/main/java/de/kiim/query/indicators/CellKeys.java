package de.kiim.query.indicators;

/**
 * The cell-key method (as in the Zensus 2022): every published count gets a small noise looked up from its cell key,
 * the fractional sum of its persons' secret record keys. The same persons always give the same noise, so repeating
 * or rephrasing a query tells nothing new, and differences of two answers are blurred by the noise of both. A true 0
 * stays 0, a count stays positive, and no count moves by more than {@link #MAX_DEVIATION}. The noise is unbiased:
 * −2 and +2 with 5 % each, −1 and +1 with 20 % each, 0 with 50 %.
 */
final class CellKeys {

    static final int MAX_DEVIATION = 2;

    private CellKeys() {}

    static long perturbed(Tally tally) {
        return perturbed(tally.count(), tally.cellKey());
    }

    static long perturbed(long count, double cellKey) {
        if (count == 0) {
            return 0;
        }
        return Math.max(1, count + noise(cellKey));
    }

    static int noise(double cellKey) {
        if (cellKey < 0.05) {
            return -2;
        }
        if (cellKey < 0.25) {
            return -1;
        }
        if (cellKey < 0.75) {
            return 0;
        }
        return cellKey < 0.95 ? 1 : 2;
    }
}
