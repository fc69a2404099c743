package org.recordflow.retrieval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.recordflow.casefile.CaseFile;
import org.recordflow.casefile.LegalBasis;
import org.recordflow.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subpoena of a subpoena request, stored as uploaded (with its SHA-256) and enclosed byte for
 * byte. A subpoena request goes out only with the subpoena stored and, on the case, the court order
 * or the 45 CFR 164.512(e)(1)(ii) satisfactory assurance or qualified protective order recorded.
 */
@Service
class SubpoenaDocuments {

    static final String KIND = "SUBPOENA";
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final GeneratedDocuments documents;
    private final JdbcClient jdbc;

    SubpoenaDocuments(GeneratedDocuments documents, JdbcClient jdbc) {
        this.documents = documents;
        this.jdbc = jdbc;
    }

    @Transactional
    StoredDocument store(CaseFile caseFile, String fileName, byte[] content) {
        if (caseFile.legalBasis() != LegalBasis.SUBPOENA) {
            throw new InvalidInputException("Case " + caseFile.reference() + " requests records on " + caseFile.legalBasis()
                    + ", not on a subpoena");
        }
        if (content == null || content.length < PDF_MAGIC.length
                || !Arrays.equals(Arrays.copyOf(content, PDF_MAGIC.length), PDF_MAGIC)) {
            throw new InvalidInputException("Upload the subpoena as a PDF file");
        }
        String name = fileName == null || fileName.isBlank() ? "subpoena.pdf"
                : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return documents.store(caseFile.id(), null, KIND, name, content);
    }

    Optional<StoredDocument> onFile(long caseId) {
        return jdbc.sql("select id from generated_document where case_id = ? and kind = ? and request_id is null order by id desc")
                .params(caseId, KIND).query(Long.class).list().stream().findFirst().map(documents::describe);
    }

    /** The subpoena to enclose, or a refusal that says what is missing. */
    StoredDocument requireForSending(CaseFile caseFile) {
        Optional<StoredDocument> subpoena = onFile(caseFile.id());
        List<String> missing = new ArrayList<>();
        if (subpoena.isEmpty()) {
            missing.add("the subpoena itself (upload it as a PDF on the request's page)");
        }
        if (caseFile.subpoenaAssurance() == null) {
            missing.add("the court order, or the satisfactory assurance of notice to the patient or qualified protective "
                    + "order that 45 CFR 164.512(e)(1)(ii) requires for a subpoena no court signed");
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("A subpoena request for case " + caseFile.reference()
                    + " cannot be sent without " + String.join(" and ", missing) + " on file");
        }
        return subpoena.get();
    }
}
