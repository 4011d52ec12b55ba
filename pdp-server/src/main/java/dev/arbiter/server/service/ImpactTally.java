package dev.arbiter.server.service;

import dev.arbiter.server.audit.LoggedDecision;
import dev.arbiter.server.audit.query.DecisionQueries;
import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.Replay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays logged decisions as they stream from the log, newest first, and counts what the
 * candidate policies would change; keeps the first {@code maxListed} flips. Memory stays bounded
 * by that list, however many decisions stream through. One per replay; not thread-safe.
 */
public final class ImpactTally implements DecisionQueries.ExportSink {

    /** A decision the candidate policies would decide the other way. */
    public record Flip(LoggedDecision logged, boolean masked, Decision before, Decision after) {}

    private final Replay replay;
    private final int maxListed;
    private final List<Flip> flips = new ArrayList<>();
    private long replayed;
    private long allowToDeny;
    private long denyToAllow;
    private long ruleChanged;
    private long drift;
    private long masked;
    private long maskedFlipped;
    private long unreadable;
    private LoggedDecision newest;
    private LoggedDecision oldest;

    ImpactTally(Replay replay, int maxListed) {
        this.replay = replay;
        this.maxListed = maxListed;
    }

    @Override
    public void accept(LoggedDecision logged) {
        Optional<LoggedInput> read = LoggedInput.read(logged.input());
        if (read.isEmpty()) {
            unreadable++;
            return;
        }
        LoggedInput input = read.get();
        Replay.Outcome outcome = replay.decide(input.request(), logged.decidedAtMicros());
        replayed++;
        if (newest == null) {
            newest = logged;
        }
        oldest = logged;
        if (input.masked()) {
            masked++;
        }
        if (outcome.before().allow() != logged.allow()) {
            drift++;
        }
        if (outcome.flipped()) {
            if (outcome.before().allow()) {
                allowToDeny++;
            } else {
                denyToAllow++;
            }
            if (input.masked()) {
                maskedFlipped++;
            }
            if (flips.size() < maxListed) {
                flips.add(new Flip(logged, input.masked(), outcome.before(), outcome.after()));
            }
        } else if (outcome.ruleChanged()) {
            ruleChanged++;
        }
    }

    /** What the replay found, once every decision has streamed through. */
    Result result() {
        return new Result(replayed, allowToDeny, denyToAllow, ruleChanged, drift, masked, maskedFlipped, unreadable,
                newest, oldest, flips);
    }

    /**
     * What a replay found.
     *
     * @param ruleChanged decisions the candidates reach the same way but by another policy or rule
     * @param drift logged decisions the current policies already decide the other way
     * @param masked replayed decisions whose input holds masked values; {@code maskedFlipped} of them flipped
     * @param unreadable logged inputs that could not be read back as check requests; not replayed
     * @param newest the newest decision replayed, or null when none was ({@code oldest} likewise)
     * @param flips the flips listed, newest first
     */
    public record Result(long replayed, long allowToDeny, long denyToAllow, long ruleChanged, long drift, long masked,
            long maskedFlipped, long unreadable, LoggedDecision newest, LoggedDecision oldest, List<Flip> flips) {

        public Result {
            flips = List.copyOf(flips);
        }

        public long flipped() {
            return allowToDeny + denyToAllow;
        }

        /** Whether more decisions flipped than are listed. */
        public boolean truncated() {
            return flipped() > flips.size();
        }
    }
}
