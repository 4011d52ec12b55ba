package dev.arbiter.server.audit;

import java.security.MessageDigest;
import java.util.Arrays;

/** A growable big-endian byte buffer, reused across records by its single writer thread. */
public final class ByteSink {

    private byte[] bytes;
    private int length;

    public ByteSink(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    public void putShort(int value) {
        ensure(2);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    public void putInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
    }

    public void putLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
    }

    public void put(byte value) {
        ensure(1);
        bytes[length++] = value;
    }

    public void put(byte[] values) {
        ensure(values.length);
        System.arraycopy(values, 0, bytes, length, values.length);
        length += values.length;
    }

    public int length() {
        return length;
    }

    public void reset() {
        length = 0;
    }

    public void digestInto(MessageDigest digest) {
        digest.update(bytes, 0, length);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
