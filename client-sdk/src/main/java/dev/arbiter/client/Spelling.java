package dev.arbiter.client;

/** An enum constant's spelling in the server's JSON. */
interface Spelling {

    String json();

    static <E extends Enum<E> & Spelling> E parse(Class<E> type, String json) throws MalformedAnswerException {
        for (E constant : type.getEnumConstants()) {
            if (constant.json().equals(json)) {
                return constant;
            }
        }
        throw new MalformedAnswerException("'" + json + "' is not a known " + type.getSimpleName());
    }
}
