package dev.arbiter.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The directory page in a real browser: entries found by their filters, edited as JSON with a
 * dry-run preview, saved and deleted through {@code _apply}; read-only for an auditor; and the
 * try page telling what a decision took from the directory.
 */
class ConsoleDirectoryTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    private static ConsoleBrowser browser;
    private static ApiClient admin;

    @BeforeAll
    static void entriesAndBrowser() {
        admin = arbiter.admin();
        ApiClient.Response applied = admin.post("/v1/entities/_apply", """
                {"principals": [
                   {"id": "alice@acme.com", "type": "user", "roles": ["support"], "attr": {"department": "billing"}},
                   {"id": "bob@acme.com", "type": "user", "roles": ["viewer"]},
                   {"id": "spiffe://acme.prod/ns/shop/sa/checkout", "type": "workload", "roles": ["service"]}],
                 "resources": [{"service": "payments", "kind": "charge", "id": "ch/1:a", "attr": {"env": "prod"}}]}""");
        assertEquals(200, applied.status(), applied.body());
        assertEquals(201, admin.put("/v1/policies/refunds", """
                {"service": "payments", "rules": [{"name": "support-refunds", "effect": "allow",
                  "roles": ["support"], "actions": ["refunds:create"]}]}""").status());
        browser = ConsoleBrowser.open(arbiter.server().baseUrl());
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void anEntryIsFoundPreviewedSavedAndDeleted() {
        browser.signInAfresh(TestServer.ADMIN_TOKEN);
        browser.click("Directory");
        browser.fill(browser.field("Type"), "user");
        browser.click("Search");
        WebElement results = browser.withText(By.cssSelector("main .results"), "bob@acme.com");
        assertTrue(results.getText().contains("alice@acme.com"), results.getText());
        assertTrue(!results.getText().contains("checkout"), "a workload is not a user: " + results.getText());

        editButtonOf("alice@acme.com").click();
        WebElement editor = labelled("The principal (JSON)");
        String edited = """
                {"id": "alice@acme.com", "type": "user", "roles": ["support", "refunds-lead"], "attr": {}}""";
        browser.typeOver(editor, 0, editor.getDomProperty("value").length(), edited);
        browser.click("Preview (dry run)");
        browser.withText(By.cssSelector("main .panel"), "Preview: nothing was written.");
        assertEquals("[\"support\"]", stored("alice@acme.com").get("roles").toString(), "the preview wrote nothing");

        browser.click("Save");
        browser.withText(By.cssSelector("main .panel"), "Saved.");
        assertEquals("[\"support\",\"refunds-lead\"]", stored("alice@acme.com").get("roles").toString());
        browser.screenshot("18-directory-entry");

        assertTrue(browser.driver().findElements(By.xpath("//button[normalize-space(.)='Yes, delete this principal']"))
                .stream().noneMatch(WebElement::isDisplayed), "the deletion asks for confirmation first");
        browser.click("Delete…");
        browser.click("Yes, delete this principal");
        browser.withText(By.cssSelector("main .panel"), "Deleted.");
        assertEquals(404, admin.get("/v1/entities/principals/alice%40acme.com").status());
    }

    @Test
    void anAuditorReadsResourcesButCannotChangeThem() {
        browser.signInAfresh(arbiter.server().createKey("directory-reader", "auditor"));
        browser.click("Directory");
        browser.click("Resources");
        browser.fill(browser.field("Service"), "payments");
        browser.click("Search");
        browser.withText(By.cssSelector("main .results"), "ch/1:a");
        browser.click("Open");
        browser.withText(By.cssSelector("main .panel"),
                "This key may read the directory but not change it (it lacks the role policy-admin).");
        assertTrue(browser.driver().findElements(By.xpath("//button[normalize-space(.)='Save']")).isEmpty());
        assertTrue(browser.driver().findElements(By.xpath("//button[normalize-space(.)='New resource']")).stream()
                .noneMatch(WebElement::isDisplayed));
    }

    @Test
    void theTryPageTellsWhatTheDirectoryAdded() {
        browser.signInAfresh(TestServer.ADMIN_TOKEN);
        browser.click("Try a request");
        browser.click("JSON");
        WebElement request = labelled("Check request (JSON)");
        browser.typeOver(request, 0, request.getDomProperty("value").length(), """
                {"principal": {"id": "bob@acme.com"}, "action": "refunds:create",
                 "resource": {"service": "payments", "kind": "charge", "id": "ch/1:a"}}""");
        browser.click("Decide");
        WebElement added = browser.withText(By.cssSelector("main .from-directory"), "principal: roles viewer");
        assertTrue(added.getText().contains("resource: attributes env"), added.getText());
        browser.withText(By.cssSelector("main .result h2"), "Decision:");
    }

    /** A code editor, which is labelled by aria-label. */
    private static WebElement labelled(String label) {
        return browser.visible(By.cssSelector("textarea[aria-label='" + label + "']"));
    }

    private static WebElement editButtonOf(String id) {
        return browser.visible(By.xpath("//tr[td[normalize-space(.)='" + id + "']]//button[normalize-space(.)='Edit']"));
    }

    private static JsonNode stored(String id) {
        ApiClient.Response response = admin.get("/v1/entities/principals/" + id.replace("@", "%40"));
        assertEquals(200, response.status(), response.body());
        return response.json();
    }
}
