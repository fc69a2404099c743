package org.recordflow.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration
class RecordsConfiguration {

    /** The page rule set; an installation may point {@code recordflow.records.page-rules} at its own copy. */
    @Bean
    PageRules pageRules(@Value("${recordflow.records.page-rules:classpath:records/page-rules.json}") Resource rules) {
        try (InputStream in = rules.getInputStream()) {
            return PageRules.read(in, rules.getDescription());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read page rules " + rules.getDescription(), e);
        }
    }
}
