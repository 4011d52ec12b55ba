package dev.arbiter.server.engine;

/**
 * A condition reading one named member of a request variable, e.g. {@code resource.attr.amount}
 * (object {@code resource.attr}, name {@code amount}) or {@code principal.id}.
 *
 * @param object {@code principal}, {@code resource}, {@code principal.attr}, {@code resource.attr} or {@code context}
 * @param line 1-based line in the condition, or 0 when unknown
 * @param column 1-based column in the condition, or 0 when unknown
 */
public record AttributeRead(String object, String name, int line, int column) {

    public String path() {
        return object + "." + name;
    }
}
