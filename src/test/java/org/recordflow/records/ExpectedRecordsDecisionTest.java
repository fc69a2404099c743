package org.recordflow.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.recordflow.casefile.HolderType;
import org.recordflow.casefile.RecordType;
import org.recordflow.support.ProcessEngineTests;

/** expected-records.dmn on the engine alone, and its agreement with the page rule set. */
@Deployment(resources = "processes/expected-records.dmn")
class ExpectedRecordsDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineTests.extension();

    ProcessEngine processEngine;

    List<String> expected(HolderType holder, RecordType type) {
        return new ExpectedRecords(processEngine.getDecisionService()).categories(holder, type);
    }

    @Test
    void eachHolderTypeExpectsItsCategories() {
        assertThat(expected(HolderType.HOSPITAL, RecordType.MEDICAL_RECORDS)).containsExactly("ED_NOTE",
                "HISTORY_AND_PHYSICAL", "OPERATIVE_REPORT", "DISCHARGE_SUMMARY", "IMAGING_REPORT", "LAB_REPORT");
        assertThat(expected(HolderType.PHYSICAL_THERAPY, RecordType.MEDICAL_RECORDS))
                .containsExactly("PT_PLAN_OF_CARE", "PT_DAILY_NOTE", "PT_DISCHARGE");
        assertThat(expected(HolderType.RADIOLOGY, RecordType.MEDICAL_RECORDS)).containsExactly("IMAGING_REPORT");
        assertThat(expected(HolderType.BILLING_OFFICE, RecordType.BILLS)).containsExactly("BILLING");
        assertThat(expected(HolderType.HOSPITAL, RecordType.BILLS)).containsExactly("BILLING");
        assertThat(expected(HolderType.PHARMACY, RecordType.MEDICAL_RECORDS)).isEmpty();
    }

    @Test
    void everyExpectedCategoryIsOneThePageRulesCanFind() {
        Set<String> all = new HashSet<>();
        for (HolderType holder : HolderType.values()) {
            for (RecordType type : RecordType.values()) {
                all.addAll(expected(holder, type));
            }
        }
        Map<String, PageRules.Category> categories = PageAnalyzerTest.shippedRules().categories();
        assertThat(categories.keySet()).containsAll(all);
        assertThat(all).allSatisfy(code -> assertThat(categories.get(code).patterns()).isNotEmpty());
    }
}
