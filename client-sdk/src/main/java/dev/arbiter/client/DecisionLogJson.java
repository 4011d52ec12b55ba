package dev.arbiter.client;

/** The JSON of the decision log's answers. */
final class DecisionLogJson {

    private DecisionLogJson() {}

    /** The members naming a logged decision: id, time, principal, action, resource. */
    static DecisionSubject subject(JsonObject json) throws MalformedAnswerException {
        JsonObject principal = json.object("principal");
        JsonObject resource = json.object("resource");
        return new DecisionSubject(json.string("decisionId"), json.instant("time"), principal.string("id"),
                principal.strings("roles"), json.string("action"), resource.string("service"),
                resource.string("kind"), resource.string("id"));
    }
}
