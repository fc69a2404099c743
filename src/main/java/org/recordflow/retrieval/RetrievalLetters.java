package org.recordflow.retrieval;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.recordflow.authorization.FirmProperties;
import org.recordflow.casefile.CaseFile;
import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordHolder;
import org.recordflow.platform.PdfDocumentWriter;
import org.springframework.stereotype.Component;

/** The letters and reports of retrieval, as PDFs: request, follow-up, escalation, OCR complaint, diligence report. */
@Component
public class RetrievalLetters {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    static final float BODY = 11;
    static final float SMALL = 8;

    private final FirmProperties firm;

    RetrievalLetters(FirmProperties firm) {
        this.firm = firm;
    }

    public byte[] requestLetter(RecordRequest request, CaseFile caseFile, RecordHolder holder, LocalDate date,
                                List<String> enclosures) {
        try (var pdf = letterhead("Request for records - " + caseFile.reference(), caseFile, date)) {
            addressee(pdf, request, holder);
            pdf.heading("Re: " + caseFile.clientName() + ", date of birth " + caseFile.clientDateOfBirth().format(DATE));
            pdf.paragraph(basisParagraph(request.legalBasis(), caseFile));
            pdf.paragraph("Please produce the following " + request.recordType().label().toLowerCase(Locale.ROOT)
                    + " for the patient named above, for dates of service from "
                    + (caseFile.recordsFrom() == null ? caseFile.incidentDate() : caseFile.recordsFrom()).format(DATE)
                    + " to the present, in electronic form where available:");
            request.recordType().describeContents().forEach(pdf::bullet);
            pdf.paragraph(deadlineParagraph(request, caseFile));
            enclosuresList(pdf, enclosures);
            return closing(pdf);
        }
    }

    public byte[] followUpLetter(RecordRequest request, CaseFile caseFile, RecordHolder holder, LocalDate date,
                                 int followUpNumber) {
        try (var pdf = letterhead("Follow-up " + followUpNumber + " - " + caseFile.reference(), caseFile, date)) {
            addressee(pdf, request, holder);
            pdf.heading("Re: " + caseFile.clientName() + ", date of birth " + caseFile.clientDateOfBirth().format(DATE)
                    + " - follow-up " + followUpNumber);
            pdf.paragraph("On " + request.sentOn().format(DATE) + " we requested the patient's "
                    + request.recordType().label().toLowerCase(Locale.ROOT) + ". We have not yet received them."
                    + (request.effectiveDueOn() == null ? "" : " " + dueSentence(request)));
            pdf.paragraph("Please produce the records, or tell us the expected date and any charge or form you need, "
                    + "by reply to this letter. A copy of our original request is on file with your office.");
            return closing(pdf);
        }
    }

    public byte[] escalationLetter(RecordRequest request, CaseFile caseFile, RecordHolder holder, LocalDate date,
                                   List<Correspondence> log) {
        try (var pdf = letterhead("Records overdue - " + caseFile.reference(), caseFile, date)) {
            pdf.paragraph("DRAFT for supervisor review");
            addressee(pdf, request, holder);
            pdf.heading("Re: overdue records of " + caseFile.clientName());
            pdf.paragraph("Your office received our request for the patient's " + request.recordType().label()
                    .toLowerCase(Locale.ROOT) + " on " + request.providerReceivedOn().format(DATE) + ". "
                    + (request.deadlineRule().statutory() ? "The time to produce them under " + request.deadlineRule().citation()
                    + " expired on " + request.effectiveDueOn().format(DATE) : "We asked for them by "
                    + request.effectiveDueOn().format(DATE) + " and have not received them") + ". Our contacts since then:");
            log.forEach(c -> pdf.bullet(c.occurredAt().toLocalDate().format(DATE) + ", " + c.channel().name().toLowerCase(Locale.ROOT)
                    + ": " + c.subject() + (c.outcome() == null ? "" : " (" + c.outcome() + ")")));
            pdf.paragraph("Please produce the records within 10 days of this letter, or explain in writing why they cannot be "
                    + "produced. Without a response we will consider every remedy available to our client"
                    + (request.legalBasis() == LegalBasis.AUTHORIZATION ? ", including a subpoena." : ", including a complaint "
                    + "to the U.S. Department of Health and Human Services, Office for Civil Rights."));
            return closing(pdf);
        }
    }

