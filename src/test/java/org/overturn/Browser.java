package org.overturn;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, both named explicitly so that Selenium Manager has
 * nothing to look up or download. A fresh profile and download folder per browser; screenshots go to
 * {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    private Browser() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        profile = Files.createTempDirectory("overturn-chromium-profile");
        downloads = Files.createTempDirectory("overturn-downloads");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true,
                "safebrowsing.enabled", false));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // elements of a page that is still arriving after a click are looked for, not missed
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    public static Browser start() {
        try {
            return new Browser();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Clicks what loads another page and waits until the old one is gone: elements found before the new page
     * arrives would be stale (or, worse, the old page's).
     */
    public void openNextPage(WebElement link) {
        WebElement old = driver.findElement(By.tagName("html"));
        link.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> isGone(old));
    }

    /**
     * Whether the old page's element is gone. Chrome may answer "node does not belong to the document" instead of a
     * stale element while the next page replaces it (seen under load): that is gone too.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public Path downloads() {
        return downloads;
    }

    /** Saves the whole page (the window grown to the page's height) as {@code target/screenshots/NAME.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Dimension laptop = driver.manage().window().getSize();
            Object height = ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            int pageHeight = Math.min(4000, Math.max(laptop.getHeight(), ((Number) height).intValue() + 140));
            driver.manage().window().setSize(new Dimension(laptop.getWidth(), pageHeight));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(laptop);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what a laptop screen shows (1366x768) as {@code target/screenshots/NAME.png}. */
    public Path screenshotOfScreen(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
            deleteQuietly(downloads);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
