package org.recordflow.oversight;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * Small charts as inline SVG, drawn on the server: no script, no library, nothing fetched from
 * elsewhere. Every label is escaped; each bar can link to the list behind it.
 */
final class SvgCharts {

    record Bar(String label, double value, String href) {
    }

    /** One line of a trend chart; null values are gaps (no data that week). */
    record Series(String name, List<Double> values) {
    }

    private static final String[] COLOURS = {"#2f6f9f", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#4bacc6"};
    private static final int LABEL_WIDTH = 170;
    private static final int BAR_AREA = 330;
    private static final int ROW = 24;

    private SvgCharts() {
    }

    static String horizontalBars(String title, List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int height = bars.size() * ROW + 8;
        StringBuilder svg = open(title, LABEL_WIDTH + BAR_AREA + 60, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 4 + i * ROW;
            double width = max == 0 ? 0 : bar.value() / max * BAR_AREA;
            svg.append("<a href=\"").append(escape(bar.href())).append("\">")
                    .append(text(LABEL_WIDTH - 6, y + 16, "end", bar.label()))
                    .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                            LABEL_WIDTH, y + 3, Math.max(width, 1), ROW - 8, COLOURS[0]))
                    .append(text((int) (LABEL_WIDTH + width + 6), y + 16, "start", number(bar.value())))
                    .append("</a>");
        }
        return svg.append("</svg>").toString();
    }

    /** Lines over the same x labels (weeks), with a legend; the y axis starts at 0. */
    static String trendLines(String title, List<String> xLabels, List<Series> series, String unit) {
        int left = 44;
        int top = 10;
        int plotWidth = 520;
        int plotHeight = 160;
        int legendTop = top + plotHeight + 34;
        int height = legendTop + ((series.size() + 2) / 3) * 18 + 6;
        double max = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        double yMax = max <= 0 ? 4 : niceCeiling(max);
        double step = xLabels.size() <= 1 ? 0 : (double) plotWidth / (xLabels.size() - 1);
        StringBuilder svg = open(title, left + plotWidth + 20, height);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8a96a3\"/>",
                left, top + plotHeight, left + plotWidth, top + plotHeight));
        for (int tick = 0; tick <= 4; tick++) {
            double value = yMax * tick / 4;
            int y = (int) Math.round(top + plotHeight - plotHeight * tick / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e3e8ee\"/>",
                    left, y, left + plotWidth, y)).append(text(left - 4, y + 4, "end", number(value)));
        }
        for (int i = 0; i < xLabels.size(); i += Math.max(1, xLabels.size() / 6)) {
            svg.append(text((int) Math.round(left + i * step), top + plotHeight + 16, "middle", xLabels.get(i)));
        }
        svg.append(text(4, top + 8, "start", unit));
        for (int s = 0; s < series.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder points = new StringBuilder();
            List<Double> values = series.get(s).values();
            for (int i = 0; i < values.size(); i++) {
                Double value = values.get(i);
                if (value == null) {
                    flushLine(svg, points, colour);
                    continue;
                }
                double x = left + i * step;
                double y = top + plotHeight - value / yMax * plotHeight;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>%s: %s</title></circle>",
                        x, y, colour, escape(series.get(s).name() + " " + xLabels.get(i)), number(value)));
            }
            flushLine(svg, points, colour);
            int legendX = left + (s % 3) * 180;
            int legendY = legendTop + (s / 3) * 18;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>",
                    legendX, legendY - 4, colour)).append(text(legendX + 16, legendY, "start", series.get(s).name()));
        }
        return svg.append("</svg>").toString();
    }

    private static void flushLine(StringBuilder svg, StringBuilder points, String colour) {
        if (!points.isEmpty()) {
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                    .append(points.toString().trim()).append("\"/>");
            points.setLength(0);
        }
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-size=\"12\"><title>%s</title>", width, height, width, height,
                escape(title)));
    }

    private static String text(int x, int y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", x, y, anchor,
                escape(content));
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double niceCeiling(double max) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * magnitude >= max) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
