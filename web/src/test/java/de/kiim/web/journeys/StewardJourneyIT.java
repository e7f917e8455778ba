package de.kiim.web.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A data steward erases a person in the browser, in two steps, and the person's page is gone for every agency
 * that saw it: the foreigners' authority that registered them and the counselling service they consented to.
 */
class StewardJourneyIT {

    @Test
    void aStewardErasesAPersonAndThePersonsPageIsGoneForEveryone() {
        RunningKiim kiim = RunningKiim.instance();
        String familyName = "Loeschung" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String personId = kiim.register(familyName, "Nour", "FEMALE", "2022-01-10");
        String person = "/api/v1/persons/" + personId;
        assertThat(kiim.commandApi().post(person + "/consents", "abh", """
                        {"purpose": "COUNSELLING", "recipientAgency": "mbe-harz", "evidenceReference": "MBE-J-2"}""").status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> kiim.queryApi().get(person, "beratung").status() == 200);

        try (Browser browser = new Browser("steward")) {
            browser.open(kiim.webUrl);
            browser.signIn("steward");
            browser.click(browser.find(By.linkText("Löschung")));
            browser.find(By.id("personId")).sendKeys("kein-name");
            new Select(browser.find(By.id("reason"))).selectByValue("DATA_SUBJECT_REQUEST");
            browser.click(browser.find(By.cssSelector("#erasure-form button[type=submit]")));
            assertThat(browser.find(By.id("personId-error")).getText()).contains("UUID");
            browser.scan("erasure-refused");

            browser.find(By.id("personId")).clear();
            browser.find(By.id("personId")).sendKeys(personId);
            browser.click(browser.find(By.cssSelector("#erasure-form button[type=submit]")));
            assertThat(browser.find(By.id("confirm-person")).getText()).isEqualTo(personId);
            browser.scan("erasure-confirmation");
            // Posted, never in a URL.
            assertThat(browser.driver.getCurrentUrl()).doesNotContain(personId);
            browser.click(browser.find(By.cssSelector("#confirm-erasure-form button[type=submit]")));
            assertThat(browser.find(By.id("erasure-done")).getText()).isNotBlank();
            browser.scan("erased");
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> kiim.queryApi().get(person, "abh").status() == 404
                        && kiim.queryApi().get(person, "beratung").status() == 404);
        for (String user : new String[] {"abh", "beratung"}) {
            try (Browser browser = new Browser("after-erasure-" + user)) {
                browser.open(kiim.webUrl + "/persons/" + personId);
                browser.signIn(user);
                assertThat(browser.find(By.cssSelector("[role=alert]")).getText())
                        .contains("Ihre Stelle sieht diese Person nicht");
                assertThat(browser.source()).doesNotContain(familyName);
                browser.scan("person-gone");
            }
        }
    }
}
