package dev.arbiter.client;

/**
 * Something a valid policy probably does not mean, as {@code _validate} finds it (e.g. a rule
 * another policy always overrides, or an attribute name that looks like a typo).
 *
 * @param code the snake_case kind of warning
 * @param problem where it is and what it says
 */
public record PolicyWarning(String code, ArbiterApiException.Problem problem) {}
