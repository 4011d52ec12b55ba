package dev.arbiter.server.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver, on a fresh
 * profile that is deleted on close. Both binaries are named explicitly, so Selenium Manager never
 * looks for (or downloads) a browser or a driver. When they are missing the test fails and says
 * how to install them; it is never skipped.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where every page's screenshot goes; docs/console/ keeps the ones the guide shows. */
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final String consoleUrl;

    private ConsoleBrowser(ChromeDriver driver, Path profile, String consoleUrl) {
        this.driver = driver;
        this.profile = profile;
        this.consoleUrl = consoleUrl;
    }

    /** A browser on the console of the server at {@code baseUrl}, not yet on any page. */
    static ConsoleBrowser open(String baseUrl) {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertTrue(Files.isExecutable(binary), binary + " is missing: the console's browser tests need Debian's "
                    + "Chromium and its driver. Install them with `apt-get install -y chromium chromium-driver` "
                    + "(.ci/run does).");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("arbiter-console-browser");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900", "--force-device-scale-factor=1", "--lang=en-US",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        try {
            return new ConsoleBrowser(new ChromeDriver(service, options), profile, baseUrl + "/console/");
        } catch (RuntimeException e) {
            TempFiles.delete(profile);
            throw e;
        }
    }

    /** Loads the console afresh at a page fragment ("" for its start). */
    void load(String fragment) {
        driver.get(consoleUrl + (fragment.isEmpty() ? "" : "#" + fragment));
    }

    /** Signs in with {@code token} on the sign-in page, which a tab without a key shows. */
    void signIn(String token) {
        fill(field("API key"), token);
        click("Sign in");
    }

    /** Opens the console in a tab that holds no key yet, and signs in. */
    void signInAfresh(String token) {
        load("");
        script("sessionStorage.clear();");
        load("");
        signIn(token);
        visible(By.id("who-roles"));
    }

    /** The element, once it is on the page and visible. */
    WebElement visible(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element's text contains {@code text}; answers the element. */
    WebElement withText(By locator, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator);
    }

    /** The first button or link whose text is {@code text}, once it can be clicked. */
    WebElement control(String text) {
        By locator = By.xpath("//*[self::button or self::a][normalize-space(.)=" + xpathLiteral(text) + "]");
        return waiting().until(ExpectedConditions.elementToBeClickable(locator));
    }

    void click(String text) {
        control(text).click();
    }

    /** Types into a field after clearing it. */
    void fill(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    /** The field labelled {@code label}. */
    WebElement field(String label) {
        WebElement labelElement = visible(By.xpath("//label[normalize-space(.)=" + xpathLiteral(label) + "]"));
        return driver.findElement(By.id(labelElement.getDomAttribute("for")));
    }

    /** Selects {@code start} to {@code end} in a text area and types over it with real key presses. */
    void typeOver(WebElement textArea, int start, int end, String text) {
        script("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[2]);", textArea, start, end);
        new Actions(driver).sendKeys(text).perform();
    }

    Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, PATIENCE);
    }

    /** Saves the whole page, as wide as the window and as long as the page, as {@code name}.png among the screenshots. */
    void screenshot(String name) {
        Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
                "scale", 1);
        String png = (String) driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            TempFiles.delete(profile);
        }
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
