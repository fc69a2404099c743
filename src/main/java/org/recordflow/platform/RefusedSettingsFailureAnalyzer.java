package org.recordflow.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows the settings a profile refused as Spring Boot's "APPLICATION FAILED TO START" report, not a stack trace. */
public class RefusedSettingsFailureAnalyzer extends AbstractFailureAnalyzer<RefusedSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RefusedSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the settings listed above (README, \"Configuration\") and start Recordflow again.", cause);
    }
}
