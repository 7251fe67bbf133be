package net.adfederation.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import net.adfederation.embeddedad.SambaRequirement;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser for the tests: Debian's headless Chromium driven through chromium-driver (no
 * Selenium Manager, no download). Every page a test looks at can be kept as a screenshot under
 * it-tests/target/screenshots/ and checked with axe-core for WCAG 2.1 A/AA violations.
 * Where Chromium is not installed the test skips, unless real components are required (CI).
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of(System.getProperty("adfed.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("adfed.chromedriver", "/usr/bin/chromedriver"));
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    /** A fresh headless Chromium with no cookies; skips (or fails on CI) where Chromium is missing. */
    public static Browser open() {
        return open(List.of(), java.util.Map.of());
    }

    /**
     * A fresh headless Chromium with extra command-line switches and environment (given to
     * chromium-driver, whose Chromium inherits it): KRB5CCNAME and KRB5_CONFIG for a Kerberos ticket
     * with {@code --auth-server-allowlist}, say.
     */
    public static Browser open(List<String> arguments, java.util.Map<String, String> environment) {
        SambaRequirement.here().require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium (" + CHROMIUM + ") and chromium-driver (" + CHROMEDRIVER + ")",
                "apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US");
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(environment).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String url) {
        driver.get(url);
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    /** The visible text of the page body. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Types into a field found by id, replacing what it held. */
    public Browser type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Clicks and waits until the browser has left the current document (a form post or a link). */
    public Browser clickAndWait(By by) {
        WebElement element = driver.findElement(by);
        element.click();
        return waitUntilLeft(element);
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses keys (Enter, say) in the focused element and waits until the browser has left the current document. */
    public Browser pressAndWait(CharSequence... keys) {
        WebElement element = focused();
        element.sendKeys(keys);
        return waitUntilLeft(element);
    }

    /** Waits until the element is on the page (a page that a script leads or renders to). */
    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    /** Waits until the page shows the text (pages that a script renders after loading). */
    public Browser waitForText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> text().contains(text));
        return this;
    }

    /** Waits until the browser is at exactly this address (redirects done). */
    public Browser waitForUrl(String url) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .withMessage(() -> "waiting for " + url + ", at " + url() + ": " + text())
                .until(d -> url.equals(d.getCurrentUrl()));
        return this;
    }

    private Browser waitUntilLeft(WebElement element) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> isStale(element));
        return this;
    }

    /** Fills Keycloak's sign-in form (fields username and password, button kc-login) and submits it. */
    public Browser signIn(String username, String password) {
        type("username", username).type("password", password);
        return clickAndWait(By.id("kc-login"));
    }

    /** Keeps the current page as target/screenshots/NAME.png (the test output that shows each page). */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the page as a screenshot and checks it with axe-core: what every page of ours gets. */
    public void keep(String name) {
        screenshot(name);
        assertAccessible(name);
    }

    /** Runs axe-core on the current page and fails listing every WCAG 2.1 A/AA violation. */
    public void assertAccessible(String pageName) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations).as("axe-core WCAG 2.1 A/AA violations on " + pageName + " (" + url() + "):\n"
                + violations.stream().map(Browser::describe).collect(Collectors.joining("\n"))).isEmpty();
    }

    private static String describe(Rule rule) {
        String nodes = rule.getNodes().stream().map(n -> "    " + n.getTarget() + " " + n.getFailureSummary())
                .collect(Collectors.joining("\n"));
        return "  " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n" + nodes;
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            // Chromium sometimes reports a node of the document just left this way instead.
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) return true;
            throw e;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
