package org.recordflow.authorization;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.recordflow.casefile.CaseFile;
import org.recordflow.casefile.RecordHolder;
import org.recordflow.casefile.RecordType;
import org.recordflow.platform.PdfDocumentWriter;

/**
 * The text of an authorization in plain language, with every core element and required statement of
 * 45 CFR 164.508(c); psychotherapy notes (164.508(a)(2)) and substance-use disorder records
 * (42 CFR Part 2, 2.31 and 2.32) get their own documents with the content those rules require.
 */
final class AuthorizationDocument {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    static final String PART_2_NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";

    private AuthorizationDocument() {
    }

    static byte[] render(HipaaAuthorization authorization, CaseFile caseFile, List<RecordHolder> holders,
                         StateAuthorizationRules.Rules stateRules, FirmProperties firm) {
        AuthorizationScope scope = authorization.scope();
        // Every line, footer and captions included, in at least the state's minimum type size
        float minimum = stateRules.minimumFontSize();
        try (var pdf = new PdfDocumentWriter(minimum, minimum, title(scope),
                caseFile.reference() + " - " + title(scope))) {
            pdf.title(title(scope));
            pdf.paragraph(subtitle(scope));

            pdf.heading("1. Patient");
            pdf.labelled("Name", caseFile.clientName());
            pdf.labelled("Date of birth", caseFile.clientDateOfBirth().format(DATE));

            pdf.heading("2. Who may disclose the information");
            pdf.paragraph("Each of the following, including its medical records, billing and imaging departments and "
                    + "any release-of-information company acting for it:");
            holders.forEach(h -> pdf.bullet(h.name() + (h.address() == null ? "" : ", " + h.address())));

            pdf.heading("3. Who may receive the information");
            pdf.paragraph(firm.name() + (firm.address().isBlank() ? "" : ", " + firm.address())
                    + (firm.phone().isBlank() ? "" : ", telephone " + firm.phone())
                    + ", and its attorneys, paralegals and staff.");

            pdf.heading("4. Information to be disclosed");
            pdf.paragraph(description(scope, holders, caseFile));

            pdf.heading("5. Purpose");
            pdf.paragraph(scope == AuthorizationScope.SUBSTANCE_USE_DISORDER
                    ? "To evaluate, pursue and resolve my legal claim arising from the incident of "
                    + caseFile.incidentDate().format(DATE) + ", at my request. The recipient may use the records only for this purpose."
                    : "At the request of the individual: to evaluate, pursue and resolve my legal claim arising from the incident of "
                    + caseFile.incidentDate().format(DATE) + ".");

            pdf.heading("6. Expiration");
            pdf.paragraph(expiration(authorization, stateRules));

            pdf.heading("7. My rights");
            pdf.paragraph("Right to revoke: I may revoke this authorization at any time by writing to each provider named "
                    + "above (and to " + firm.name() + "). Revocation does not affect information already disclosed in "
                    + "reliance on this authorization" + (scope == AuthorizationScope.SUBSTANCE_USE_DISORDER
                    ? ". I may revoke this consent orally or in writing, except where the program has already acted in reliance on it." : "."));
            pdf.paragraph("No conditioning: my treatment, payment, enrollment in a health plan or eligibility for benefits "
                    + "will not be conditioned on whether I sign this authorization.");
            pdf.paragraph(scope == AuthorizationScope.SUBSTANCE_USE_DISORDER
                    ? "Re-disclosure: information disclosed under this consent is protected by 42 CFR part 2 and may not be "
                    + "re-disclosed by the recipient except as part 2 permits."
                    : "Re-disclosure: information disclosed under this authorization may be re-disclosed by the recipient "
                    + "and may then no longer be protected by federal privacy rules.");
            pdf.paragraph("I am entitled to a copy of this signed authorization.");
            if (scope == AuthorizationScope.PSYCHOTHERAPY_NOTES) {
                pdf.paragraph("This authorization covers psychotherapy notes only and may not be combined with an "
                        + "authorization for any other information (45 CFR 164.508(b)(3)(ii)).");
            }
            if (scope == AuthorizationScope.SUBSTANCE_USE_DISORDER) {
                pdf.heading("Notice to the recipient (42 CFR 2.32)");
                pdf.paragraph(PART_2_NOTICE + " Each disclosure made with this consent must be accompanied by this notice.");
            }
            if (!stateRules.stateNote().isBlank()) {
                pdf.heading("State requirements (" + caseFile.stateCode() + ")");
                pdf.paragraph(stateRules.stateNote());
            }

            pdf.heading("8. Signature");
            pdf.paragraph("I have read this authorization and I sign it only to authorize the disclosure described above.");
            pdf.signatureLine("Signature of patient or personal representative");
            pdf.signatureLine("Date signed");
            pdf.signatureLine("Printed name");
            pdf.paragraph("If signed by a personal representative, describe the representative's authority to act for the "
                    + "patient (for example: parent of a minor, guardian, health care power of attorney, executor):");
            pdf.labelled("Representative's authority", authorization.representativeAuthority());
            return pdf.toBytes();
        }
    }

