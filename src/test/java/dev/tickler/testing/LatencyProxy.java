package dev.tickler.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A loopback TCP proxy that delays everything it forwards, each way, by a fixed time: a server across a link
 * with latency, for a benchmark (the kernel's netem is not always there). Bytes keep their order; throughput
 * is not limited.
 */
public final class LatencyProxy implements AutoCloseable {

    private final ServerSocket socket;
    private final int targetPort;
    private final long delayNanos;
    private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();

    private final java.util.function.UnaryOperator<String> clientToServer;

    private LatencyProxy(int targetPort, Duration oneWay, java.util.function.UnaryOperator<String> clientToServer) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.delayNanos = oneWay.toNanos();
        this.clientToServer = clientToServer;
    }

    /** Listens on a free loopback port and forwards to {@code targetPort}, {@code oneWay} later each way. */
    public static LatencyProxy start(int targetPort, Duration oneWay) throws IOException {
        return start(targetPort, oneWay, java.util.function.UnaryOperator.identity());
    }

    /**
     * The same, with what the client sends rewritten chunk by chunk (each read as ISO-8859-1 text): a server that answers
     * some command differently, e.g. a SEARCH that matches words, not substrings, as Gmail's does.
     */
    public static LatencyProxy start(int targetPort, Duration oneWay, java.util.function.UnaryOperator<String> clientToServer)
            throws IOException {
        LatencyProxy proxy = new LatencyProxy(targetPort, oneWay, clientToServer);
        daemon(proxy::accept, "latency-proxy");
        return proxy;
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                accepted.incrementAndGet();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                forward(client, server, clientToServer);
                forward(server, client, java.util.function.UnaryOperator.identity());
            } catch (IOException e) {
                // closed, or the server refused: the client sees its connection end
            }
        }
    }

    private record Chunk(long due, byte[] bytes) {
    }

    /** One direction: a reader stamps each chunk with when it may go on, a writer sends it then. */
    private void forward(Socket from, Socket to, java.util.function.UnaryOperator<String> rewrite) {
        LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        daemon(() -> {
            try (InputStream in = from.getInputStream()) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    byte[] chunk = Arrays.copyOf(buffer, n);
                    String text = new String(chunk, java.nio.charset.StandardCharsets.ISO_8859_1);
                    String rewritten = rewrite.apply(text);
                    queue.add(new Chunk(System.nanoTime() + delayNanos,
                            rewritten.equals(text) ? chunk : rewritten.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
                }
            } catch (IOException e) {
                // the connection ended
            }
            queue.add(new Chunk(0, null));
        }, "latency-proxy-read");
        daemon(() -> {
            try {
                OutputStream out = to.getOutputStream();
                for (Chunk c = queue.take(); c.bytes() != null; c = queue.take()) {
                    long wait = c.due() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    out.write(c.bytes());
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                // the connection ended
            }
        }, "latency-proxy-write");
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
