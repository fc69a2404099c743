package org.recordflow.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.recordflow.casefile.HolderType;
import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordType;
import org.recordflow.casefile.ReleaseRoute;
import org.recordflow.platform.InvalidInputException;
import org.recordflow.support.ProcessEngineTests;

/** The shipped request-deadline.dmn and request-routing.dmn, evaluated by the engine. */
@Deployment(resources = {"processes/request-deadline.dmn", "processes/request-routing.dmn"})
class RequestRulesTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineTests.extension();

    ProcessEngine processEngine;
    RequestRules rules;

    @BeforeEach
    void rules() {
        rules = new RequestRules(processEngine.getDecisionService());
    }

    @Test
    void patientAccessHasThirtyCalendarDaysAndOneThirtyDayExtensionInAnyState() {
        DeadlineRule rule = rules.deadline(LegalBasis.PATIENT_ACCESS, "FL", HolderType.HOSPITAL);
        assertThat(rule).extracting(DeadlineRule::dueDays, DeadlineRule::dayCount, DeadlineRule::extensionAllowed,
                DeadlineRule::extensionDays, DeadlineRule::followUpDays)
                .containsExactly(30, DayCount.CALENDAR, true, 30, 14);
        assertThat(rule.source()).contains("164.524");
        assertThat(rules.deadline(LegalBasis.PATIENT_DIRECTED_ELECTRONIC, "CA", HolderType.RADIOLOGY).dueDays()).isEqualTo(30);
    }

    @Test
    void californiaAuthorizationRequestIsDueInFiveDaysWithoutExtension() {
        DeadlineRule rule = rules.deadline(LegalBasis.AUTHORIZATION, "CA", HolderType.PHYSICIAN_GROUP);
        assertThat(rule.dueDays()).isEqualTo(5);
        assertThat(rule.extensionAllowed()).isFalse();
        assertThat(rule.source()).contains("1158");
        assertThat(rule.dueDate(LocalDate.of(2026, 3, 2), null)).isEqualTo(LocalDate.of(2026, 3, 7));
    }

    @Test
    void texasHospitalsCountCalendarDaysAndPhysiciansBusinessDays() {
        DeadlineRule hospital = rules.deadline(LegalBasis.AUTHORIZATION, "TX", HolderType.HOSPITAL);
        DeadlineRule physicians = rules.deadline(LegalBasis.AUTHORIZATION, "TX", HolderType.PHYSICIAN_GROUP);
        LocalDate fridayReceipt = LocalDate.of(2026, 11, 27);

        assertThat(hospital.dayCount()).isEqualTo(DayCount.CALENDAR);
        assertThat(hospital.dueDate(fridayReceipt, null)).isEqualTo(LocalDate.of(2026, 12, 12));
        assertThat(physicians.dayCount()).isEqualTo(DayCount.BUSINESS);
        assertThat(physicians.dueDate(fridayReceipt, null)).isEqualTo(LocalDate.of(2026, 12, 18));
    }

    @Test
    void subpoenaIsDueOnItsReturnDate() {
        DeadlineRule rule = rules.deadline(LegalBasis.SUBPOENA, "NY", HolderType.HOSPITAL);
        assertThat(rule.dayCount()).isEqualTo(DayCount.RETURN_DATE);
        assertThat(rule.dueDate(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 15))).isEqualTo(LocalDate.of(2026, 4, 15));
    }

    @Test
    void stateWithoutRowsIsAClearErrorNotASilentDefault() {
        assertThatThrownBy(() -> rules.deadline(LegalBasis.AUTHORIZATION, "FL", HolderType.HOSPITAL))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("No deadline rule for a AUTHORIZATION request in FL to a HOSPITAL: an analyst must add a row "
                        + "to request-deadline.dmn (or choose another legal basis)");
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
