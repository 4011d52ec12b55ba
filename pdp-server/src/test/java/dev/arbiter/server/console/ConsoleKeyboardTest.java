package dev.arbiter.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ArbiterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The console without a mouse: sign in, move between pages and go to a validation error by keyboard alone. */
class ConsoleKeyboardTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    private static ConsoleBrowser browser;

    @BeforeAll
    static void policyAndBrowser() {
        assertEquals(201, arbiter.admin().put("/v1/policies/payments-api", Payments.POLICY).status());
        browser = ConsoleBrowser.open(arbiter.server().baseUrl());
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void everyStepWorksFromTheKeyboard() {
        browser.load("");
        browser.visible(By.xpath("//h1[.='Sign in']"));
        assertEquals("API key", labelOf(focused()), "the key's field has the focus");
        keys(arbiter.server().createKey("keyboard", "policy-admin"), Keys.ENTER);
        browser.withText(By.id("who-roles"), "policy-admin");
        assertEquals("Overview", browser.withText(By.tagName("h1"), "Overview").getText());
        assertEquals("h1", focused().getTagName(), "a new page starts at its heading");

        tabTo("Policies");
        keys(Keys.ENTER);
        browser.withText(By.tagName("main"), "Service payments");
        tabTo("payments-api");
        keys(Keys.ENTER);
        browser.withText(By.className("validation"), "No problems");

        WebElement editor = browser.visible(By.cssSelector("textarea.code"));
        int typo = editor.getDomProperty("value").indexOf("principal.attr.env");
        browser.typeOver(editor, typo, typo + "principal".length(), "principle");
        browser.withText(By.cssSelector(".problem.error"), "'principle' is not defined");
        keys(Keys.TAB);
        assertTrue(focused().getText().startsWith("Line "), "the problem is the next stop after the editor");
        keys(Keys.ENTER);
        assertEquals(editor, focused());
        assertEquals(typo, ((Number) browser.script("return arguments[0].selectionStart;", editor)).intValue());
    }

    private static WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    private static String labelOf(WebElement control) {
        return browser.driver().findElement(By.cssSelector("label[for='" + control.getDomAttribute("id") + "']")).getText();
    }

    private static void keys(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    /** Presses Tab until the link or button named {@code text} has the focus. */
    private static void tabTo(String text) {
        for (int presses = 0; presses < 40; presses++) {
            keys(Keys.TAB);
            if (focused().getText().equals(text)) {
                return;
            }
        }
        throw new AssertionError(text + " cannot be reached with Tab");
    }
}
