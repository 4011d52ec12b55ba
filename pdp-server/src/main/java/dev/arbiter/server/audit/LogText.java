package dev.arbiter.server.audit;

/**
 * Makes text storable in PostgreSQL: NUL characters (which text columns refuse) and unpaired
 * UTF-16 surrogates (which have no UTF-8 form) become U+FFFD, so one odd request can never stop
 * a batch from being written.
 */
final class LogText {

    private static final char REPLACEMENT = '\uFFFD';

    private LogText() {}

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0 || Character.isSurrogate(c)) {
                return needsCleaning(text) ? replace(text) : text;
            }
        }
        return text;
    }

    private static boolean needsCleaning(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (badAt(text, i)) {
                return true;
            }
            if (Character.isHighSurrogate(text.charAt(i))) {
                i++;
            }
        }
        return false;
    }

    private static String replace(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (badAt(text, i)) {
                cleaned.append(REPLACEMENT);
            } else if (Character.isHighSurrogate(c)) {
                cleaned.append(c).append(text.charAt(++i));
            } else {
                cleaned.append(c);
            }
        }
        return cleaned.toString();
    }

    /** A NUL, a high surrogate without its low half, or a low surrogate without its high half. */
    private static boolean badAt(String text, int i) {
        char c = text.charAt(i);
        if (c == 0 || Character.isLowSurrogate(c)) {
            return true;
        }
        return Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)));
    }
}
