package io.github.spacescopejava.client.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A bare HTTP/1.1 server on a real socket, for what a well-behaved fake cannot do: answers that
 * stall after the headers or never come, redirects, bodies that never end or announce more than
 * they send, and, above all, counting the connections a client keeps open. A connection counts as
 * open until the client closes it (the server reads EOF); a connection waiting for an answer that
 * never comes counts as pending.
 */
final class TinyServer implements AutoCloseable {
  /** What the server does with one request. */
  sealed interface Reply
      permits Full, StallAfterHeaders, Never, Padded, Endless, Announced, CutShort {}

  /** A complete answer. */
  record Full(int status, Map<String, String> headers, String body) implements Reply {}

  /** Headers promising a body that never completes. */
  record StallAfterHeaders() implements Reply {}

  /** No answer at all; the connection stays open until the client gives up. */
  record Never() implements Reply {}

  /**
   * A 200 whose body is {@code envelope} followed by spaces (still valid JSON), {@code size} bytes
   * in all, framed by a {@code Content-Length} or, when {@code chunked}, sent in chunks without
   * one.
   */
  record Padded(String envelope, long size, boolean chunked) implements Reply {}

  /**
   * A 200 whose chunked body never ends: the server writes until the client hangs up. The
   * connection counts as pending meanwhile.
   */
  record Endless() implements Reply {}

  /** Headers announcing {@code contentLength} bytes, then nothing until the client hangs up. */
  record Announced(long contentLength) implements Reply {}

  /**
   * A 200 announcing {@code body}'s length but sending only its first half, then closing the
   * connection: an answer cut on its way.
   */
  record CutShort(String body) implements Reply {}

  /** The start of every {@link Endless} body. */
  static final String ENDLESS_START = "{\"code\":0,\"message\":\"success\",\"data\":[";

  private static final int CHUNK = 64 * 1024;

  /** A request as received. */
  record Received(String method, String target, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  static Reply json(String body) {
    return new Full(200, Map.of("Content-Type", "application/json"), body);
  }

  private final ServerSocket socket;
  private final Function<Received, Reply> handler;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Set<Socket> pending = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;

  TinyServer(Function<Received, Reply> handler) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.handler = handler;
    this.acceptor = new Thread(this::accept, "tiny-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** Connections the client has not closed. */
  int openConnections() {
    return open.size();
  }

  /** Connections whose request got no complete answer and that the client has not closed. */
  int pendingExchanges() {
    return pending.size();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket s = socket.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "tiny-server-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (true) {
        Received r = readRequest(in);
        if (r == null) {
          return;
        }
        received.add(r);
        Reply reply = handler.apply(r);
        if (reply instanceof Full f) {
          byte[] body = f.body().getBytes(StandardCharsets.UTF_8);
          StringBuilder head = new StringBuilder("HTTP/1.1 " + f.status() + " X\r\n");
          f.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
          head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
          out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
          out.write(body);
          out.flush();
        } else if (reply instanceof CutShort c) {
          byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + body.length
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.write(body, 0, body.length / 2);
          out.flush();
          return;
        } else if (reply instanceof Padded p) {
          writePadded(out, p);
        } else if (reply instanceof Endless) {
          pending.add(s);
          try {
            writeEndless(out);
          } finally {
            pending.remove(s);
          }
        } else {
          if (reply instanceof StallAfterHeaders) {
            out.write(
                ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                        + "{\"code\":0,")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
          } else if (reply instanceof Announced a) {
            out.write(
                ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + a.contentLength()
                        + "\r\n\r\n"
                        + ENDLESS_START)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
          }
          pending.add(s);
          try {
            // Nothing more will be sent; wait for the client to hang up.
            while (in.read() >= 0) {
              // discard
            }
          } finally {
            pending.remove(s);
          }
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(s);
    }
  }

  private static void writePadded(OutputStream out, Padded p) throws IOException {
    byte[] envelope = p.envelope().getBytes(StandardCharsets.UTF_8);
    if (p.size() < envelope.length) {
      throw new IllegalArgumentException("size " + p.size() + " < envelope " + envelope.length);
    }
    String framing = p.chunked() ? "Transfer-Encoding: chunked" : "Content-Length: " + p.size();
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    writePart(out, envelope, envelope.length, p.chunked());
    byte[] spaces = new byte[CHUNK];
    java.util.Arrays.fill(spaces, (byte) ' ');
    for (long left = p.size() - envelope.length; left > 0; left -= Math.min(left, CHUNK)) {
      writePart(out, spaces, (int) Math.min(left, CHUNK), p.chunked());
    }
    if (p.chunked()) {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.flush();
  }

  /** Writes chunks of rows until writing fails, which is when the client has hung up. */
  private static void writeEndless(OutputStream out) throws IOException {
    out.write(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
    byte[] start = ENDLESS_START.getBytes(StandardCharsets.US_ASCII);
    writePart(out, start, start.length, true);
    byte[] rows =
        "{\"stat_date\":\"2024-06-01T00:00:00Z\"},"
            .repeat(CHUNK / 40)
            .getBytes(StandardCharsets.US_ASCII);
    while (true) {
      writePart(out, rows, rows.length, true);
    }
  }

  private static void writePart(OutputStream out, byte[] bytes, int length, boolean chunked)
      throws IOException {
    if (chunked) {
      out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    out.write(bytes, 0, length);
    if (chunked) {
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static Received readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    String requestLine = null;
    Map<String, String> headers = new LinkedHashMap<>();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).strip();
        line.reset();
        if (requestLine == null) {
          requestLine = text;
        } else if (text.isEmpty()) {
          String[] parts = requestLine.split(" ");
          return new Received(parts[0], parts[1], headers);
        } else {
          int colon = text.indexOf(':');
          headers.put(
              text.substring(0, colon).strip().toLowerCase(Locale.ROOT),
              text.substring(colon + 1).strip());
        }
      } else {
        line.write(c);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    socket.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
