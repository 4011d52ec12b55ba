package dev.arbiter.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openqa.selenium.WebElement;

/**
 * The policy editor's safety tools in a real browser: the impact preview, a save that meets
 * someone else's, the history with its diff and rollback, and a policy that starts in dry run.
 */
class ConsolePolicyToolsTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    private static ConsoleBrowser browser;

    @BeforeAll
    static void trafficKeyAndBrowser() {
        Payments.storeAndCharge(arbiter.admin(), arbiter.clientWithRoles("checkout", "check"), 800, 5000, 9000, 30000);
        Eventually.await(Duration.ofSeconds(20), "the charges in the log", () ->
                arbiter.admin().get("/v1/decisions?service=payments").json().get("decisions").size() == 5 ? true : null);
        browser = ConsoleBrowser.open(arbiter.server().baseUrl());
        browser.signInAfresh(arbiter.server().createKey("console-tools", "policy-admin", "auditor"));
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void theImpactPreviewListsTheLoggedDecisionsThatWouldFlip() {
        browser.load("/policies/payments-api");
        WebElement editor = editorOnceValid();
        int limit = editor.getDomProperty("value").indexOf("10000");
        browser.typeOver(editor, limit, limit + 5, "1000");
        browser.click("Preview impact on logged decisions");
        browser.withText(By.className("impact-summary"), "2 would flip: 2 from allow to deny, 0 from deny to allow.");
        List<WebElement> flips = browser.driver().findElements(By.cssSelector(".panel table tbody tr"));
        assertEquals(List.of("ch_9000", "ch_5000"), flips.stream()
                .map(row -> row.findElements(By.tagName("td")).get(3).getText())
                .map(resource -> resource.replace("payments / charge / ", "")).toList());
        browser.screenshot("15-policy-impact");
        assertEquals(1, arbiter.admin().get("/v1/policies/payments-api").json().get("version").asInt(), "nothing saved");
    }

    @Test
    void aSaveThatMeetsSomeoneElsesIsRefusedAndShown() {
        assertEquals(201, arbiter.admin().put("/v1/policies/ledger", oneRule("ledger", "finance", "ledger:read")).status());
        browser.load("/policies/ledger");
        WebElement editor = editorOnceValid();
        assertEquals(200, arbiter.admin().put("/v1/policies/ledger", oneRule("ledger", "finance", "ledger:list"),
                "If-Match", "\"1\"").status());
        int action = editor.getDomProperty("value").indexOf("ledger:read");
        browser.typeOver(editor, action, action + "ledger:read".length(), "ledger:export");
        browser.click("Review changes and save…");
        browser.click("Save as version 2");

        WebElement conflict = browser.withText(By.cssSelector(".panel"), "The stored policy changed since you opened it");
        assertTrue(conflict.getText().contains("policy 'ledger' is at version 2, not 1"), conflict.getText());
        assertTrue(conflict.getText().lines().anyMatch(line -> line.startsWith("-") && line.contains("ledger:list")));
        assertTrue(conflict.getText().lines().anyMatch(line -> line.startsWith("+") && line.contains("ledger:export")));
        browser.screenshot("16-policy-conflict");
        assertTrue(arbiter.admin().get("/v1/policies/ledger").body().contains("ledger:list"), "theirs is kept");

        browser.click("Review my edit against version 2…");
        browser.click("Save as version 3");
        browser.withText(By.className("flash"), "Saved ledger as version 3");
        assertTrue(arbiter.admin().get("/v1/policies/ledger").body().contains("ledger:export"));
    }

    @Test
    void theHistoryComparesAnyTwoVersionsAndRollsBack() {
        ApiClient admin = arbiter.admin();
        assertEquals(201, admin.put("/v1/policies/audit-trail", oneRule("audit", "auditor", "audit:read")).status());
        assertEquals(200, admin.put("/v1/policies/audit-trail", oneRule("audit", "auditor", "audit:list")).status());
        assertEquals(200, admin.put("/v1/policies/audit-trail", oneRule("audit", "auditor", "audit:export")).status());
        browser.load("/policies/audit-trail/history");
        browser.withText(By.cssSelector("section.panel"), "Version 2 → version 3");

        browser.visible(By.cssSelector("input[aria-label='Compare from version 1']")).click();
        browser.click("Compare the chosen versions");
        WebElement diff = browser.withText(By.cssSelector("section.panel"), "Version 1 → version 3");
        assertTrue(diff.getText().lines().anyMatch(line -> line.startsWith("-") && line.contains("audit:read")));
        assertTrue(diff.getText().lines().anyMatch(line -> line.startsWith("+") && line.contains("audit:export")));

        browser.click("Roll back to version 1");
        JsonNode current = Eventually.await(Duration.ofSeconds(10), "the rollback", () -> {
            JsonNode policy = admin.get("/v1/policies/audit-trail").json();
            return policy.get("version").asInt() == 4 ? policy : null;
        });
        assertTrue(current.toString().contains("audit:read"), current.toString());
        browser.withText(By.className("flash"), "Rolled back: version 4 (store revision " + current.get("revision").asLong()
                + ") equals version 1.");
        browser.withText(By.tagName("table"), "rollback to version 1");
        browser.screenshot("17-policy-history");
    }

    @Test
    void aNewPolicyCanStartInDryRun() {
        browser.load("/policies");
        browser.click("New policy");
        WebElement editor = editorOnceValid();
        int id = editor.getDomProperty("value").indexOf("new-policy");
        browser.typeOver(editor, id, id + "new-policy".length(), "fraud-watch");
        browser.visible(By.id("dry-run")).click();
        Eventually.await(Duration.ofSeconds(5), "the mode in the text",
                () -> editor.getDomProperty("value").contains("\"mode\": \"dry_run\"") ? true : null);
        browser.click("Review changes and save…");
        browser.click("Create the policy");
        browser.withText(By.className("flash"), "Saved fraud-watch as version 1");
        assertEquals("Policy fraud-watch", browser.visible(By.tagName("h1")).getText());
        assertEquals("dry_run", arbiter.admin().get("/v1/policies/fraud-watch").json().get("mode").asText());
        browser.click("Policies");
        browser.withText(By.xpath("//tr[td[1]='fraud-watch']"), "dry run");
    }

    private static WebElement editorOnceValid() {
        browser.withText(By.className("validation"), "No problems");
        return browser.visible(By.cssSelector("textarea.code"));
    }

    /** A policy of one rule that lets {@code role} do {@code action} on {@code service}. */
    private static String oneRule(String service, String role, String action) {
        return """
                {"service": "%s", "rules": [{"name": "readers", "effect": "allow", "roles": ["%s"], "actions": ["%s"]}]}"""
                .formatted(service, role, action);
    }
}
