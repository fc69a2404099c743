package org.recordflow.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recordflow.casefile.HolderType;
import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordType;
import org.recordflow.casefile.ReleaseRoute;
import org.recordflow.platform.InvalidInputException;
import org.recordflow.support.ProcessEngineTests;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The shipped request-deadline.dmn and request-routing.dmn, evaluated by the engine. */
@Deployment(resources = {"processes/request-deadline.dmn", "processes/request-routing.dmn"})
class RequestRulesTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineTests.extension();

    ProcessEngine processEngine;
    RequestRules rules;
    final HolidayCalendar calendar = new HolidayCalendar(new ObjectMapper().findAndRegisterModules());

    @BeforeEach
    void rules() {
        rules = new RequestRules(processEngine.getDecisionService());
    }

    @Test
    void patientAccessHasThirtyCalendarDaysAndOneThirtyDayExtensionInAnyState() {
        DeadlineRule rule = rules.deadline(facts(LegalBasis.PATIENT_ACCESS, "FL", HolderType.HOSPITAL));
        assertThat(rule).extracting(DeadlineRule::dueDays, DeadlineRule::dayCount, DeadlineRule::extensionAllowed,
                DeadlineRule::extensionDays, DeadlineRule::followUpDays, DeadlineRule::statutory, DeadlineRule::rollsToBusinessDay)
                .containsExactly(30, DayCount.CALENDAR, true, 30, 14, true, false);
        assertThat(rule.citation()).isEqualTo("45 CFR 164.524(b)(2)");
        assertThat(rules.deadline(facts(LegalBasis.PATIENT_DIRECTED_ELECTRONIC, "CA", HolderType.RADIOLOGY)).dueDays()).isEqualTo(30);
    }

    @Test
    void californiaEvidenceCode1158HoldsUntilADefendantAppearsAndOnlyForTheLicenseesItLists() {
        DeadlineRule beforeFiling = rules.deadline(facts(LegalBasis.AUTHORIZATION, "CA", HolderType.PHYSICIAN_GROUP));
        DeadlineRule filedNoAppearance = rules.deadline(new DeadlineFacts(LegalBasis.AUTHORIZATION, "CA", HolderType.HOSPITAL,
                RecordType.MEDICAL_RECORDS, true, false));
        DeadlineRule defendantAppeared = rules.deadline(new DeadlineFacts(LegalBasis.AUTHORIZATION, "CA", HolderType.HOSPITAL,
                RecordType.MEDICAL_RECORDS, true, true));
        DeadlineRule ambulance = rules.deadline(facts(LegalBasis.AUTHORIZATION, "CA", HolderType.AMBULANCE));

        assertThat(List.of(beforeFiling, filedNoAppearance)).allSatisfy(rule -> {
            assertThat(rule.citation()).isEqualTo("Cal. Evid. Code 1158");
            assertThat(rule).extracting(DeadlineRule::dueDays, DeadlineRule::statutory, DeadlineRule::extensionAllowed)
                    .containsExactly(5, true, false);
            assertThat(rule.rollSource()).contains("Code Civ. Proc. 12 and 12a");
        });
        assertThat(List.of(defendantAppeared, ambulance)).allSatisfy(rule -> {
            assertThat(rule.statutory()).isFalse();
            assertThat(rule.source()).startsWith("Cal. Evid. Code 1158 does not apply").contains("Firm policy");
        });
    }

    @Test
    void texasHospitalsCountFromRequestAndPaymentButNotForBillsAndPhysiciansCountBusinessDays() {
        DeadlineRule records = rules.deadline(facts(LegalBasis.AUTHORIZATION, "TX", HolderType.HOSPITAL));
        DeadlineRule bills = rules.deadline(new DeadlineFacts(LegalBasis.AUTHORIZATION, "TX", HolderType.HOSPITAL,
                RecordType.BILLS, false, false));
        DeadlineRule physicians = rules.deadline(facts(LegalBasis.AUTHORIZATION, "TX", HolderType.PHYSICIAN_GROUP));

        assertThat(records).extracting(DeadlineRule::dueDays, DeadlineRule::dayCount, DeadlineRule::clockStart, DeadlineRule::statutory)
                .containsExactly(15, DayCount.CALENDAR, ClockStart.RECEIPT_AND_PAYMENT, true);
        assertThat(records.citation()).isEqualTo("Tex. Health & Safety Code 241.154");
        assertThat(bills).extracting(DeadlineRule::clockStart, DeadlineRule::statutory).containsExactly(ClockStart.RECEIPT, false);
        assertThat(physicians).extracting(DeadlineRule::dueDays, DeadlineRule::dayCount, DeadlineRule::clockStart)
                .containsExactly(15, DayCount.BUSINESS, ClockStart.RECEIPT_AND_PAYMENT);
        assertThat(physicians.citation()).isEqualTo("22 Tex. Admin. Code 165.2");
    }

    @Test
    void newYorkIsFirmPolicyAndClaimsNoStatutoryDeadline() {
        DeadlineRule rule = rules.deadline(facts(LegalBasis.AUTHORIZATION, "NY", HolderType.HOSPITAL));
        assertThat(rule.statutory()).isFalse();
        assertThat(rule.source()).contains("N.Y. Public Health Law 18", "reasonable time", "Firm policy",
                "no statutory deadline or lateness is claimed");
    }

    @Test
    void subpoenaIsDueOnItsReturnDateWithItsAssuranceNamed() {
        DeadlineRule rule = rules.deadline(facts(LegalBasis.SUBPOENA, "NY", HolderType.HOSPITAL));
        assertThat(rule.dayCount()).isEqualTo(DayCount.RETURN_DATE);
        assertThat(rule.source()).contains("164.512(e)(1)(ii)");
    }

    /** Every state the issue names has a row for every holder and record type, with a source; firm policy says so. */
    @ParameterizedTest
    @ValueSource(strings = {"CA", "TX", "NY", "FL", "IL", "GA", "OH", "PA", "NJ", "MI"})
    void everyHolderInTheStatesWithRowsHasARuleWithItsSource(String state) {
        for (HolderType type : HolderType.values()) {
            for (RecordType records : RecordType.values()) {
                DeadlineRule rule = rules.deadline(new DeadlineFacts(LegalBasis.AUTHORIZATION, state, type, records, false, false));
                assertThat(rule.source()).as("%s %s %s", state, type, records).isNotBlank();
                assertThat(rule.rollSource()).as("%s %s %s", state, type, records).isNotBlank();
                assertThat(rule.statutory() || rule.source().contains("Firm policy")).as("%s %s %s: %s", state, type, records,
                        rule.source()).isTrue();
                if (rule.rollsToBusinessDay() || rule.dayCount() == DayCount.BUSINESS) {
                    assertThat(calendar.hasCalendar(state)).as("holiday calendar of " + state).isTrue();
                }
            }
        }
    }

    /** docs/deadlines.md is what the firm's lawyers review: it must quote every row's source as the table has it. */
    @Test
    void theLawyersReviewPageQuotesEveryRowsSource() throws IOException {
        String review = Files.readString(Path.of("docs/deadlines.md"));
        DmnModelInstance table = Dmn.readModelFromFile(Path.of("processes/request-deadline.dmn").toFile());
        Collection<Rule> rows = table.getModelElementsByType(Rule.class);

        assertThat(rows).hasSizeGreaterThan(15).allSatisfy(row -> {
            String source = row.getOutputEntries().stream().toList().get(10).getText().getTextContent();
            assertThat(review).as(row.getDescription().getTextContent()).contains(source.substring(1, source.length() - 1));
        });
    }

    @Test
    void stateWithoutRowsIsAClearErrorNotASilentDefault() {
        assertThatThrownBy(() -> rules.deadline(facts(LegalBasis.AUTHORIZATION, "WA", HolderType.HOSPITAL)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("No deadline rule for a AUTHORIZATION request in WA to a HOSPITAL (medical records): an analyst must "
                        + "add a row to request-deadline.dmn (or choose another legal basis)");
    }

    @Test
    void theHolidayCalendarCovers2026To2028AndRefusesToGuessBeyond() {
        assertThat(calendar.isBusinessDay("TX", LocalDate.of(2026, 1, 19))).as("Confederate Heroes Day").isFalse();
        assertThat(calendar.isBusinessDay("CA", LocalDate.of(2028, 12, 29))).isTrue();
        assertThatThrownBy(() -> calendar.isBusinessDay("CA", LocalDate.of(2029, 1, 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not cover 2029");
        assertThatThrownBy(() -> calendar.requireCalendar("WA"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("No holiday calendar for WA");
    }

    private static DeadlineFacts facts(LegalBasis basis, String state, HolderType type) {
        return new DeadlineFacts(basis, state, type, RecordType.MEDICAL_RECORDS, false, false);
    }

    @Test
    void billsGoToTheBillingOfficeEvenWhenRecordsGoToHim() {
        assertThat(rules.routing(HolderType.HOSPITAL, RecordType.BILLS, ReleaseRoute.IN_HOUSE_HIM).department())
                .isEqualTo("Patient Financial Services (billing office)");
        assertThat(rules.routing(HolderType.HOSPITAL, RecordType.MEDICAL_RECORDS, ReleaseRoute.IN_HOUSE_HIM).department())
                .isEqualTo("Health Information Management (medical records)");
    }

    @Test
    void outsourcedReleaseGoesToTheVendorAndFilmsToRadiology() {
        assertThat(rules.routing(HolderType.PHYSICIAN_GROUP, RecordType.MEDICAL_RECORDS, ReleaseRoute.ROI_VENDOR).department())
                .isEqualTo("Release-of-information vendor");
        assertThat(rules.routing(HolderType.HOSPITAL, RecordType.BILLS, ReleaseRoute.ROI_VENDOR).department())
                .isEqualTo("Release-of-information vendor, billing records");
        assertThat(rules.routing(HolderType.RADIOLOGY, RecordType.IMAGES, ReleaseRoute.ROI_VENDOR).department())
                .isEqualTo("Radiology film library");
    }
}
