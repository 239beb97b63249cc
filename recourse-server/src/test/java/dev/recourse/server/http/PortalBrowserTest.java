package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recourse.server.http.auth.ApiRole;
import dev.recourse.store.TestCases;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The portal in a real browser: Debian's headless Chromium driven by Selenium through {@value #CHROMEDRIVER}. People
 * search decisions, open a record, read the statistics and verify a receipt by pasting it. Skipped, saying why, only
 * where Chromium is not installed; CI installs it ({@code .ci/run}).
 */
@Tag("browser")
@EnabledIf(value = "chromiumInstalled", disabledReason = "browser tests need Debian's chromium and chromium-driver"
        + " (/usr/bin/chromium, /usr/bin/chromedriver): apt-get install chromium chromium-driver")
class PortalBrowserTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @RegisterExtension
    static final TestApi api = new TestApi();
    private static Path profile;
    private static ChromeDriverService service;
    private static WebDriver browser;
    private static String decision;

    static boolean chromiumInstalled() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    @BeforeAll
    static void start() throws IOException {
        Client.Reply notice = api.post(ApiRole.PLATFORM, "/v1/notices", Bodies.notice("browser-1", "owner-1"));
        Client.Reply decided = api.post(ApiRole.MODERATOR, "/v1/decisions", Bodies.removal("browser-1", notice.string("notice"),
                Bodies.illegalReasons()));
        assertThat(decided.status()).as(decided.text()).isEqualTo(201);
        decision = decided.string("decision");

        // The driver is the one Debian ships; Selenium Manager, which would download one, is never asked.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        profile = Files.createTempDirectory("recourse-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600", "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10)).pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            TestCases.deleteTree(profile);
        }
    }

    private static void open(String path) {
        browser.get(api.server().url() + path);
    }

    @Test
    void searchingByCategoryFindsTheDecisionAndOpensItsRecord() {
        open("/portal/decisions");
        browser.findElement(By.cssSelector("#category option[value='STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH']")).click();
        navigateBy(By.cssSelector("form[role='search'] button[type='submit']"));

        assertThat(browser.getCurrentUrl()).contains("category=STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH");
        navigateBy(By.cssSelector("#results a[href='/portal/decisions/" + decision + "']"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Decision " + decision);
        assertThat(browser.findElement(By.id("entry")).getText()).contains("\"type\":\"DecisionTaken\"");
        assertThat(browser.findElement(By.id("receipt")).getAttribute("href")).matches(".*/v1/receipts/[0-9]+");
    }

    @Test
    void aSearchThatMatchesNothingSaysSo() {
        open("/portal/decisions");
        browser.findElement(By.cssSelector("#category option[value='STATEMENT_CATEGORY_SCAMS_AND_FRAUD']")).click();
        navigateBy(By.cssSelector("form[role='search'] button[type='submit']"));

        assertThat(browser.findElement(By.id("results")).getText()).isEqualTo("No decision matches.");
    }

    @Test
    void theStatisticsShowTheDecisionInFiguresAndCharts() throws IOException {
        open("/portal/statistics");

        assertThat(browser.findElement(By.cssSelector("#decisions strong")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("chart-decisions")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#chart-categories rect"))).hasSize(1);
        assertThat(browser.findElement(By.id("safeguards")).getText()).contains("breaker", "recall");
        Path shot = Path.of("target", "portal-statistics.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aPastedReceiptIsVerified() {
        open("/portal/decisions/" + decision);
        Matcher position = Pattern.compile("/v1/receipts/([0-9]+)$").matcher(browser.findElement(By.id("receipt")).getAttribute("href"));
        assertThat(position.find()).isTrue();
        Client.Reply receipt = api.client().get("/v1/receipts/" + position.group(1)).send();
        assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);

        open("/portal/verify");
        browser.findElement(By.id("receipt")).sendKeys(receipt.text());
        navigateBy(By.id("verify"));

        assertThat(browser.findElement(By.id("verdict")).getText()).contains("This receipt verifies.");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("What this does not prove");
    }

    /**
     * Clicks what {@code target} finds and waits until the browser has left the page: a click only starts the
     * navigation, and reading the next page before it arrives would read the old one.
     */
    private static void navigateBy(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException left) {
                return true;
            }
        });
    }
}
