package dev.arbiter.client;

import java.time.Instant;
import java.util.List;

/**
 * Which logged decisions a bundle would flip if applied now: each replayed request decided by
 * the current policies ({@code before}) and by the candidates ({@code after}), at the time of the
 * original decision. Nothing is written.
 *
 * @param revision the store revision of the current policies compared with
 * @param services the services the bundle governs
 * @param policies what applying the bundle would write
 * @param replayedServices the services whose decisions were replayed; {@code ["*"]} for every one
 * @param replayed how many logged decisions were decided again
 * @param newest the time of the newest replayed decision, null when none was
 * @param oldest the time of the oldest replayed decision, null when none was
 * @param counts the flips and what else the replay found
 * @param flips the flips, newest first, at most as many as asked for
 * @param truncated whether more decisions flipped than {@code flips} lists
 */
public record ImpactReport(long revision, List<String> services, PolicyChanges policies,
        List<String> replayedServices, long replayed, Instant newest, Instant oldest, Counts counts,
        List<Flip> flips, boolean truncated) {

    public ImpactReport {
        services = List.copyOf(services);
        replayedServices = List.copyOf(replayedServices);
        flips = List.copyOf(flips);
    }

    /**
     * @param flipped decided the other way by the candidates: {@code allowToDeny + denyToAllow}
     * @param ruleChanged decided the same way, by another policy or rule
     * @param drift decisions the current policies already decide otherwise than the log says
     * @param masked replayed decisions whose input holds a masked value; {@code maskedFlipped} of them flipped
     * @param unreadable logged inputs that could not be read back as a request, not replayed
     */
    public record Counts(long flipped, long allowToDeny, long denyToAllow, long ruleChanged, long drift,
            long masked, long maskedFlipped, long unreadable) {}

    /**
     * One decision the bundle would flip.
     *
     * @param masked whether its input held masked values, which makes the replay unreliable
     */
    public record Flip(DecisionSubject subject, boolean masked, Outcome before, Outcome after) {}

    /** How a replayed request is decided; {@code policy} and {@code rule} are null on default deny. */
    public record Outcome(boolean allow, String policy, String rule, String reason) {}
}
