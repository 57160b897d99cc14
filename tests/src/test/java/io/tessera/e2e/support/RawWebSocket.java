package io.tessera.e2e.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A WebSocket client that writes frames byte by byte (RFC 6455 §5.2), for the frames a real
 * client library refuses to send: reserved bits set, text that is not UTF-8.
 */
public final class RawWebSocket implements AutoCloseable {

    public static final int TEXT = 0x1;
    public static final int CONTINUATION = 0x0;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final SecureRandom random = new SecureRandom();

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Opens {@code /ws?token=} and reads the 101 answer. */
    public static RawWebSocket connect(String idToken, Duration readTimeout) throws IOException {
        return connectWithQuery("token=" + URLEncoder.encode(idToken, StandardCharsets.UTF_8), readTimeout);
    }

    /**
     * Opens {@code /ws?<query>}, the query sent as it is, and reads the 101 answer.
     *
     * @throws IOException naming the status line when the handshake is refused
     */
    public static RawWebSocket connectWithQuery(String query, Duration readTimeout) throws IOException {
        return connectTo("/ws?" + query, readTimeout);
    }

    /**
     * Opens {@code target} (path and query, sent as they are) with a WebSocket upgrade, and reads the 101 answer.
     *
     * @throws IOException naming the status line when the handshake is refused
     */
    public static RawWebSocket connectTo(String target, Duration readTimeout) throws IOException {
        URI base = URI.create(LocalSystem.baseUrl());
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout((int) readTimeout.toMillis());
        RawWebSocket client = new RawWebSocket(socket);
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        client.out.write(("GET " + target + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String status = client.readHeaders();
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("handshake answered " + status);
        }
        return client;
    }

    /**
     * Sends one masked frame.
     *
     * @param fin    whether it is the last frame of its message
     * @param rsv    the three reserved bits, 0 to 7
     * @param opcode {@link #TEXT} or {@link #CONTINUATION}
     */
    public void send(boolean fin, int rsv, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | (rsv & 7) << 4 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The close code the server ends with, skipping the data frames before it; -1 if it closes without one. */
    public int awaitCloseCode() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return -1;
            }
            int length = in.readUnsignedByte() & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = (int) in.readLong();
            }
            byte[] payload = in.readNBytes(length);
            if ((first & 0x0f) == 0x8) {
                return payload.length >= 2 ? (payload[0] & 0xff) << 8 | payload[1] & 0xff : -1;
            }
        }
    }

    /** The text of the next data frame. */
    public String readText() throws IOException {
        int first = in.readUnsignedByte();
        int length = in.readUnsignedByte() & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        }
        String text = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        if ((first & 0x0f) != TEXT) {
            throw new IOException("expected a text frame, got opcode " + (first & 0x0f) + ": " + text);
        }
        return text;
    }

    private String readHeaders() throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            headers.append((char) next);
        }
        return headers.toString().lines().findFirst().orElse("");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
