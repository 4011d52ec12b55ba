package dev.arbiter.server.cli;

/** The policy files the command tests write. */
final class PolicyTexts {

    private PolicyTexts() {}

    /** The support desk's refunds, allowed under {@code condition}: policy {@code id} of {@code service}, in YAML. */
    static String refunds(String id, String service, String condition) {
        return """
                id: %s
                service: %s
                rules:
                  - name: support-refunds
                    effect: allow
                    roles: [support]
                    actions: ["refunds:create"]
                    condition: %s
                """.formatted(id, service, condition);
    }
}