    /** The facts of a right-of-access complaint to HHS OCR, drawn from the log, for the attorney to finalize. */
    public byte[] ocrComplaintDraft(RecordRequest request, CaseFile caseFile, RecordHolder holder, List<Correspondence> log) {
        try (var pdf = new PdfDocumentWriter(BODY, SMALL, "HHS OCR complaint draft", caseFile.reference() + " - OCR complaint draft")) {
            pdf.title("Health Information Privacy Complaint - DRAFT");
            pdf.paragraph("To the U.S. Department of Health and Human Services, Office for Civil Rights (right of access, "
                    + "45 CFR 164.524). Prepared from the firm's correspondence log; verify before filing.");
            pdf.heading("Covered entity");
            pdf.paragraph(holder.name() + (holder.address() == null ? "" : ", " + holder.address()));
            pdf.heading("Individual");
            pdf.paragraph(caseFile.clientName() + ", date of birth " + caseFile.clientDateOfBirth().format(DATE));
            pdf.heading("What happened");
            pdf.paragraph("The individual requested access to " + request.recordType().label().toLowerCase(Locale.ROOT)
                    + ". The covered entity received the request on " + request.providerReceivedOn().format(DATE)
                    + ". The 30-day period" + (request.extendedDueOn() != null ? ", extended once," : "")
                    + " ended on " + request.effectiveDueOn().format(DATE) + " without the records being provided.");
            pdf.heading("Contacts with the covered entity");
            log.forEach(c -> pdf.bullet(c.occurredAt().toLocalDate().format(DATE) + " " + c.direction().name().toLowerCase(Locale.ROOT)
                    + " " + c.channel().name().toLowerCase(Locale.ROOT) + ": " + c.subject()
                    + (c.outcome() == null ? "" : " - " + c.outcome())));
            return pdf.toBytes();
        }
    }

    /** Every contact of a request, with hashes of what was sent: counsel's evidence of diligence. */
    public byte[] diligenceReport(RecordRequest request, CaseFile caseFile, List<Correspondence> log, LocalDate date) {
        try (var pdf = new PdfDocumentWriter(10, SMALL, "Diligence report", caseFile.reference() + " - diligence report, request "
                + request.id())) {
            pdf.title("Record request diligence report");
            pdf.labelled("Case", caseFile.reference());
            pdf.labelled("Record holder", request.holderName() + (request.department() == null ? "" : ", " + request.department()));
            pdf.labelled("Records", request.recordType().label());
            pdf.labelled("Legal basis", request.legalBasis().name());
            pdf.labelled("Sent", request.sentOn() == null ? "not yet" : request.sentOn().format(DATE));
            pdf.labelled("Received by provider", request.providerReceivedOn() == null ? "unknown" : request.providerReceivedOn().format(DATE));
            pdf.labelled(request.deadlineRule().statutory() ? "Legal deadline" : "Asked for by (firm policy)",
                    request.effectiveDueOn() == null ? "-" : request.effectiveDueOn().format(DATE)
                    + (request.extendedDueOn() != null ? " (extended from " + request.dueOn().format(DATE) + ")" : ""));
            pdf.labelled("Firm's target", request.targetOn() == null ? "-" : request.targetOn().format(DATE));
            pdf.labelled("Deadline rule", request.deadlineRule().source() == null ? "-" : request.deadlineRule().source());
            pdf.labelled("Status", request.status().name());
            pdf.labelled("Report generated", date.format(DATE));
            pdf.heading("Correspondence (" + log.size() + " entries)");
            for (Correspondence c : log) {
                pdf.paragraph(c.occurredAt().toString() + " - " + c.direction() + " by " + c.channel() + "\n"
                        + c.subject() + (c.counterpart() == null ? "" : "\nWith: " + c.counterpart())
                        + (c.outcome() == null ? "" : "\nOutcome: " + c.outcome())
                        + "\nBy: " + c.actor() + " (" + c.recordedBy() + ")");
                c.attachments().forEach(a -> pdf.bullet(a.fileName() + ", " + a.sizeBytes() + " bytes, SHA-256 " + a.sha256()));
            }
            return pdf.toBytes();
        }
    }

