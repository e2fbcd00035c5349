package io.github.spacescopejava.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bare HTTP/1.1 server on loopback that answers {@code network_storage_capacity} with exact,
 * checkable rows, and replaces a seeded share of its answers with one of seven faults. It counts
 * what it sent and the connections the client has not closed.
 */
final class FaultyServer implements AutoCloseable {
  /** What one answer is. */
  enum Answer {
    OK,
    HTTP_500,
    HTML_502,
    TOO_MANY_REQUESTS,
    QUOTA_30001,
    RESET,
    TRUNCATED,
    LATE
  }

  private static final Answer[] FAULTS = {
    Answer.HTTP_500,
    Answer.HTML_502,
    Answer.TOO_MANY_REQUESTS,
    Answer.QUOTA_30001,
    Answer.RESET,
    Answer.TRUNCATED,
    Answer.LATE
  };

  private static final Pattern START = Pattern.compile("start_date=(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern END = Pattern.compile("end_date=(\\d{4}-\\d{2}-\\d{2})");

  private final ServerSocket socket;
  private final Answer[] faults;
  private final SplittableRandom random;
  private final double faultShare;
  private final Duration late;
  private final Map<Answer, AtomicLong> sent = new EnumMap<>(Answer.class);
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  FaultyServer(long seed, double faultShare, Duration late) throws IOException {
    this(seed, faultShare, late, FAULTS);
  }

  /** A server whose faults are drawn from {@code faults} only. */
  FaultyServer(long seed, double faultShare, Duration late, Answer[] faults) throws IOException {
    this.faults = faults.clone();
    this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.random = new SplittableRandom(seed);
    this.faultShare = faultShare;
    this.late = late;
    for (Answer a : Answer.values()) {
      sent.put(a, new AtomicLong());
    }
    Thread acceptor = new Thread(this::accept, "faulty-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  Map<Answer, Long> sent() {
    Map<Answer, Long> out = new EnumMap<>(Answer.class);
    sent.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  int openConnections() {
    return open.size();
  }

  /** The value every row of {@code day} carries, so that a caller can check each field. */
  static BigDecimal qa(LocalDate day) {
    return new BigDecimal("1234567890123456789012345").add(BigDecimal.valueOf(day.toEpochDay()));
  }

  static BigDecimal raw(LocalDate day) {
    return BigDecimal.valueOf(day.toEpochDay() * 7 + 3);
  }

  static BigDecimal baseline(LocalDate day) {
    return new BigDecimal("0.5").add(BigDecimal.valueOf(day.getDayOfYear()));
  }

  private synchronized Answer next() {
    if (random.nextDouble() >= faultShare) {
      return Answer.OK;
    }
    return faults[random.nextInt(faults.length)];
  }

  private void accept() {
    while (!closed) {
      try {
        Socket s = socket.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "faulty-server-conn");
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
        String target = readRequest(in);
        if (target == null) {
          return;
        }
        Answer answer = next();
        sent.get(answer).incrementAndGet();
        if (!answer(answer, target, s, out)) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away, or the server is closing
    } finally {
      open.remove(s);
    }
  }

  /** Writes the answer; false when the connection ends with it. */
  private boolean answer(Answer answer, String target, Socket s, OutputStream out)
      throws IOException, InterruptedException {
    switch (answer) {
      case OK -> write(out, 200, "application/json", body(target), "");
      case HTTP_500 ->
          write(out, 500, "text/html", "<html><body>500 Internal Server Error</body></html>", "");
      case HTML_502 ->
          write(out, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>", "");
      case TOO_MANY_REQUESTS ->
          write(out, 429, "application/json", "{\"message\":\"slow down\"}", "Retry-After: 1\r\n");
      case QUOTA_30001 ->
          write(
              out,
              200,
              "application/json",
              "{\"request_id\":\"soak\",\"code\":30001,\"message\":\"forbidden\",\"data\":null}",
              "");
      case RESET -> {
        s.setSoLinger(true, 0);
        return false;
      }
      case TRUNCATED -> {
        byte[] full = body(target).getBytes(StandardCharsets.UTF_8);
        out.write(head(200, "application/json", full.length, ""));
        out.write(full, 0, full.length / 2);
        out.flush();
        return false;
      }
      case LATE -> {
        Thread.sleep(late.toMillis());
        write(out, 200, "application/json", body(target), "");
      }
    }
    return true;
  }

  private static byte[] head(int status, String type, int length, String extra) {
    return ("HTTP/1.1 "
            + status
            + " X\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + length
            + "\r\n"
            + extra
            + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static void write(OutputStream out, int status, String type, String body, String extra)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(head(status, type, bytes.length, extra));
    out.write(bytes);
    out.flush();
  }

  static String body(String target) {
    Matcher start = START.matcher(target);
    Matcher end = END.matcher(target);
    if (!start.find() || !end.find()) {
      return "{\"request_id\":\"soak\",\"code\":30002,\"message\":\"parameters error\",\"data\":null}";
    }
    LocalDate from = LocalDate.parse(start.group(1));
    LocalDate to = LocalDate.parse(end.group(1));
    StringBuilder sb =
        new StringBuilder(
            "{\"request_id\":\"soak\",\"code\":0,\"message\":\"success.\",\"data\":[");
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (!d.equals(from)) {
        sb.append(',');
      }
      sb.append("{\"stat_date\":\"")
          .append(d)
          .append("T00:00:00Z\",\"total_qa_bytes_power\":")
          .append(qa(d).toPlainString())
          .append(",\"total_raw_bytes_power\":")
          .append(raw(d).toPlainString())
          .append(",\"baseline_power\":")
          .append(baseline(d).toPlainString())
          .append('}');
    }
    return sb.append("]}").toString();
  }

  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    String requestLine = null;
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).strip();
        line.reset();
        if (requestLine == null) {
          requestLine = text;
        } else if (text.isEmpty()) {
          return requestLine.split(" ")[1];
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
