package org.recordflow.platform;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one way Recordflow turns text into the markdown of a Camunda Form's text component, so that
 * whatever a user typed is shown as that text and never as markup.
 * <p>
 * Tasklist's form-js fills {@code {{variable}}} into the component's markdown, renders it with
 * marked (GFM, line breaks on) and sanitizes the HTML, which keeps links and images. Every ASCII
 * punctuation character is therefore backslash-escaped (CommonMark lets each one be), so no
 * emphasis, heading, list, table, code span, link, image, autolink ({@code www.}, {@code https:},
 * {@code a@b.c}) or reference definition can form; {@code < > & "} become HTML entities, which marked
 * keeps as entities, so no HTML element can form either. A line break stays a line break, but lines
 * lose their indentation (four spaces would start a code block) and blank lines, so the value stays
 * one paragraph wherever the form puts it. Tabs become spaces; other control characters are dropped.
 */
public final class Markdown {

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?|\\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** A path of ours: the link opens a page or document of Recordflow, never another site. */
    private static final Pattern OWN_PATH = Pattern.compile("/[A-Za-z0-9_\\-./]*");

    private Markdown() {
    }

    /**
     * The value as markdown that renders exactly as its text ({@code toString()}, a floating-point
     * number without exponent or trailing zeros, as the form would show it); "" for null.
     */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        StringBuilder markdown = new StringBuilder();
        for (String line : LINE_BREAK.split(asText(value), -1)) {
            String content = line.strip();
            if (content.isEmpty()) {
                continue;
            }
            if (!markdown.isEmpty()) {
                markdown.append('\n');
            }
            escapeInto(markdown, content);
        }
        return markdown.toString();
    }

    /** A link to a page or document of ours, its text escaped and kept on one line. */
    public static String link(String text, String path) {
        if (path == null || !OWN_PATH.matcher(path).matches() || path.startsWith("//")) {
            throw new IllegalArgumentException("Not a path of Recordflow: " + path);
        }
        String oneLine = text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ");
        return "[" + text(oneLine) + "](" + path + ")";
    }

    private static String asText(Object value) {
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static void escapeInto(StringBuilder markdown, String text) {
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> markdown.append("&amp;");
                case '<' -> markdown.append("&lt;");
                case '>' -> markdown.append("&gt;");
                case '"' -> markdown.append("&quot;");
                case '\t' -> markdown.append(' ');
                default -> {
                    if (isAsciiPunctuation(c)) {
                        markdown.append('\\').append((char) c);
                    } else if (!Character.isISOControl(c)) {
                        markdown.appendCodePoint(c);
                    }
                }
            }
        });
    }

    private static boolean isAsciiPunctuation(int c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
