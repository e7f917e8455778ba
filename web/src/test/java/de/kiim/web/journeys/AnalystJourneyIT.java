package de.kiim.web.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.kiim.testsupport.ApiClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * An analyst in a real browser: opens an indicator for an arrival cohort grouped by sex, sees the chart and the
 * table with a withheld cell shown as "." and explained, and downloads the same table as CSV.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystJourneyIT {

    RunningKiim kiim;
    /** An arrival year of this run only: the cohort holds exactly this test's persons. */
    final int cohort = ThreadLocalRandom.current().nextInt(1950, 2000);

    /**
     * Seven women and two men: the men's cell is below k = 5 and must be withheld. Six more persons in the next
     * year: else the persons outside the cohort could be few enough that the cohort's total would let them be
     * recomputed (total of all minus the cohort), and the disclosure control would rightly withhold it too.
     */
    @BeforeAll
    void cohort() {
        kiim = RunningKiim.instance();
        for (int i = 0; i < 15; i++) {
            kiim.register(
                    "Kohorte" + i,
                    "Person",
                    i < 7 ? "FEMALE" : "MALE",
                    (i < 9 ? cohort : cohort + 1) + "-06-0" + (1 + i % 9));
        }
        // The district's target for the cohort, set by a data steward: shown beside the table with its distance.
        var target = kiim.commandApi()
                .post(
                        "/api/v1/admin/targets",
                        "steward",
                        ApiClient.json(Map.of(
                                "indicator", "persons",
                                "figure", "employed",
                                "cohort", String.valueOf(cohort),
                                "comparison", "AT_LEAST",
                                "value", 5,
                                "reason", "KREISTAG_RESOLUTION",
                                "reference", "Drucksache J/1")));
        assertThat(target.status()).as(target.body()).isEqualTo(201);
        // The statistics follow the events within seconds; the count is perturbed by at most 2.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode total = kiim.queryApi()
                            .get("/api/v1/indicators/persons?cohort=" + cohort, "analyst")
                            .json()
                            .path("total")
                            .path("persons");
                    assertThat(total.isInt() && total.asInt() >= 7)
                            .as("the cohort's total is published: %s", total)
                            .isTrue();
                });
    }

    @Test
    void anAnalystSeesAChartATableWithAWithheldCellAndDownloadsTheCsv() {
        try (Browser browser = new Browser("analyst")) {
            browser.open(kiim.webUrl);
            browser.signIn("analyst");
            assertThat(browser.driver.findElements(By.linkText("Personen"))).isEmpty();
            browser.click(browser.find(By.linkText("Indikatoren")));
            browser.scan("indicators");
            browser.click(browser.find(By.cssSelector("a[href='/indicators/persons']")));

            browser.find(By.id("cohort")).sendKeys(String.valueOf(cohort));
            new Select(browser.find(By.id("groupBy"))).selectByValue("sex");
            browser.click(browser.find(By.cssSelector("#indicator-form button[type=submit]")));

            browser.find(By.id("indicator-table"));
            assertThat(browser.driver.findElements(By.cssSelector(".kiim-chart svg rect")))
                    .isNotEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("#indicator-table .kiim-withheld")))
                    .as("the men's cell of two persons is withheld")
                    .isNotEmpty();
            assertThat(browser.source()).contains("geheim gehalten");
            assertThat(browser.find(By.id("withheld-note")).getText()).startsWith("„.“ bedeutet");
            browser.until(page -> !page.findElements(By.id("targets-table")).isEmpty());
            assertThat(browser.find(By.id("targets-table")).getText()).contains("employed", "AT_LEAST 5");
            browser.scan("indicator-table");

            String href =
                    browser.find(By.linkText("Tabelle als CSV herunterladen")).getDomAttribute("href");
            assertThat(href).contains("cohort=" + cohort, "groupBy=sex");
            Object csv = ((JavascriptExecutor) browser.driver)
                    .executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                    + "fetch(arguments[0]).then(r => r.text().then(text => done(r.headers.get('content-disposition') + '\\n' + text)));",
                            href);
            assertThat(csv.toString())
                    .startsWith("attachment; filename=\"kiim-persons.csv\"")
                    .contains(";", "Personen")
                    .containsPattern(";\\.(;|\\r?\\n|$)");

            // The yearly report, from the list of indicators, as the PDF the query service writes.
            browser.click(browser.find(By.linkText("Alle Indikatoren")));
            String report = browser.find(By.partialLinkText("Bericht über die Einreisekohorte"))
                    .getDomAttribute("href");
            Object pdf = ((JavascriptExecutor) browser.driver)
                    .executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                    + "fetch(arguments[0]).then(r => r.arrayBuffer().then(body => done(r.headers.get('content-type')"
                                    + " + ' ' + String.fromCharCode(...new Uint8Array(body.slice(0, 5))))));",
                            report);
            assertThat(pdf.toString()).isEqualTo("application/pdf %PDF-");
        }
    }
}