    private PdfDocumentWriter letterhead(String title, CaseFile caseFile, LocalDate date) {
        var pdf = new PdfDocumentWriter(BODY, SMALL, title, caseFile.reference() + " - " + title);
        pdf.title(firm.name());
        if (!firm.address().isBlank()) {
            pdf.paragraph(firm.address() + (firm.phone().isBlank() ? "" : "  |  " + firm.phone())
                    + (firm.email().isBlank() ? "" : "  |  " + firm.email()));
        }
        pdf.paragraph(date.format(DATE) + "    Our reference: " + caseFile.reference());
        return pdf;
    }

    private static void addressee(PdfDocumentWriter pdf, RecordRequest request, RecordHolder holder) {
        pdf.paragraph(holder.name() + "\n" + (request.department() == null ? "" : request.department() + "\n")
                + (holder.address() == null ? "" : holder.address()));
    }

    private static String basisParagraph(LegalBasis basis, CaseFile caseFile) {
        return switch (basis) {
            case PATIENT_ACCESS -> "The patient requests access to their records under the HIPAA right of access, "
                    + "45 CFR 164.524, and directs that copies be sent to this office.";
            case PATIENT_DIRECTED_ELECTRONIC -> "Under 45 CFR 164.524(c)(3)(ii), the patient directs you to transmit an "
                    + "electronic copy of their electronic health records to this office.";
            case AUTHORIZATION -> "We represent the patient. The enclosed authorization, signed by the patient under "
                    + "45 CFR 164.508, permits you to release the records below to this office.";
            case SUBPOENA -> "The enclosed subpoena commands production of the records below by "
                    + (caseFile.subpoenaReturnDate() == null ? "its return date" : caseFile.subpoenaReturnDate().format(DATE)) + ".";
        };
    }

    /**
     * The deadline as the request letter states it. Only a statutory rule cites its law; a firm-policy
     * rule (New York's "reasonable time", for one) asks, and never claims a statutory deadline.
     */
    private static String deadlineParagraph(RecordRequest request, CaseFile caseFile) {
        DeadlineRule rule = request.deadlineRule();
        if (rule.dayCount() == DayCount.RETURN_DATE) {
            return "Please produce the records by the return date of the subpoena"
                    + (caseFile.subpoenaReturnDate() == null ? "" : ", " + caseFile.subpoenaReturnDate().format(DATE)) + ".";
        }
        String receipt = rule.clockStart() == ClockStart.RECEIPT_AND_PAYMENT
                ? "of receiving this request and payment of your fee" : "of receiving this request";
        return rule.statutory()
                ? "Under " + rule.citation() + ", the records are due within " + rule.period() + " " + receipt + "."
                : "We ask for the records within " + rule.period() + " " + receipt + ".";
    }

    /** The follow-up letter's deadline sentence: the legal deadline where statutory, else the date we asked for. */
    private static String dueSentence(RecordRequest request) {
        String due = request.effectiveDueOn().format(DATE);
        return request.deadlineRule().statutory()
                ? "Under " + request.deadlineRule().citation() + " they are due by " + due + "."
                : "We asked for them by " + due + ".";
    }

    private static void enclosuresList(PdfDocumentWriter pdf, List<String> enclosures) {
        if (!enclosures.isEmpty()) {
            pdf.heading("Enclosures");
            enclosures.forEach(pdf::bullet);
        }
    }

    private byte[] closing(PdfDocumentWriter pdf) {
        pdf.paragraph("Thank you for your prompt attention. Please direct questions to the undersigned.");
        pdf.signatureLine("For " + firm.name());
        return pdf.toBytes();
    }
}
