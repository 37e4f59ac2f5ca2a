package asyncbench.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * The textbook server: a blocking {@link ServerSocket}, one thread per connection reading a request
 * head, writing the answer and reading the next, until the client closes or asks to. The threads come
 * from the model: platform threads, or virtual threads that unmount while they wait on the socket.
 */
final class SocketServer implements RunningServer {
    private static final int MAX_HEAD = 16 * 1024;
    private final ServerSocket socket;
    private final ThreadFactory threads;
    private final Endpoint endpoint;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    SocketServer(InetSocketAddress address, int backlog, ThreadFactory threads, Endpoint endpoint) throws IOException {
        this.threads = threads;
        this.endpoint = endpoint;
        socket = new ServerSocket();
        socket.bind(address, backlog);
        acceptor = threads.newThread(this::accept);
        acceptor.start();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                threads.newThread(() -> serve(s)).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            while (true) {
                Boolean close = readHead(in);
                if (close == null) {
                    return;
                }
                byte[] body = endpoint.respond();
                String head = "HTTP/1.1 200 OK\r\nContent-Type: " + Endpoint.CONTENT_TYPE + "\r\nContent-Length: "
                        + body.length + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away: its connection ends here
        } finally {
            open.remove(s);
        }
    }

    /** Reads a request head; true when it asks to close the connection, null at the end of the stream. */
    private static Boolean readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n'
                    && head.charAt(n - 4) == '\r') {
                return head.toString().toLowerCase(Locale.ROOT).contains("\r\nconnection: close");
            }
            if (n > MAX_HEAD) {
                throw new IOException("request head longer than " + MAX_HEAD + " bytes");
            }
        }
        return null;
    }

    @Override
    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
            acceptor.join(5_000);
        } catch (IOException e) {
            // closing what is left
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
