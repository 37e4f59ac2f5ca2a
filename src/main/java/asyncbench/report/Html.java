package asyncbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** The Markdown report as a page to open in a browser, rendered by commonmark. */
final class Html {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final String STYLE = """
            body { font-family: DejaVu Sans, Arial, sans-serif; max-width: 1200px; margin: 2em auto; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; display: block; max-width: 100%; overflow-x: auto; }
            th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; }
            td { white-space: nowrap; }
            th { background: #f3f3f3; }
            img { max-width: 100%; }
            """;

    private Html() {
    }

    /**
     * The page: self-contained, every picture that {@code dir} holds embedded as a data URI, so that the
     * one file can be mailed or attached and opens without the run's directory or a network.
     */
    static String page(String title, String markdown, Path dir) throws IOException {
        Parser parser = Parser.builder().extensions(EXTENSIONS).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>\n"
                + STYLE + "</style></head><body>\n" + embed(renderer.render(parser.parse(markdown)), dir) + "</body></html>\n";
    }

    private static final Pattern IMAGE = Pattern.compile("<img src=\"([^\"/]+\\.(png|svg))\"");

    private static String embed(String html, Path dir) throws IOException {
        Matcher m = IMAGE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Path file = dir.resolve(m.group(1));
            String src = m.group(1);
            if (Files.isRegularFile(file)) {
                String type = m.group(2).equals("png") ? "image/png" : "image/svg+xml";
                src = "data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
            }
            m.appendReplacement(out, Matcher.quoteReplacement("<img src=\"" + src + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
