package dev.arbiter.store.model;

/** An enum whose constants have a spelling of their own in JSON documents. */
public interface JsonEnum {

    String json();

    /** The constant of {@code type} spelled {@code json}, or null when there is none. */
    static <E extends Enum<E> & JsonEnum> E fromJson(Class<E> type, String json) {
        for (E constant : type.getEnumConstants()) {
            if (constant.json().equals(json)) {
                return constant;
            }
        }
        return null;
    }
}
