package de.kiim.web.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.kiim.testsupport.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Caseworkers' journeys in a real browser, through the real identity provider and both services: a counsellor
 * finds a person and records a counselling session, a language-course provider never sees counselling or the AZR
 * number anywhere, everything works by keyboard alone, and every page passes an axe-core scan.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseworkerJourneysIT {

    RunningKiim kiim;
    ApiClient commands;
    /** A family name of this run only, so that a search finds exactly this run's person. */
    final String familyName = "Wegener" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

    final String azrNumber = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));

    String personId;

    /**
     * A person the foreigners' authority registered, who consented to counselling at the Migrationsberatung and
     * is enrolled in an integration course at the Volkshochschule: both agencies see them, each its part.
     */
    @BeforeAll
    void person() {
        kiim = RunningKiim.instance();
        commands = kiim.commandApi();
        var registered = commands.post("/api/v1/persons", "abh", """
                {"familyName": "%s", "givenNames": "Leyla", "dateOfBirth": "1994-03-12", "sex": "FEMALE",
                 "nationality": "SY", "entryDate": "2023-05-02", "municipality": "15085135", "azrNumber": "%s"}""".formatted(familyName, azrNumber));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        personId = registered.json().path("personId").asText();
        String person = "/api/v1/persons/" + personId;
        assertThat(commands.post(person + "/consents", "abh", """
                        {"purpose": "COUNSELLING", "recipientAgency": "mbe-harz", "evidenceReference": "MBE-J-1"}""").status()).isEqualTo(204);
        var enrolled = commands.post(person + "/courses", "abh", """
                {"courseType": "INTEGRATION_GENERAL", "startsOn": "2023-09-01", "enrolledOn": "2023-08-01",
                 "providerAgency": "vhs-harz"}""");
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> kiim.queryApi().get(person, "sprachkurs").status() == 200
                        && kiim.queryApi().get(person, "beratung").status() == 200);
    }

    @Test
    void aCounsellorFindsAPersonRecordsASessionAndSeesItInTheTimeline() {
        try (Browser browser = new Browser("counsellor")) {
            browser.open(kiim.webUrl);
            browser.signIn("beratung");
            browser.scan("home");
            browser.click(browser.find(By.linkText("Personen")));
            browser.find(By.id("filter-name")).sendKeys(familyName.substring(0, 9));
            browser.scan("search-form");
            browser.click(browser.find(By.cssSelector("form[action$='/persons/search'] button[type=submit]")));
            WebElement result = browser.find(By.linkText(familyName));
            assertThat(browser.find(By.id("outcome-summary")).getText()).isEqualTo("Eine Person gefunden");
            // Posted, never in a URL: the address bar, the history and any proxy log hold no name.
            assertThat(browser.driver.getCurrentUrl()).doesNotContain("Wegener");
            browser.scan("search-results");
            browser.click(result);

            browser.find(By.id("timeline"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(familyName + ", Leyla");
            browser.scan("person");
            browser.click(browser.find(By.linkText("Beratungsgespräch erfassen")));

            // Without a topic, the command service refuses; the page shows its reason at the field it names.
            browser.find(By.id("agreedNextSteps")).sendKeys("Anmeldung zum Integrationskurs bis Monatsende");
            browser.click(browser.find(By.cssSelector("#step-form button[type=submit]")));
            assertThat(browser.find(By.id("topics-error")).getText()).isNotBlank();
            assertThat(browser.find(By.id("agreedNextSteps")).getAttribute("value"))
                    .isEqualTo("Anmeldung zum Integrationskurs bis Monatsende");
            browser.scan("counselling-refused");

            browser.click(browser.find(By.cssSelector("label[for='topics-LANGUAGE_COURSES']")));
            browser.click(browser.find(By.cssSelector("label[for='topics-WORK_AND_TRAINING']")));
            browser.click(browser.find(By.cssSelector("#step-form button[type=submit]")));

            browser.find(By.cssSelector("[role=status].kern-alert--success"));
            assertThat(browser.entry("Anmeldung zum Integrationskurs bis Monatsende")
                            .getText())
                    .contains("Sprachkurse", "Arbeit und Ausbildung", "erfasst von beratung");
            browser.scan("person-after-counselling");

            // The filter swaps the timeline in place, moves the focus to it and announces what it shows.
            new Select(browser.find(By.id("category"))).selectByValue("COUNSELLING");
            browser.click(browser.find(By.cssSelector(".kiim-timeline-filter button[type=submit]")));
            browser.until(driver -> !browser.announced().isEmpty());
            assertThat(browser.driver.findElements(By.cssSelector(".kiim-timeline__entry")))
                    .isNotEmpty()
                    .allSatisfy(shown ->
                            assertThat(shown.getDomAttribute("data-type")).isEqualTo("CounsellingSessionHeld"));
            assertThat(browser.announced())
                    .isEqualTo(browser.find(By.id("timeline-summary")).getText());
            assertThat(browser.focused().getAttribute("id")).isEqualTo("timeline-summary");
            browser.scan("timeline-filtered");

            // Signed in, a post without the session's CSRF token is still refused (another site's form would be).
            Object forged = ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "fetch('/persons/search', {method: 'POST', redirect: 'manual',"
                            + " headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'name=A'})"
                            + ".then(response => done(response.status));");
            assertThat(forged).isEqualTo(403L);
            browser.signOut();
        }
    }

    @Test
    void aLanguageCourseProviderNeverSeesCounsellingOrTheAzrNumber() {
        commands.post("/api/v1/persons/" + personId + "/counselling-sessions", "beratung", """
                {"topics": ["HEALTH"], "agreedNextSteps": "Termin beim Gesundheitsamt vereinbaren"}""");
        try (Browser browser = new Browser("course-provider")) {
            browser.open(kiim.webUrl + "/persons");
            browser.signIn("sprachkurs");
            browser.find(By.id("filter-name")).sendKeys(familyName);
            browser.click(browser.find(By.cssSelector("label[for='column-azrNumber']")));
            browser.click(browser.find(By.cssSelector("form[action$='/persons/search'] button[type=submit]")));
            WebElement result = browser.find(By.linkText(familyName));
            // The AZR number was asked for as a column; the query service answers only what the agency may read.
            assertThat(browser.source()).doesNotContain(azrNumber);
            browser.scan("search-results");
            browser.click(result);

            browser.find(By.id("timeline"));
            String page = browser.source();
            assertThat(page)
                    .doesNotContain(azrNumber)
                    .doesNotContain("Gesundheitsamt")
                    .doesNotContain("CounsellingSessionHeld")
                    .doesNotContain("Beratungsgespräch");
            assertThat(browser.driver.findElements(By.cssSelector("[data-type=CourseEnrolled]")))
                    .hasSize(1);
            browser.scan("person");
            for (String category : List.of("COUNSELLING", "RESIDENCE")) {
                new Select(browser.find(By.id("category"))).selectByValue(category);
                browser.click(browser.find(By.cssSelector(".kiim-timeline-filter button[type=submit]")));
                browser.until(driver -> browser.announced().equals("Keine Einträge"));
            }

            // Typing the counselling form's address does not help: the command service refuses the step.
            browser.open(kiim.webUrl + "/persons/" + personId + "/steps/counselling-sessions");
            browser.click(browser.find(By.cssSelector("label[for='topics-HEALTH']")));
            browser.click(browser.find(By.cssSelector("#step-form button[type=submit]")));
            assertThat(browser.find(By.cssSelector("[role=alert]")).getText())
                    .contains("Diesen Schritt darf Ihre Stelle nicht erfassen");
            browser.scan("step-refused");
        }
    }

    @Test
    void aCounsellorWorksByKeyboardAlone() {
        try (Browser browser = new Browser("keyboard")) {
            browser.open(kiim.webUrl);
            browser.signIn("beratung");
            // The first Tab reaches the skip link, which leads past the header to the content.
            browser.press(Keys.TAB);
            assertThat(browser.focused().getDomProperty("textContent")).isEqualTo("Zum Inhalt springen");
            browser.tabTo("the persons link", element -> "Personen".equals(element.getText()))
                    .sendKeys(Keys.ENTER);
            browser.find(By.id("filter-name"));
            browser.tabTo("the name filter", element -> "filter-name".equals(element.getAttribute("id")))
                    .sendKeys(familyName);
            browser.press(Keys.ENTER);
            browser.find(By.linkText(familyName));
            assertThat(browser.focused().getAttribute("id")).isEqualTo("outcome-heading");
            browser.tabTo("the person's link", element -> familyName.equals(element.getText()))
                    .sendKeys(Keys.ENTER);
            browser.find(By.id("timeline"));
            browser.tabTo("the counselling form", element -> "Beratungsgespräch erfassen".equals(element.getText()))
                    .sendKeys(Keys.ENTER);
            browser.find(By.id("agreedNextSteps"));
            browser.tabTo("a topic", element -> "topics-FAMILY".equals(element.getAttribute("id")))
                    .sendKeys(Keys.SPACE);
            browser.tabTo("the note", element -> "agreedNextSteps".equals(element.getAttribute("id")))
                    .sendKeys("Kita-Platz beantragen");
            browser.tabTo(
                            "the submit button",
                            element -> "button".equals(element.getTagName())
                                    && element.getText().equals("Erfassen"))
                    .sendKeys(Keys.ENTER);
            WebElement entry = browser.entry("Kita-Platz beantragen");
            assertThat(entry.getText()).contains("Familie und Kinder");
            browser.screenshot("recorded");
        }
    }

    /**
     * A registration from start to end without a mouse, a likely duplicate included: the second registration of
     * the same names and birth date is answered with the first person as candidate, and the caseworker confirms
     * that it is someone else.
     */
    @Test
    void theForeignersAuthorityRegistersByKeyboardAloneAndConfirmsADuplicate() {
        String name = "Tastatur" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        try (Browser browser = new Browser("keyboard-registration")) {
            browser.open(kiim.webUrl);
            browser.signIn("abh");
            String first = registerByKeyboard(browser, name, false);
            browser.scan("registered");

            browser.open(kiim.webUrl);
            browser.find(By.id("main"));
            registerByKeyboard(browser, name, true);
            String second = browser.driver.getCurrentUrl();
            assertThat(second).isNotEqualTo(first).doesNotContain(name);
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(name + ", Samira");
        }
    }

    /** Fills and sends the registration form by keyboard; answers the new person's page address. */
    private String registerByKeyboard(Browser browser, String name, boolean expectDuplicate) {
        browser.tabTo("the registration link", element -> "Person registrieren".equals(element.getText()))
                .sendKeys(Keys.ENTER);
        browser.find(By.id("registration-form"));
        browser.typeInto("familyName", name);
        browser.typeInto("givenNames", "Samira");
        browser.typeInto("dateOfBirth", "03121994");
        assertThat(browser.find(By.id("dateOfBirth")).getDomProperty("value")).isEqualTo("1994-03-12");
        browser.typeInto("nationality", "SY");
        browser.typeInto("entryDate", "05022023");
        browser.typeInto("municipality", "15085135");
        browser.tabTo("the sex picker", element -> "sex".equals(element.getDomAttribute("id")))
                .sendKeys("w");
        assertThat(browser.find(By.id("sex")).getDomProperty("value")).isEqualTo("FEMALE");
        browser.tabTo("the submit button", element -> "Registrieren".equals(element.getText()))
                .sendKeys(Keys.ENTER);
        if (expectDuplicate) {
            assertThat(browser.find(By.id("duplicate-warning")).getText())
                    .contains("Diese Person ist vielleicht schon registriert", "Mögliche Dublette 1");
            browser.scan("duplicate-warning");
            browser.tabTo("the confirmation", element -> "confirm-distinct".equals(element.getDomAttribute("id")))
                    .sendKeys(Keys.SPACE);
            browser.tabTo("the submit button", element -> "Registrieren".equals(element.getText()))
                    .sendKeys(Keys.ENTER);
        }
        browser.find(By.id("timeline"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(name + ", Samira");
        return browser.driver.getCurrentUrl();
    }

    /** Every step form works alike: pickers from the vocabularies, the refusal at its field, the step recorded. */
    @Test
    void theForeignersAuthorityChangesTheResidenceStatusAndSharesTheCaseWithTheJobcenter() {
        try (Browser browser = new Browser("steps")) {
            browser.open(kiim.webUrl + "/persons/" + personId);
            browser.signIn("abh");
            browser.click(browser.find(By.linkText("Aufenthaltsstatus ändern")));
            browser.scan("residence-status-form");
            new Select(browser.find(By.id("status"))).selectByValue("AE_25_2_REFUGEE");
            browser.find(By.id("validUntil")).sendKeys("01312029");
            browser.click(browser.find(By.cssSelector("#step-form button[type=submit]")));
            assertThat(browser.find(By.cssSelector("[data-type=ResidenceStatusChanged]"))
                            .getText())
                    .contains("31.01.2029");

            browser.click(browser.find(By.linkText("Fall mit einer Stelle teilen")));
            browser.find(By.id("agency")).sendKeys("jobcenter-harz");
            browser.click(browser.find(By.cssSelector("#step-form button[type=submit]")));
            // Without a legal basis the command service refuses, and says so at the field.
            assertThat(browser.find(By.id("legalBasis-error")).getText()).isNotBlank();
            assertThat(browser.find(By.id("agency")).getDomProperty("value")).isEqualTo("jobcenter-harz");
            browser.scan("case-share-refused");
            new Select(browser.find(By.id("legalBasis"))).selectByValue("SGB_X_69");
            browser.click(browser.find(By.cssSelector("#step-form button[type=submit]")));
            // Recorded; the foreigners' authority's own view holds no consents or shares, the Jobcenter now sees.
            browser.find(By.cssSelector("[role=status].kern-alert--success"));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> kiim.queryApi()
                                .get("/api/v1/persons/" + personId, "jobcenter")
                                .status()
                        == 200);
    }

    @Test
    void theUiSpeaksEnglishOnRequestAndItsStatementIsOpenToAll() {
        try (Browser browser = new Browser("language")) {
            browser.open(kiim.webUrl + "/accessibility");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Erklärung zur Barrierefreiheit");
            assertThat(browser.source()).contains("mailto:");
            browser.scan("statement-de");
            browser.click(browser.find(By.linkText("English")));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Accessibility statement");
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            browser.scan("statement-en");
        }
    }

    @Test
    void everyPageIsServedWithAStrictPolicyAndAProtectedSession() throws Exception {
        var http = HttpClient.newHttpClient();
        var page = http.send(
                HttpRequest.newBuilder(URI.create(kiim.webUrl + "/accessibility"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=\"");
        // A page that needs a user sends the browser to the identity provider, with PKCE.
        var protectedPage = http.send(
                HttpRequest.newBuilder(URI.create(kiim.webUrl + "/persons")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        var authorization = http.send(
                HttpRequest.newBuilder(URI.create(
                                protectedPage.headers().firstValue("Location").orElseThrow()))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String toProvider = authorization.headers().firstValue("Location").orElseThrow();
        assertThat(toProvider).contains("code_challenge=", "code_challenge_method=S256");
        assertThat(authorization.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("KIIM_SESSION=").contains("HttpOnly", "SameSite=Lax"));
    }
}
