package de.kiim.query.personcard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns of {@code query.person_card} a reader may ask for, by their API field names: the one map the card
 * and the person search read the table with, so a new column of the card is a new search column too.
 */
public final class CardColumns {

    /** API field name → column of {@code query.person_card}, in the card's order. */
    public static final Map<String, String> BY_FIELD = byField();

    private CardColumns() {}

    private static Map<String, String> byField() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("familyName", "family_name");
        columns.put("givenNames", "given_names");
        columns.put("dateOfBirth", "date_of_birth");
        columns.put("sex", "sex");
        columns.put("nationality", "nationality");
        columns.put("entryDate", "entry_date");
        columns.put("azrNumber", "azr_number");
        columns.put("municipality", "municipality");
        columns.put("registeredOn", "registered_on");
        columns.put("residenceStatus", "residence_status");
        columns.put("residenceValidUntil", "residence_valid_until");
        columns.put("benefitRegime", "benefit_regime");
        columns.put("cefrLevel", "cefr_level");
        columns.put("movedAwayOn", "moved_away_on");
        return Collections.unmodifiableMap(columns);
    }
}
