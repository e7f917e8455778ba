package de.kiim.web.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, driven by its chromedriver), with what every journey needs: signing in at
 * the identity provider, an axe-core scan of the page against WCAG 2.1 A and AA, screenshots kept under
 * {@code target/screenshots}, and moving by keyboard alone.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** axe-core from the npm packages the build installs (package.json, devDependencies). */
    private static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final WebDriverWait wait;
    private final String journey;
    private int shot;

    Browser(String journey) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(
                    "The browser journeys need Debian's Chromium: apt-get install -y chromium chromium-driver");
        }
        this.journey = journey;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--window-size=1280,1024",
                // The browser's own locale decides how date fields take typed digits: month, day, year.
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("LANG", "en_US.UTF-8"))
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void open(String url) {
        driver.get(url);
    }

    /** Signs in at the identity provider's login page, where the web UI has sent the browser. */
    void signIn(String username) {
        until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        scan("login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
    }

    /** Signs out through the header's button and waits for the provider's login page. */
    void signOut() {
        click(driver.findElement(By.cssSelector("form[action$='/logout'] button")));
        until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    /** Waits for {@code condition}; when it never holds, keeps a screenshot of what the page showed instead. */
    <T> T until(java.util.function.Function<? super WebDriver, T> condition) {
        try {
            return wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException timeout) {
            screenshot("timed-out");
            throw timeout;
        }
    }

    WebElement find(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clicks as a user would: scrolled into the middle of the window first (at once: KERN scrolls smoothly). */
    void click(WebElement element) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** The timeline entry that shows {@code text}, once the page has it. */
    WebElement entry(String text) {
        return until(page -> page.findElements(By.cssSelector(".kiim-timeline__entry")).stream()
                .filter(element -> element.getText().contains(text))
                .findFirst()
                .orElse(null));
    }

    /** What the page's live region last announced to screen readers (it is hidden from sight). */
    String announced() {
        return driver.findElement(By.id("announcer")).getDomProperty("textContent");
    }

    String source() {
        return driver.getPageSource();
    }

    /**
     * Runs axe-core on the page as it is now and fails on any violation of WCAG 2.0/2.1 A or AA, naming the rule
     * and the elements; keeps a screenshot named after the step either way.
     */
    @SuppressWarnings("unchecked")
    void scan(String step) {
        screenshot(step);
        JavascriptExecutor script = (JavascriptExecutor) driver;
        try {
            script.executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is missing: run the build (npm ci) first", e);
        }
        List<Map<String, Object>> violations =
                (List<Map<String, Object>>) script.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(result => done(result.violations.map(v => ({id: v.id, help: v.help,"
                        + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))"
                        + ".catch(error => done([{id: 'axe-failed', help: String(error), nodes: []}]));");
        assertThat(violations)
                .as("WCAG 2.1 A/AA violations on %s (%s)", step, driver.getCurrentUrl())
                .isEmpty();
    }

    void screenshot(String step) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", journey, ++shot, step)), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Presses Tab until the focused element is the one wanted, failing after 80 presses. */
    WebElement tabTo(String description, Predicate<WebElement> wanted) {
        for (int press = 0; press < 80; press++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached " + description + " on " + driver.getCurrentUrl());
    }

    /** Tabs to the field of this id and types into it, as a keyboard user does. */
    void typeInto(String id, CharSequence text) {
        tabTo("field " + id, element -> id.equals(element.getDomAttribute("id")))
                .sendKeys(text);
    }

    void press(CharSequence keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
