package dev.arbiter.server.cli.repo;

/** A 1-based line and column in a file. */
public record Position(int line, int column) {

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
