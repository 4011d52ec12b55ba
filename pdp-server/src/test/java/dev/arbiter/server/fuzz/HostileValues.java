package dev.arbiter.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** The raw material of hostile requests: odd text, numbers, values and bytes, exactly as sent. */
final class HostileValues {

    private HostileValues() {}

    /**
     * Put inside a JSON string as they are: JSON escapes of unicode edges (NUL, lone and reversed
     * surrogates, bidirectional overrides, BOM, noncharacters), raw UTF-8 that is valid, and bytes
     * that are not (overlong forms, encoded surrogates, stray continuation bytes, beyond U+10FFFF),
     * plus escapes and control bytes that make the JSON itself invalid.
     */
    static final List<byte[]> IN_STRING = List.of(
            ascii("\\u0000"), ascii("a\\u0000b"), ascii("\\ud800"), ascii("\\udc00"), ascii("x\\ud83d"),
            ascii("\\ude00\\ud83d"), ascii("\\ud83d\\ude00"), ascii("\\u202e"), ascii("\\u200f\\u202b"),
            ascii("\\ufeff"), ascii("\\uffff"), ascii("\\ufffe"), ascii("\\u2028\\u2029"), ascii("\\u0085"),
            ascii("\\u0001\\u001f\\u007f"), ascii("\\\"\\\\\\/\\b\\f\\n\\r\\t"),
            utf8("é𝕏漢字"), utf8("e\u0301\u0301\u0301"), utf8("\u202Egnp.exe"), utf8("\uFEFF"), utf8("' OR '1'='1"),
            utf8("\") || true || (\""), utf8("${jndi:ldap://x/a}"), utf8("../../etc/passwd"), utf8("%00%zz"),
            ascii("\\x41"), ascii("\\u12"), ascii("\\uZZZZ"), ascii("\\"), bytes(0x0A), bytes(0x00), bytes(0x01),
            bytes(0x1F), bytes(0x7F),
            bytes(0xC0, 0xAF), bytes(0xC1, 0xBF), bytes(0xE0, 0x80, 0xAF), bytes(0xF0, 0x80, 0x80, 0xAF),
            bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF), bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80),
            bytes(0x80), bytes(0xBF), bytes(0xFE), bytes(0xFF), bytes(0xE2, 0x82), bytes(0xF4, 0x90, 0x80, 0x80),
            bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xF4, 0x8F, 0xBF, 0xBF));

    /** Put where a JSON value goes: numbers beyond every range, near-JSON, and odd structures. */
    static final List<String> VALUES = List.of(
            "1e309", "-1e309", "1e-400", "-0", "-0.0", "123456789012345678901234567890", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "1.7976931348623157e308", "4.9e-324", "1E+2", "0.1e1",
            "01", "1.", ".5", "+1", "0x10", "1_000", "NaN", "Infinity", "-Infinity", "1" + "0".repeat(1_200),
            "0." + "1".repeat(1_200), "true", "false", "null", "\"\"", "[]", "{}", "[null]", "{\"\":\"\"}",
            "{\"a\":1,\"a\":2}", "[1,]", "{,}", "{\"a\"}", "{\"a\":}", "tru", "nul", "'single'", "\"unterminated",
            "[1 2]", "[[[]]]", "{\"__proto__\":{\"admin\":true}}", "/* comment */ 1", "# comment", "\u0000");

    /** Path segments and parameter values that are not what the server expects, percent-encoded or raw. */
    static final List<String> SEGMENTS = List.of(
            "%00", "a%00b", "%zz", "%", "%e9", "%C3%A9", "%ED%A0%80", "%C0%AF", "%FF%FE", "..", ".", "%2e%2e",
            "a%2Fb", "UPPER", "_x", "-x", "a".repeat(129), "a".repeat(3_000), "%20", "~", "*", "'%3B--", "%7B%7D",
            "%5B", "%5C", "a%0D%0Ab", "a;b", "a%3Fb", "a%23b", "é", "\u202Eabc", "%F0%9D%95%8F", "0", "-1",
            "99999999999999999999", "1.5", "1e3", "true%00", "NaN", "2026-13-45", "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999Z", "10000-01-01", "2026-11-22T10:15:30+99:00", "2026-11-22T10:15:30 01:00",
            "%2B%2B", "a+b", "null", "undefined", "%u0041");

    /** A JSON text nesting {@code depth} arrays or objects. */
    static String nested(int depth, boolean objects) {
        StringBuilder text = new StringBuilder(depth * 6 + 2);
        for (int i = 0; i < depth; i++) {
            text.append(objects ? "{\"a\":" : "[");
        }
        text.append('1');
        for (int i = 0; i < depth; i++) {
            text.append(objects ? '}' : ']');
        }
        return text.toString();
    }

    /** An object with {@code count} members, or an array of {@code count} strings. */
    static String many(int count, boolean object) {
        StringBuilder text = new StringBuilder(count * 12);
        text.append(object ? '{' : '[');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(object ? "\"k" + i + "\":" + i : "\"v" + i + "\"");
        }
        return text.append(object ? '}' : ']').toString();
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
