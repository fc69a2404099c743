package org.recordflow.retrieval;

import org.recordflow.casefile.CaseScopedId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Record requests and generated letters belong to their case; see {@link CaseScopedId}. */
@Configuration
class RetrievalIdsInUrls {

    @Bean
    CaseScopedId requestIdInUrl(RecordRequestRepository requests) {
        return CaseScopedId.of("requestId", id -> requests.find(id).map(RecordRequest::caseId));
    }

    @Bean
    CaseScopedId documentIdInUrl(GeneratedDocuments documents) {
        return CaseScopedId.of("documentId", documents::caseOf);
    }
}
