package org.recordflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartsTest {

    @Test
    void barsAreWellFormedSvgWithEscapedLabelsAndLinksScaledToTheLargestValue() throws Exception {
        String svg = SvgCharts.horizontalBars("Requests <by> status", List.of(
                new SvgCharts.Bar("Sent & waiting", 10, "/oversight/requests?status=SENT&x=1"),
                new SvgCharts.Bar("Refused", 5, "/oversight/requests?status=REFUSED")));

        Document document = parse(svg);
        assertThat(document.getElementsByTagName("a").getLength()).isEqualTo(2);
        assertThat(document.getElementsByTagName("a").item(0).getAttributes().getNamedItem("href").getNodeValue())
                .isEqualTo("/oversight/requests?status=SENT&x=1");
        assertThat(document.getElementsByTagName("text").item(0).getTextContent()).isEqualTo("Sent & waiting");
        var rects = document.getElementsByTagName("rect");
        double longest = Double.parseDouble(rects.item(0).getAttributes().getNamedItem("width").getNodeValue());
        double half = Double.parseDouble(rects.item(1).getAttributes().getNamedItem("width").getNodeValue());
        assertThat(half).isEqualTo(longest / 2);
    }

    @Test
    void trendLinesBreakWhereAWeekHasNoValue() throws Exception {
        String svg = SvgCharts.trendLines("Median days", List.of("Mar 2", "Mar 9", "Mar 16", "Mar 23"),
                List.of(new SvgCharts.Series("Intake", Arrays.asList(2.0, null, 6.0, 8.0))), "days");

        Document document = parse(svg);
        assertThat(document.getElementsByTagName("polyline").getLength()).as("a gap splits the line").isEqualTo(2);
        assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(3);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
