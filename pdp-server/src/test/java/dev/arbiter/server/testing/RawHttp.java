package dev.arbiter.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client would send: wrong Content-Length,
 * bodies cut off mid-way, broken chunking, bytes that are not UTF-8 in the request line. The request
 * is written from another thread while the answer is read, so a server that answers before it has
 * read everything (413) never deadlocks the exchange.
 */
public final class RawHttp {

    /** Writes requests; daemon threads, so a socket stuck in a write never keeps the JVM alive. */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "raw-http-writer");
        thread.setDaemon(true);
        return thread;
    });

    private RawHttp() {}

    /** What came back: an answer, or a connection closed before any byte of one. */
    public record Exchange(Answer answer, boolean closedWithoutAnswer) {}

    /** An answer; header names in lower case. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Thrown when the server neither answered nor closed the connection in time. */
    public static final class HungException extends IOException {
        HungException(String message) {
            super(message);
        }
    }

    /**
     * Sends {@code request} (the bytes of a whole request, head and body) and reads one answer.
     *
     * @param halfClose whether to shut down the sending side after the request, as a client that
     *        stops sending mid-body does
     * @param head whether the request is a HEAD, whose answer has no body
     * @throws HungException when neither an answer nor the end of the connection came within {@code timeout}
     */
    public static Exchange exchange(int port, byte[] request, boolean halfClose, boolean head, Duration timeout)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            WRITERS.execute(() -> write(socket, request, halfClose));
            try {
                Answer answer = read(socket.getInputStream(), head);
                return new Exchange(answer, answer == null);
            } catch (SocketTimeoutException e) {
                throw new HungException("no answer within " + timeout.toMillis() + " ms");
            } catch (SocketException e) {
                // Reset by the server after it answered or instead of answering: no answer.
                return new Exchange(null, true);
            }
        }
    }

    /**
     * Sends {@code requests} (several whole requests, pipelined on one connection) and reads up to
     * {@code count} answers: fewer when the server closed the connection.
     */
    public static List<Answer> answers(int port, byte[] requests, int count, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            WRITERS.execute(() -> write(socket, requests, false));
            List<Answer> answers = new ArrayList<>();
            InputStream in = socket.getInputStream();
            while (answers.size() < count) {
                Answer answer = read(in, false);
                if (answer == null) {
                    break;
                }
                answers.add(answer);
            }
            return answers;
        }
    }

    /** One connection kept open between requests, sent one at a time, as a pooling client does. */
    public static final class KeptAlive implements AutoCloseable {

        private final Socket socket;

        private KeptAlive(Socket socket) {
            this.socket = socket;
        }

        public static KeptAlive open(int port, Duration timeout) throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return new KeptAlive(socket);
        }

        /** Sends one whole request and reads its answer; null when the server had closed the connection. */
        public Answer send(String request) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(socket.getInputStream(), false);
        }

        /** Whether the server has closed the connection (waits up to the timeout for it). */
        public boolean closedByServer() throws IOException {
            try {
                return socket.getInputStream().read() == -1;
            } catch (SocketException e) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static void write(Socket socket, byte[] request, boolean halfClose) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
        } catch (IOException e) {
            // The server closed the connection before reading everything, e.g. after a 413.
        }
    }

    /** One answer, or null when the connection ended before its status line. */
    private static Answer read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return null;
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new TreeMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                    (first, second) -> first + ", " + second);
        }
        byte[] body;
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            if (sizeLine == null) {
                throw new IOException("the chunked answer ended early");
            }
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    /** A line without its CRLF, or null at the end of the stream before any byte. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
