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
 * stall after the headers or never come, redirects, and, above all, counting the connections a
 * client keeps open. A connection counts as open until the client closes it (the server reads EOF);
 * a connection waiting for an answer that never comes counts as pending.
 */
final class TinyServer implements AutoCloseable {
  /** What the server does with one request. */
  sealed interface Reply permits Full, StallAfterHeaders, Never {}

  /** A complete answer. */
  record Full(int status, Map<String, String> headers, String body) implements Reply {}

  /** Headers promising a body that never completes. */
  record StallAfterHeaders() implements Reply {}

  /** No answer at all; the connection stays open until the client gives up. */
  record Never() implements Reply {}

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
        } else {
          if (reply instanceof StallAfterHeaders) {
            out.write(
                ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                        + "{\"code\":0,")
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
