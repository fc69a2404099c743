package org.recordflow.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.recordflow.casefile.CaseFile;
import org.recordflow.casefile.CasePhase;
import org.recordflow.casefile.CaseType;
import org.recordflow.casefile.HolderType;
import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordHolder;
import org.recordflow.casefile.RecordType;
import org.recordflow.casefile.ReleaseRoute;
import org.recordflow.casefile.SendChannel;

class AuthorizationDocumentTest {

    static final FirmProperties FIRM = new FirmProperties("Reyes & Morgan LLP", "100 Main St, Oakland CA 94612",
            "(510) 555-0199", "records@reyesmorgan.example");
    static final StateAuthorizationRules.Rules FEDERAL = new StateAuthorizationRules.Rules(10, false, 365, "");
    static final StateAuthorizationRules.Rules CALIFORNIA = new StateAuthorizationRules.Rules(14, true, 365,
            "California Civil Code 56.11: in at least 14-point type.");

    static CaseFile caseFile(String state) {
        return new CaseFile(7, "RF-00007", "Maria Lopez", LocalDate.of(1984, 2, 29), CaseType.PERSONAL_INJURY, state,
                LocalDate.of(2026, 1, 15), "paralegals", CasePhase.AUTHORIZATION, LegalBasis.AUTHORIZATION, null,
                LocalDate.of(2025, 1, 15), true, true, "paula", OffsetDateTime.now(), "pi-1");
    }

    static final List<RecordHolder> HOLDERS = List.of(
            new RecordHolder(1, 7, 1, "St. Luke's Medical Center", HolderType.HOSPITAL, ReleaseRoute.IN_HOUSE_HIM,
                    SendChannel.MAIL, EnumSet.of(RecordType.MEDICAL_RECORDS, RecordType.BILLS), null, null, null,
                    "1 Hospital Way, San Francisco CA"),
            new RecordHolder(2, 7, 2, "Bay Physical Therapy", HolderType.PHYSICAL_THERAPY, ReleaseRoute.IN_HOUSE_HIM,
                    SendChannel.FAX, EnumSet.of(RecordType.MEDICAL_RECORDS), null, null, "4155550100", null));

    static HipaaAuthorization draft(AuthorizationScope scope) {
        return new HipaaAuthorization(3, 7, scope, AuthorizationStatus.DRAFT, "CA", null, null, null, null, null, null);
    }

    @Test
    void generalAuthorizationStatesEveryCoreElementAndRequiredStatement() throws IOException {
        String text = text(AuthorizationDocument.render(draft(AuthorizationScope.GENERAL), caseFile("TX"), HOLDERS, FEDERAL, FIRM));

        assertThat(text)
                // 164.508(c)(1): description, who discloses, who receives, purpose, expiration, signature and date
                .contains("Information to be disclosed").contains("medical records, itemized bills and billing records")
                .contains("from January 15, 2025 to the date of release")
                .contains("Who may disclose").contains("St. Luke's Medical Center").contains("Bay Physical Therapy")
                .contains("Who may receive").contains("Reyes & Morgan LLP")
                .contains("Purpose").contains("At the request of the individual")
                .contains("Expiration").contains("This authorization expires on")
                .contains("Signature of patient or personal representative").contains("Date signed")
                .contains("Representative's authority")
                // 164.508(c)(2): revocation, conditioning, re-disclosure
                .contains("Right to revoke").contains("No conditioning").contains("may be re-disclosed by the recipient")
                .contains("Maria Lopez").contains("February 29, 1984")
                .contains("does not cover psychotherapy notes or substance use disorder");
    }

    @Test
    void psychotherapyNotesHaveTheirOwnAuthorizationThatCannotBeCombined() throws IOException {
        String text = text(AuthorizationDocument.render(draft(AuthorizationScope.PSYCHOTHERAPY_NOTES), caseFile("TX"),
                HOLDERS, FEDERAL, FIRM));

        assertThat(text).contains("Authorization to Release Psychotherapy Notes")
                .contains("Psychotherapy notes, as defined in 45 CFR 164.501")
                .contains("may not be combined with an authorization for any other information")
                .doesNotContain("itemized bills");
    }

    @Test
    void substanceUseConsentNamesPart2RecordsAndCarriesTheNotice() throws IOException {
        String text = text(AuthorizationDocument.render(draft(AuthorizationScope.SUBSTANCE_USE_DISORDER), caseFile("TX"),
                HOLDERS, FEDERAL, FIRM));

        assertThat(text).contains("Consent to Disclose Substance Use Disorder Records (42 CFR Part 2)")
                .contains("Substance use disorder information")
                .contains("42 CFR part 2 prohibits unauthorized use or disclosure of these records")
                .contains("may not be re-disclosed by the recipient except as part 2 permits")
                .contains("I may revoke this consent orally or in writing")
                .contains("Who may receive").contains("Purpose");
    }

    @Test
    void californiaVersionIsSetInFourteenPointTypeWithASpecificExpirationDate() throws IOException {
        byte[] pdf = AuthorizationDocument.render(draft(AuthorizationScope.GENERAL), caseFile("CA"), HOLDERS, CALIFORNIA, FIRM);

        assertThat(fontSizes(pdf)).isNotEmpty().allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(14f));
        assertThat(text(pdf)).contains("a specific date, as state law requires").contains("California Civil Code 56.11");
    }

    @Test
    void otherStatesUseTenPointBodyType() throws IOException {
        byte[] pdf = AuthorizationDocument.render(draft(AuthorizationScope.GENERAL), caseFile("TX"), HOLDERS, FEDERAL, FIRM);

        assertThat(fontSizes(pdf)).contains(10f).allSatisfy(size -> assertThat(size).isLessThan(14f + 6));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    static List<Float> fontSizes(byte[] pdf) throws IOException {
        List<Float> sizes = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    positions.forEach(p -> sizes.add(p.getFontSizeInPt()));
                }
            }.getText(document);
        }
        return sizes;
    }
}
