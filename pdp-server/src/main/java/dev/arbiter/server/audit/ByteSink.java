package dev.arbiter.server.audit;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A growable big-endian byte buffer, reused across records by its single writer thread. It is an
 * output stream too, so a JSON generator can write a column's text straight into it.
 */
public final class ByteSink extends OutputStream {

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
        putIntAt(length, value);
        length += 4;
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
        write(values, 0, values.length);
    }

    /** {@code text} as UTF-8; text that is all ASCII (nearly all of it) is copied without an intermediate array. */
    public void putUtf8(String text) {
        int size = text.length();
        ensure(size);
        for (int i = 0; i < size; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                put(text.substring(i).getBytes(StandardCharsets.UTF_8));
                return;
            }
            bytes[length++] = (byte) c;
        }
    }

    /** Leaves room for an int to be written later with {@link #putIntAt}; answers its position. */
    public int reserveInt() {
        ensure(4);
        length += 4;
        return length - 4;
    }

    public void putIntAt(int position, int value) {
        for (int shift = 24, at = position; shift >= 0; shift -= 8) {
            bytes[at++] = (byte) (value >>> shift);
        }
    }

    @Override
    public void write(int value) {
        put((byte) value);
    }

    @Override
    public void write(byte[] values, int offset, int count) {
        ensure(count);
        System.arraycopy(values, offset, bytes, length, count);
        length += count;
    }

    public int length() {
        return length;
    }

    public void reset() {
        length = 0;
    }

    /** Forgets everything after the first {@code newLength} bytes. */
    public void truncate(int newLength) {
        length = newLength;
    }

    public void digestInto(MessageDigest digest) {
        digest.update(bytes, 0, length);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** Copies {@code count} bytes from {@code offset} into {@code target} at {@code targetOffset}. */
    public void copy(int offset, int count, byte[] target, int targetOffset) {
        System.arraycopy(bytes, offset, target, targetOffset, count);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
