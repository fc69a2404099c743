package org.recordflow.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rule set that classifies received pages and finds encounter headers and dates of service:
 * data an analyst edits ({@code records/page-rules.json}), not code.
 */
public final class PageRules {

    public static final String OTHER = "OTHER";
    public static final String BILLING = "BILLING";
    public static final String CORRESPONDENCE = "CORRESPONDENCE";

    public record Category(String code, String label, List<Pattern> patterns) {
    }

    private final Map<String, Category> categories;
    private final List<Pattern> encounterHeaders;
    private final List<Pattern> ignoreDateLines;

    private PageRules(Map<String, Category> categories, List<Pattern> encounterHeaders, List<Pattern> ignoreDateLines) {
        this.categories = categories;
        this.encounterHeaders = encounterHeaders;
        this.ignoreDateLines = ignoreDateLines;
    }

    public static PageRules read(InputStream json, String source) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Page rules " + source + " are not valid JSON", e);
        }
        Map<String, Category> categories = new LinkedHashMap<>();
        for (JsonNode node : root.path("categories")) {
            String code = node.path("code").asText();
            if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
                problems.add("category code '" + code + "' must be UPPER_SNAKE_CASE, at most 40 characters");
                continue;
            }
            categories.put(code, new Category(code, node.path("label").asText(code),
                    patterns(node.path("patterns"), "category " + code, problems)));
        }
        for (String required : List.of(OTHER, BILLING, CORRESPONDENCE)) {
            if (!categories.containsKey(required)) {
                problems.add("category " + required + " is required");
            }
        }
        var rules = new PageRules(categories, patterns(root.path("encounterHeaders"), "encounterHeaders", problems),
                patterns(root.path("ignoreDateLines"), "ignoreDateLines", problems));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Page rules " + source + " are invalid: " + String.join("; ", problems));
        }
        return rules;
    }

    private static List<Pattern> patterns(JsonNode array, String where, List<String> problems) {
        List<Pattern> patterns = new ArrayList<>();
        for (JsonNode node : array) {
            try {
                patterns.add(Pattern.compile(node.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                problems.add(where + ": '" + node.asText() + "' is not a regular expression (" + e.getDescription() + ")");
            }
        }
        return List.copyOf(patterns);
    }

    public Map<String, Category> categories() {
        return categories;
    }

    public String label(String code) {
        Category category = categories.get(code);
        return category == null ? code : category.label();
    }

    public List<Pattern> encounterHeaders() {
        return encounterHeaders;
    }

    public List<Pattern> ignoreDateLines() {
        return ignoreDateLines;
    }
}
