package org.recordflow.support;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Tasklist's form-js does with a text component, as far as tests need it: fill in the
 * {@code {{variable}}} and {@code {{#if variable}}...{{/if}}} of the template (feelers: a missing
 * variable shows as nothing), and tell whether a piece of markdown is inert, i.e. marked would show
 * it as exactly its text because every ASCII punctuation character in it is backslash-escaped or part
 * of one of the entities {@code &amp; &lt; &gt; &quot;}, and no line is indented or blank.
 */
public final class FormMarkdown {

    private static final Pattern IF_BLOCK = Pattern.compile("\\{\\{#if\\s+(\\w+)\\s*}}(.*?)\\{\\{/if}}", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    private static final Pattern INERT_TOKEN = Pattern.compile("\\\\([!-/:-@\\[-`{-~])|&(amp|lt|gt|quot);|([^!-/:-@\\[-`{-~])",
            Pattern.DOTALL);
    private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"");
    private static final Pattern OWN_LINK = Pattern.compile("- \\[(.*)]\\((/[A-Za-z0-9_\\-./]*)\\)");

    private FormMarkdown() {
    }

    /** The template with the variables filled in, as feelers fills them. */
    public static String fill(String template, Map<String, Object> variables) {
        String withBlocks = replace(IF_BLOCK, template, m -> shown(variables.get(m.group(1))).isEmpty() ? "" : m.group(2));
        return replace(VARIABLE, withBlocks, m -> shown(variables.get(m.group(1))));
    }

    /** The text a reader sees for this markdown, when it is inert; empty when it contains any markdown or HTML syntax. */
    public static Optional<String> shownText(String markdown) {
        StringBuilder text = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
                return Optional.empty();
            }
            Matcher token = INERT_TOKEN.matcher(line);
            int at = 0;
            while (at < line.length()) {
                if (!token.find(at) || token.start() != at) {
                    return Optional.empty();
                }
                text.append(token.group(1) != null ? token.group(1)
                        : token.group(2) != null ? ENTITIES.get(token.group(2)) : token.group(3));
                at = token.end();
            }
            text.append('\n');
        }
        return Optional.of(text.substring(0, text.length() - 1));
    }

    /** Whether the markdown is a list of links to our own paths, each with inert text. */
    public static boolean isListOfOwnLinks(String markdown) {
        for (String line : markdown.split("\n", -1)) {
            Matcher link = OWN_LINK.matcher(line);
            if (!link.matches() || shownText(link.group(1)).isEmpty() || link.group(2).startsWith("//")) {
                return false;
            }
        }
        return true;
    }

    private static String shown(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String replace(Pattern pattern, String input, java.util.function.Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(input);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        return matcher.appendTail(out).toString();
    }
}
