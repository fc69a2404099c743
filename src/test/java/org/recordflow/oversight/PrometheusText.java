package org.recordflow.oversight;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text exposition format (version 0.0.4): every line must be a comment
 * ({@code # HELP}, {@code # TYPE} or other), or a sample {@code name{label="value",...} value [timestamp]}.
 * Returns each series (name with its labels as written) and its value; throws on any other line.
 */
final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
    private static final String VALUE = "[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?|NaN|[-+]Inf";
    private static final Pattern SAMPLE = Pattern.compile(
            "^(" + NAME + ")(\\{(?:" + LABEL + "(?:," + LABEL + ")*,?)?\\})? (" + VALUE + ")(?: -?\\d+)?$");
    private static final Pattern TYPE = Pattern.compile("^# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)$");
    private static final Pattern HELP = Pattern.compile("^# HELP (" + NAME + ") .*$");

    private PrometheusText() {
    }

    static Map<String, Double> parse(String exposition) {
        Map<String, Double> series = new LinkedHashMap<>();
        String[] lines = exposition.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || TYPE.matcher(line).matches() || HELP.matcher(line).matches()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (line.startsWith("# TYPE") || line.startsWith("# HELP")) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": malformed comment: " + line);
                }
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": not a sample: " + line);
            }
            String key = sample.group(1) + (sample.group(2) == null ? "" : sample.group(2));
            if (series.put(key, value(sample.group(3))) != null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": series repeated: " + key);
            }
        }
        return series;
    }

    private static double value(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
