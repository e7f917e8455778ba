package de.kiim.web.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An auditor in the browser: the access log with its hash chain's state, filtered to one person, shows who read
 * the person's card; the change trail shows who registered them; neither page shows anything of the person but
 * the id.
 */
class AuditorJourneyIT {

    @Test
    void anAuditorTracesWhoReadAndWhoChangedAPersonWithoutSeeingTheirData() {
        RunningKiim kiim = RunningKiim.instance();
        String familyName = "Protokoll" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String personId = kiim.register(familyName, "Omid", "MALE", "2021-03-03");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> kiim.queryApi()
                                .get("/api/v1/persons/" + personId, "abh")
                                .status()
                        == 200);

        try (Browser browser = new Browser("auditor")) {
            browser.open(kiim.webUrl);
            browser.signIn("auditor");
            browser.click(browser.find(By.linkText("Protokolle")));
            assertThat(browser.find(By.id("chain-state")).getText()).contains("intakt");
            browser.scan("access-log");

            browser.find(By.id("filter-person")).sendKeys(personId);
            browser.click(browser.find(By.cssSelector("#audit-form button[type=submit]")));
            assertThat(browser.find(By.id("audit-table")).getText()).contains("abh", "CARD", personId);
            assertThat(browser.driver.getCurrentUrl()).doesNotContain(personId);
            assertThat(browser.source()).doesNotContain(familyName);
            browser.scan("access-log-filtered");

            browser.click(browser.find(By.linkText("Änderungsprotokoll")));
            browser.find(By.id("filter-person")).sendKeys(personId);
            browser.click(browser.find(By.cssSelector("#audit-form button[type=submit]")));
            assertThat(browser.find(By.cssSelector("#audit-table [data-type=PersonRegistered]"))
                            .getText())
                    .contains("abh", personId);
            assertThat(browser.source()).doesNotContain(familyName).doesNotContain("Omid");
            browser.scan("change-trail");

            browser.find(By.id("filter-person")).clear();
            browser.find(By.id("filter-person")).sendKeys("Protokoll-Name");
            browser.click(browser.find(By.cssSelector("#audit-form button[type=submit]")));
            assertThat(browser.find(By.cssSelector("[role=alert]")).getText()).contains("UUID");
        }
    }
}
