package org.recordflow.retrieval;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.recordflow.casefile.ReleaseRoute;

/** What a provider answered, as the paralegal records it on the request's waiting task. */
public record ProviderResponse(Type type, LocalDate receivedOn, ContactChannel channel, String notes,
                               String missingRecords, BigDecimal feeAmount, LocalDate invoiceDate,
                               ReleaseRoute correctRoute) {

    public enum Type {
        PRODUCTION_COMPLETE(Route.PRODUCTION),
        PRODUCTION_PARTIAL(Route.PRODUCTION),
        NO_RECORDS(Route.PRODUCTION),
        FEE_INVOICE(Route.FEE),
        IDENTITY_VERIFICATION(Route.PROVIDER_FORM),
        PROVIDER_FORM(Route.PROVIDER_FORM),
        PORTAL_ACCESS(Route.PORTAL),
        WRONG_DEPARTMENT(Route.REROUTE),
        NO_REQUEST_ON_FILE(Route.REROUTE),
        REFUSAL(Route.REFUSAL);

        private final Route route;

        Type(Route route) {
            this.route = route;
        }

        public Route route() {
            return route;
        }
    }

    /** The BPMN path each kind of response takes (gateway {@code Gateway_ProviderResponse}). */
    public enum Route { PRODUCTION, FEE, PROVIDER_FORM, PORTAL, REROUTE, REFUSAL }
}
