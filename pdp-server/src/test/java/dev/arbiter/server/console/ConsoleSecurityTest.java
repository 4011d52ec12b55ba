package dev.arbiter.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.Eventually;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * What the console must never do, in a real browser: show a key more than its roles allow, run a
 * string that came from a policy or a request, run any script but its own, or keep the key
 * anywhere but the tab's session storage.
 */
class ConsoleSecurityTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    /** The issue's own example: were it ever parsed as HTML, the alert would stop the browser test. */
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMAGE = "<img src=x onerror=alert(1)>";
    static final String HOSTILE_POLICY = """
            {"id": "hostile", "service": "payments", "description": "%s",
             "rules": [{"name": "notes", "effect": "allow", "roles": ["*"], "actions": ["charges:read"],
                        "condition": "resource.attr.note != \\"%s\\""}]}""".formatted(SCRIPT, IMAGE);

    private static ConsoleBrowser browser;

    @BeforeAll
    static void hostileDataAndBrowser() {
        ApiClient.Response stored = arbiter.admin().put("/v1/policies/hostile", HOSTILE_POLICY);
        assertEquals(201, stored.status(), stored.body());
        String check = """
                {"principal": {"id": "%s", "attr": {"nick": "%s"}}, "action": "charges:read",
                 "resource": {"service": "payments", "kind": "charge"}}""".formatted(IMAGE, SCRIPT);
        String decision = arbiter.admin().post("/v1/check", check).json().get("decisionId").asText();
        Eventually.await(Duration.ofSeconds(20), "the hostile decision in the log",
                () -> arbiter.admin().get("/v1/decisions/" + decision).status() == 200 ? true : null);
        browser = ConsoleBrowser.open(arbiter.server().baseUrl());
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void aKeyWithoutTheRoleIsToldSoPlainly() {
        browser.signInAfresh(arbiter.server().createKey("only-checks", "check"));
        List<String> menu = browser.driver().findElements(By.cssSelector("#nav a")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Try a request"), menu);
        browser.withText(By.tagName("main"), "Not with this key: it needs the role policy-admin or auditor.");

        browser.load("/policies");
        browser.withText(By.cssSelector("main .notice.error"),
                "This key cannot use Policies: it needs the role policy-admin or auditor, which it does not have.");
        assertEquals("Policies", browser.visible(By.tagName("h1")).getText());
        browser.screenshot("13-refusal");
        browser.load("/decisions");
        browser.withText(By.cssSelector("main .notice.error"),
                "This key cannot use Decision log: it needs the role auditor, which it does not have.");
    }

    @Test
    void anUnknownKeyIsRefusedAtTheDoor() {
        browser.load("");
        browser.script("sessionStorage.clear();");
        browser.load("");
        browser.signIn("arb_" + "x".repeat(43));
        browser.withText(By.cssSelector("form .notice.error"),
                "The server does not accept this key: unknown or revoked token.");
        assertNull(browser.script("return sessionStorage.getItem('arbiter.console.key');"));
    }

    @Test
    void stringsFromPoliciesAndRequestsAreShownAsText() {
        browser.signInAfresh(arbiter.server().createKey("reviewer", "policy-admin", "auditor"));
        browser.click("Policies");
        WebElement description = browser.visible(By.xpath("//tr[td[1]='hostile']/td[2]"));
        assertEquals(SCRIPT, description.getText());
        assertNothingRan();
        browser.screenshot("14-script-as-text");

        browser.click("hostile");
        browser.withText(By.className("validation"), "No problems");
        String text = browser.visible(By.cssSelector("textarea.code")).getDomProperty("value");
        assertTrue(text.contains(SCRIPT) && text.contains(IMAGE), text);
        assertNothingRan();

        browser.click("Decision log");
        WebElement principal = browser.visible(By.xpath("//main//tbody/tr[1]/td[3]"));
        assertEquals(IMAGE, principal.getText());
        assertNothingRan();
        browser.visible(By.xpath("//main//tbody/tr[1]/td[1]/a")).click();
        browser.withText(By.cssSelector("pre.json"), "\"nick\": \"" + SCRIPT + "\"");
        assertNothingRan();
    }

    @Test
    void noScriptButTheConsolesOwnRuns() {
        browser.load("");
        String policy = (String) browser.script(
                "return fetch('/console/').then(answer => answer.headers.get('content-security-policy'));");
        assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'", policy);
        Object violated = browser.script("""
                return new Promise(resolve => {
                  document.addEventListener('securitypolicyviolation', event => resolve(event.effectiveDirective));
                  const script = document.createElement('script');
                  script.textContent = 'window.inlineRan = true';
                  document.head.append(script);
                  setTimeout(() => resolve(window.inlineRan ? 'the inline script ran' : 'no violation reported'), 5000);
                });""");
        assertEquals("script-src-elem", violated, "the browser enforces the policy on an inline script");
        assertNull(browser.script("return window.inlineRan ?? null;"));
    }

    @Test
    void theKeyLivesInTheTabsSessionOnlyAndSigningOutForgetsIt() {
        String token = arbiter.server().createKey("session-holder", "auditor");
        browser.signInAfresh(token);
        assertEquals(token, browser.script("return sessionStorage.getItem('arbiter.console.key');"));
        assertEquals("", browser.script("return document.cookie;"));
        assertEquals(0L, browser.script("return localStorage.length;"));
        assertFalse(browser.driver().getCurrentUrl().contains(token));
        browser.click("Decision log");
        browser.visible(By.cssSelector("main .results > *"));
        Object urls = browser.script("return performance.getEntriesByType('resource').map(entry => entry.name).join(' ');");
        assertFalse(urls.toString().contains(token), urls.toString());

        browser.click("Sign out");
        browser.withText(By.tagName("main"), "Signed out. The key was removed from this tab.");
        assertNull(browser.script("return sessionStorage.getItem('arbiter.console.key');"));
        assertTrue(browser.driver().findElement(By.id("nav")).getDomProperty("hidden").equals("true"));
    }

    /** No string of the data became an element, and no alert of theirs is open. */
    private static void assertNothingRan() {
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert(),
                "a string of the data ran as code");
        assertEquals(0L, browser.script("return document.querySelectorAll('main script, main img').length;"));
    }
}
