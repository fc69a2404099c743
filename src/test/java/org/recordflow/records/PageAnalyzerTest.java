package org.recordflow.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PageAnalyzerTest {

    static PageRules shippedRules() {
        InputStream in = PageAnalyzerTest.class.getResourceAsStream("/records/page-rules.json");
        return PageRules.read(in, "records/page-rules.json");
    }

    final PageAnalyzer analyzer = new PageAnalyzer(shippedRules());

    @Test
    void findsDatesInEachCommonFormat() {
        assertThat(PageAnalyzer.datesIn("seen 03/14/2024, again 2024-03-15, then March 16, 2024, Mar. 17 2024 and 18-Mar-2024"))
                .containsExactly(LocalDate.of(2024, 3, 14), LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 16),
                        LocalDate.of(2024, 3, 17), LocalDate.of(2024, 3, 18));
        assertThat(PageAnalyzer.datesIn("3/4/2024 and 14-sep-2023")).containsExactly(LocalDate.of(2024, 3, 4),
                LocalDate.of(2023, 9, 14));
    }

    @Test
    void skipsImpossibleDatesAndNumbersThatOnlyLookLikeDates() {
        assertThat(PageAnalyzer.datesIn("02/30/2024 13/01/2024 2024-13-01 Acct 12/34/56 phone 555-03-2024")).isEmpty();
    }

    @Test
    void theLabelledDateOfServiceWinsAndADateOfBirthIsNeverOne() {
        PageAnalyzer.Page page = analyzer.analyze("""
                Patient: DOB 02/29/1984
                Printed 11/20/2026
                PROGRESS NOTE
                Referred on 03/01/2024
                Date of service: 03/14/2024
                """);
        assertThat(page.serviceDate()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(page.encounterHeader()).isTrue();
        assertThat(page.dates()).doesNotContain(LocalDate.of(1984, 2, 29), LocalDate.of(2026, 11, 20));
        assertThat(page.category()).isEqualTo("PROGRESS_NOTE");
    }

    @Test
    void classifiesPagesByTheCategoryWithMostMatchingRules() {
        assertThat(analyzer.analyze("EMERGENCY DEPARTMENT\nChief complaint: fall\nTriage 2").category()).isEqualTo("ED_NOTE");
        assertThat(analyzer.analyze("OPERATIVE REPORT\nPreoperative diagnosis: fracture\nSurgeon: X").category())
                .isEqualTo("OPERATIVE_REPORT");
        assertThat(analyzer.analyze("MRI lumbar spine\nTechnique: sagittal\nFindings: disc bulge\nImpression: L4-5")
                .category()).isEqualTo("IMAGING_REPORT");
        assertThat(analyzer.analyze("Physical Therapy Discharge Summary\nGoals met").category()).isEqualTo("PT_DISCHARGE");
        assertThat(analyzer.analyze("DISCHARGE SUMMARY\nHospital course: stable").category()).isEqualTo("DISCHARGE_SUMMARY");
        assertThat(analyzer.analyze("UB-04\nRevenue code 0450\nTotal charges 1200.00").category()).isEqualTo("BILLING");
        assertThat(analyzer.analyze("Dear Counsel,\nEnclosed please find the records.\nSincerely").category())
                .isEqualTo("CORRESPONDENCE");
        PageAnalyzer.Page plain = analyzer.analyze("Patient ambulating in hallway.");
        assertThat(plain.category()).isNull();
        assertThat(plain.matchedRule()).isNull();
    }

    @Test
    void aPageWithoutTextNeedsOcr() {
        PageAnalyzer.Page scan = analyzer.analyze(" \n\t ");
        assertThat(scan.needsOcr()).isTrue();
        assertThat(scan.category()).isNull();
        assertThat(scan.matchedRule()).contains("needs OCR");
    }

    @Test
    void analystsCanAddACategoryAsData() {
        String json = """
                {"categories": [
                  {"code": "CHIROPRACTIC_NOTE", "label": "Chiropractic note", "patterns": ["chiropractic", "adjustment"]},
                  {"code": "BILLING", "patterns": ["amount due"]},
                  {"code": "CORRESPONDENCE", "patterns": ["sincerely"]},
                  {"code": "OTHER", "patterns": []}],
                 "encounterHeaders": ["visit date"], "ignoreDateLines": []}
                """;
        var rules = PageRules.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
        PageAnalyzer.Page page = new PageAnalyzer(rules).analyze("Chiropractic adjustment C5\nVisit date: 2024-05-02");
        assertThat(page.category()).isEqualTo("CHIROPRACTIC_NOTE");
        assertThat(page.matchedRule()).isEqualTo("CHIROPRACTIC_NOTE: chiropractic | adjustment");
        assertThat(page.serviceDate()).isEqualTo(LocalDate.of(2024, 5, 2));
        assertThat(rules.label("CHIROPRACTIC_NOTE")).isEqualTo("Chiropractic note");
    }

    @Test
    void aBrokenRuleSetIsRefusedWithEveryProblem() {
        String json = """
                {"categories": [{"code": "bad code", "patterns": []}, {"code": "ED_NOTE", "patterns": ["(unclosed"]}]}
                """;
        assertThatThrownBy(() -> PageRules.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "broken.json"))
                .hasMessageContaining("broken.json")
                .hasMessageContaining("category code 'bad code' must be UPPER_SNAKE_CASE")
                .hasMessageContaining("category ED_NOTE: '(unclosed' is not a regular expression")
                .hasMessageContaining("category OTHER is required");
    }
}
