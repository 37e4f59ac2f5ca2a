package asyncbench.load;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** Where load goes: an http:// URL's host, port and path, and the request bytes sent there. */
public record Target(String host, int port, String path) {

    /** Parses an {@code http://host[:port]/path} URL; anything else is refused with the form it needs. */
    public static Target parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url + " (expected http://host[:port]/path)");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("only http://host[:port]/path URLs are supported, was " + url);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        return new Target(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), path);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    /** A GET of this target; {@code close} asks the server to close the connection after answering. */
    public byte[] request(boolean close) {
        String text = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "http://" + host + ":" + port + path;
    }
}
