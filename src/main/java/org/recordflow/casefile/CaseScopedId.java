package org.recordflow.casefile;

import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A kind of id in our URLs that belongs to one case, such as {@code {requestId}} or {@code {packetId}}.
 * Each module declares its own as a bean; {@link CaseAccessInterceptor} checks every such path
 * variable of every request against {@link CaseAccess}, so no endpoint can forget to.
 */
public interface CaseScopedId {

    /** The name of the path variable, e.g. {@code requestId}. */
    String pathVariable();

    /** The case the object belongs to; empty when there is no such object (the endpoint answers 404). */
    Optional<Long> caseOf(long id);

    static CaseScopedId of(String pathVariable, LongFunction<Optional<Long>> caseOf) {
        return new CaseScopedId() {
            @Override
            public String pathVariable() {
                return pathVariable;
            }

            @Override
            public Optional<Long> caseOf(long id) {
                return caseOf.apply(id);
            }
        };
    }
}
