package de.kiim.command.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameFoldingTest {

    @Test
    void spelling_variants_of_one_name_fold_alike() {
        assertThat(NameFolding.fold("Müller", "Anna"))
                .isEqualTo(NameFolding.fold("Mueller", "Anna"))
                .isEqualTo(NameFolding.fold("MÜLLER", "ANNA"))
                .isEqualTo(NameFolding.fold("muller", "anna"));
        assertThat(NameFolding.fold("Strauß", null)).isEqualTo(NameFolding.fold("Strauss", null));
        assertThat(NameFolding.fold("Çelik", "Ayşe")).isEqualTo(NameFolding.fold("Celik", "Ayse"));
        assertThat(NameFolding.fold("Mohammed", null)).isEqualTo(NameFolding.fold("Muhammad", null));
        assertThat(NameFolding.fold("Al-Hassan", null)).isEqualTo(NameFolding.fold("Al Hassan", null));
    }

    @Test
    void the_order_of_names_does_not_matter() {
        assertThat(NameFolding.fold("Haddad", "Amal Noor"))
                .isEqualTo(NameFolding.fold("Haddad", "Noor Amal"))
                .isEqualTo(NameFolding.fold("Amal", "Noor Haddad"));
    }

    @Test
    void different_names_and_numbered_test_names_stay_apart() {
        assertThat(NameFolding.fold("Müller", "Anna")).isNotEqualTo(NameFolding.fold("Schmidt", "Anna"));
        assertThat(NameFolding.fold("Testperson-1", null)).isNotEqualTo(NameFolding.fold("Testperson-2", null));
    }
}
