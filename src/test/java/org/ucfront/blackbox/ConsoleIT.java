package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ucfront.blackbox.RegistrarIT.assertPasses;
import static org.ucfront.blackbox.RegistrarIT.registration;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ucfront.blackbox.Sipp.Transport;

/**
 * The admin console in a real browser: headless Chromium (Debian chromium + chromium-driver)
 * driven by Selenium. Signs in, creates a user, sees a sipp registration appear, disables the
 * user and sees the endpoint go (the endpoint receiving its rejected NOTIFY). Screenshots of the
 * main pages go to target/console-screenshots/.
 */
public class ConsoleIT {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Paths.get("target/console-screenshots");

    static UcfrontServer server;
    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeClass
    public static void start() throws Exception {
        assumeTrue("Debian chromium and chromium-driver are needed (.ci/run installs them)",
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER));
        server = new UcfrontServer("console", 15520, 18520).with("UCFRONT_DIGEST_ALGORITHMS", "MD5").start();
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile()); // with the driver's path below: Selenium Manager is never run
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                // the browser opens no connection of its own (updates, sync, safe browsing)
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-default-apps", "--disable-features=Translate,OptimizationHints");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(server.log().resolveSibling("chromedriver.log").toFile()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    public void signInCreateAUserSeeItsRegistrationDisableItAndSeeTheEndpointGo() throws Exception {
        browser.get("http://127.0.0.1:" + server.httpPort + "/console/");
        browser.executeScript("sessionStorage.clear()"); // signed out, whichever test ran first
        browser.get("http://127.0.0.1:" + server.httpPort + "/");
        WebElement password = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-password")));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/console/#/sign-in")
                || browser.getCurrentUrl().endsWith("/console/"));
        screenshot("01-sign-in");

        // a wrong password: the message is shown under the password field
        password.sendKeys("not-the-password");
        browser.findElement(By.id("sign-in-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-password-error"),
                "wrong user name or password"));

        password.clear();
        password.sendKeys(UcfrontServer.ADMIN_PASSWORD);
        browser.findElement(By.id("sign-in-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stat-registeredEndpoints")));
        assertEquals("0", browser.findElement(By.id("stat-registeredEndpoints")).getText());
        screenshot("02-dashboard");

        // create a user; a bad address first, answered next to its field
        browser.findElement(By.linkText("Users")).click();
        WebElement uri = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-user-uri")));
        uri.sendKeys("sip:no-host");
        browser.findElement(By.id("create-user-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("new-user-uri-error"),
                "address of record must be user@host"));
        screenshot("03-users-error");
        uri.clear();
        uri.sendKeys("sip:quinn@" + UcfrontServer.DOMAIN);
        browser.findElement(By.id("new-user-name")).sendKeys("Quinn Console");
        browser.findElement(By.id("new-user-password")).sendKeys(RegistrarIT.PASSWORD);
        browser.findElement(By.id("create-user-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("toggle-enabled")));
        assertEquals("enabled", browser.findElement(By.id("user-state")).getText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("endpoints"), "No registered endpoint."));

        // a real registration (sipp, TCP) appears on the user's page without reloading it
        String instance = ExpectedGruu.newInstance();
        Sipp endpoint = registration("register-await-notify.xml", "quinn", instance).callId("console-endpoint")
                .set("BODY", "deregistered;event=rejected").set("ERROR_ID", "4141").set("NOTIFY_TIMEOUT", "60000")
                .transport(Transport.TCP).start(server);
        String gruu = ExpectedGruu.of("quinn", UcfrontServer.DOMAIN, instance);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#endpoints td.gruu"), gruu));
        String row = browser.findElement(By.cssSelector("#endpoints tr.endpoint")).getText();
        assertTrue(row, row.contains("TCP") && row.contains("OC/4.0.7577.0"));
        screenshot("04-user-with-endpoint");

        // a second endpoint (UDP, outlives sipp) appears, and its Deregister button removes it alone
        String second = ExpectedGruu.newInstance();
        Sipp udp = registration("register-once.xml", "quinn", second).set("ACTION", "added").transport(Transport.UDP);
        assertPasses(udp, udp.run(server));
        By secondRow = By.cssSelector("#endpoints tr[data-endpoint='urn:uuid:" + second.toLowerCase(java.util.Locale.ROOT)
                + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(secondRow));
        assertEquals(2, browser.findElements(By.cssSelector("#endpoints tr.endpoint")).size());
        browser.findElement(secondRow).findElement(By.cssSelector("button.deregister-endpoint")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(secondRow));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "deregistered."));
        String left = AdminClient.of(server).registrations("sip:quinn@" + UcfrontServer.DOMAIN);
        assertTrue(left, left.contains(instance.toLowerCase(java.util.Locale.ROOT))
                && !left.contains(second.toLowerCase(java.util.Locale.ROOT)));

        // the users list and its search
        browser.get("http://127.0.0.1:" + server.httpPort + "/console/#/users?q=quinn");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users"), "Quinn Console"));
        screenshot("05-users");
        browser.get("http://127.0.0.1:" + server.httpPort + "/console/#/dashboard");
        wait.until(ExpectedConditions.textToBe(By.id("stat-registeredEndpoints"), "1")); // the TCP one
        screenshot("06-dashboard-registered");

        // disable the user: the endpoint gets deregistered;event=rejected and leaves the page
        browser.get("http://127.0.0.1:" + server.httpPort + "/console/#/users/"
                + java.net.URLEncoder.encode("sip:quinn@" + UcfrontServer.DOMAIN, "UTF-8"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#endpoints td.gruu"), gruu));
        browser.findElement(By.id("toggle-enabled")).click();
        wait.until(ExpectedConditions.textToBe(By.id("user-state"), "disabled"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("endpoints"), "No registered endpoint."));
        assertPasses(endpoint, endpoint.await()); // sipp received the 4141 NOTIFY in its REGISTER dialog
        assertEquals("[]", AdminClient.of(server).registrations("sip:quinn@" + UcfrontServer.DOMAIN));
        screenshot("07-user-disabled");
    }

    @Test
    public void theOtherPagesRenderAndShowApiErrorsNextToTheirFields() throws Exception {
        signIn();
        browser.get("http://127.0.0.1:" + server.httpPort + "/console/#/client-versions");
        WebElement url = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule-url")));
        browser.findElement(By.id("rule-product")).sendKeys("OC");
        // older than the sipp scenarios' OC/4.0.7577.0, so the other test's registration is not blocked
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("rule-comparison"))).selectByValue("lt");
        browser.findElement(By.id("rule-version")).sendKeys("4.0.7000.0");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("rule-action")))
                .selectByValue("block-with-dynamic-url");
        url.sendKeys("https://fabrikam.com/update");
        browser.findElement(By.id("rule-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-url-error"),
                "a dynamic URL must contain folder="));
        screenshot("08-client-version-error");
        url.clear();
        url.sendKeys("https://fabrikam.com/update?folder=lync");
        browser.findElement(By.id("rule-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules"), "OC lt 4.0.7000.0"));
        screenshot("09-client-versions");

        browser.get("http://127.0.0.1:" + server.httpPort + "/console/#/policies");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("policy-form")));
        browser.findElement(By.id("policy-name")).sendKeys("Executives");
        WebElement audio = browser.findElement(By.id("policy-AllowIPAudio"));
        audio.sendKeys("maybe");
        browser.findElement(By.id("policy-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("policy-AllowIPAudio-error"),
                "properties.AllowIPAudio"));
        screenshot("10-policies-error");
        audio.clear();
        audio.sendKeys("false");
        browser.findElement(By.id("policy-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("policies"), "AllowIPAudio=false"));
        screenshot("10-policies");
        browser.get("http://127.0.0.1:" + server.httpPort + "/console/#/directory");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "No directory is configured"));
        screenshot("11-directory");
        browser.get("http://127.0.0.1:" + server.httpPort + "/console/#/voicemail");
        // a dial plan with one UM server (issue 5's API); a server's bad field is shown under the servers input
        WebElement servers = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dial-plan-servers")));
        browser.findElement(By.id("dial-plan-name")).sendKeys("Redmond");
        servers.sendKeys("[{\"fqdn\":\"not a host\"}]");
        browser.findElement(By.id("dial-plan-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dial-plan-servers-error"), "fqdn:"));
        servers.clear();
        servers.sendKeys("[{\"fqdn\":\"um1.fabrikam.com\",\"version\":15,\"frontEnd\":false,"
                + "\"transport\":\"tls\",\"address\":\"127.0.0.1\",\"port\":5061}]");
        browser.findElement(By.id("dial-plan-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dial-plans"), "um1.fabrikam.com"));
        screenshot("12-voicemail");
        browser.get("http://127.0.0.1:" + server.httpPort + "/console/#/registrations");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Registrations ("));
        screenshot("13-registrations");
    }

    private static void signIn() {
        browser.get("http://127.0.0.1:" + server.httpPort + "/console/");
        wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-password")),
                ExpectedConditions.visibilityOfElementLocated(By.id("stat-registeredEndpoints"))));
        if (!browser.findElements(By.id("sign-in-password")).isEmpty()) {
            browser.findElement(By.id("sign-in-password")).sendKeys(UcfrontServer.ADMIN_PASSWORD);
            browser.findElement(By.id("sign-in-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stat-registeredEndpoints")));
        }
    }

    private static void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