    static String title(AuthorizationScope scope) {
        return switch (scope) {
            case GENERAL -> "Authorization to Release Health Information";
            case PSYCHOTHERAPY_NOTES -> "Authorization to Release Psychotherapy Notes";
            case SUBSTANCE_USE_DISORDER -> "Consent to Disclose Substance Use Disorder Records (42 CFR Part 2)";
        };
    }

    private static String subtitle(AuthorizationScope scope) {
        return switch (scope) {
            case GENERAL -> "Under the HIPAA Privacy Rule, 45 CFR 164.508. This authorization does not cover psychotherapy "
                    + "notes or substance use disorder treatment records: those need their own authorization.";
            case PSYCHOTHERAPY_NOTES -> "Under 45 CFR 164.508(a)(2). Psychotherapy notes are the therapist's separate notes "
                    + "of counseling sessions; they need this separate authorization.";
            case SUBSTANCE_USE_DISORDER -> "Under 42 CFR part 2 (2.31). This consent covers records of substance use "
                    + "disorder diagnosis, treatment or referral from a federally assisted program.";
        };
    }

    private static String description(AuthorizationScope scope, List<RecordHolder> holders, CaseFile caseFile) {
        String range = "from " + (caseFile.recordsFrom() == null ? caseFile.incidentDate() : caseFile.recordsFrom()).format(DATE)
                + " to the date of release";
        return switch (scope) {
            case GENERAL -> "My complete " + holders.stream().flatMap(h -> h.recordTypes().stream()).distinct()
                    .map(AuthorizationDocument::describe).collect(Collectors.joining(", "))
                    + " " + range + ", including office and hospital notes, emergency department records, histories and "
                    + "physicals, operative and procedure reports, discharge summaries, test and laboratory results, "
                    + "radiology reports, therapy notes, correspondence and itemized statements of charges.";
            case PSYCHOTHERAPY_NOTES -> "Psychotherapy notes, as defined in 45 CFR 164.501, " + range + ".";
            case SUBSTANCE_USE_DISORDER -> "Substance use disorder information: records of my diagnosis, treatment, "
                    + "prognosis and referral for substance use disorder, including records protected by 42 CFR part 2, "
                    + range + ".";
        };
    }

    private static String describe(RecordType type) {
        return switch (type) {
            case MEDICAL_RECORDS -> "medical records";
            case BILLS -> "itemized bills and billing records";
            case IMAGES -> "radiology images and films";
        };
    }

    private static String expiration(HipaaAuthorization authorization, StateAuthorizationRules.Rules rules) {
        LocalDate expiresOn = authorization.expiresOn();
        String date = expiresOn == null ? "________________ (month, day, year)" : expiresOn.format(DATE);
        return "This authorization expires on " + date
                + (rules.specificExpirationDateRequired() ? " (a specific date, as state law requires)." : ".");
    }
}
