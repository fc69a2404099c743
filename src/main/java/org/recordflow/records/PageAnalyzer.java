package org.recordflow.records;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one page's text: its record category, whether it opens an encounter, and its dates. */
public final class PageAnalyzer {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final String MONTH_NAME =
            "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final String YEAR = "((?:19|20)\\d{2})";
    /** 03/14/2024, 2024-03-14, March 14, 2024 (or Mar. 14 2024), 14-Mar-2024. */
    private static final Pattern DATE = Pattern.compile(
            "\\b(\\d{1,2})/(\\d{1,2})/" + YEAR + "\\b"
                    + "|\\b" + YEAR + "-(\\d{2})-(\\d{2})\\b"
                    + "|\\b" + MONTH_NAME + "\\.? (\\d{1,2}),? " + YEAR + "\\b"
                    + "|\\b(\\d{1,2})-" + MONTH_NAME + "-" + YEAR + "\\b",
            Pattern.CASE_INSENSITIVE);

    /** What one page says; {@code category} is null when no rule matched (a continuation page). */
    public record Page(String category, String matchedRule, boolean encounterHeader, LocalDate serviceDate,
                       List<LocalDate> dates, int textChars) {

        public boolean needsOcr() {
            return textChars == 0;
        }
    }

    private final PageRules rules;

    public PageAnalyzer(PageRules rules) {
        this.rules = rules;
    }

    public Page analyze(String text) {
        String content = text == null ? "" : text.strip();
        int chars = content.replaceAll("\\s+", "").length();
        if (chars == 0) {
            return new Page(null, "no text layer: needs OCR", false, null, List.of(), 0);
        }
        String best = null;
        List<String> bestMatches = List.of();
        for (PageRules.Category category : rules.categories().values()) {
            List<String> matches = new ArrayList<>();
            for (Pattern pattern : category.patterns()) {
                if (pattern.matcher(content).find()) {
                    matches.add(pattern.pattern());
                }
            }
            if (matches.size() > bestMatches.size()) {
                best = category.code();
                bestMatches = matches;
            }
        }
        String matchedRule = best == null ? null : truncate(best + ": " + String.join(" | ", bestMatches), 200);

        boolean header = false;
        LocalDate labelled = null;
        LocalDate first = null;
        List<LocalDate> dates = new ArrayList<>();
        for (String line : content.split("\\R")) {
            boolean isHeader = matchesAny(rules.encounterHeaders(), line);
            header |= isHeader;
            if (matchesAny(rules.ignoreDateLines(), line)) {
                continue;
            }
            List<LocalDate> onLine = datesIn(line);
            dates.addAll(onLine);
            if (!onLine.isEmpty()) {
                if (isHeader && labelled == null) {
                    labelled = onLine.get(0);
                }
                if (first == null) {
                    first = onLine.get(0);
                }
            }
        }
        return new Page(best, matchedRule, header, labelled != null ? labelled : first, List.copyOf(dates), chars);
    }

    /** Every date in the text in one of the supported formats; impossible dates are skipped. */
    public static List<LocalDate> datesIn(String text) {
        List<LocalDate> dates = new ArrayList<>();
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            try {
                if (m.group(1) != null) {
                    dates.add(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                } else if (m.group(4) != null) {
                    dates.add(LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))));
                } else if (m.group(7) != null) {
                    dates.add(LocalDate.of(Integer.parseInt(m.group(9)), month(m.group(7)), Integer.parseInt(m.group(8))));
                } else {
                    dates.add(LocalDate.of(Integer.parseInt(m.group(12)), month(m.group(11)), Integer.parseInt(m.group(10))));
                }
            } catch (DateTimeException e) {
                // 02/30/2024 and the like are not dates
            }
        }
        return dates;
    }

    private static int month(String name) {
        return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
    }

    private static boolean matchesAny(List<Pattern> patterns, String line) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
