package dev.arbiter.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus's text exposition format 0.0.4, as a scraper reads it: every line
 * a comment, a {@code # HELP}/{@code # TYPE} line, or a sample of a declared family; fails the test
 * on anything else.
 */
public final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final Set<String> SUFFIXES = Set.of("_bucket", "_count", "_sum", "_total", "_created");

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusText parse(String text) {
        Map<String, String> types = new HashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                assertTrue(types.put(type.group(1), type.group(2)) == null, "declared twice: " + line);
                continue;
            }
            if (line.isEmpty() || HELP.matcher(line).matches()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                fail("not a sample line: " + line);
            }
            assertTrue(types.containsKey(family(sample.group(1), types)), "no # TYPE for " + line);
            samples.add(new Sample(sample.group(1), labels(sample.group(3), line), value(sample.group(4), line)));
        }
        return new PrometheusText(samples);
    }

    private static String family(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static Map<String, String> labels(String text, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null) {
            return labels;
        }
        Matcher label = LABEL.matcher(text);
        int end = 0;
        while (label.lookingAt()) {
            assertTrue(labels.put(label.group(1), label.group(2)) == null, "label twice: " + line);
            end = label.end();
            label.region(end, text.length());
        }
        assertEquals(text.length(), end, "unreadable labels: " + line);
        return labels;
    }

    private static double value(String text, String line) {
        try {
            return switch (text) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            };
        } catch (NumberFormatException e) {
            throw new AssertionError("not a value: " + line, e);
        }
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The value of the one sample named {@code name} with exactly {@code labels}. */
    public double value(String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream()
                .filter(sample -> sample.name().equals(name) && sample.labels().equals(labels)).toList();
        assertEquals(1, matching.size(), name + labels + " in " + samples.stream()
                .filter(sample -> sample.name().equals(name)).toList());
        return matching.get(0).value();
    }

    public double value(String name) {
        return value(name, Map.of());
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name));
    }
}
