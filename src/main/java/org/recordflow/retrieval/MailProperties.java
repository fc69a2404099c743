package org.recordflow.retrieval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Sender of outgoing letters; the SMTP server itself is configured with spring.mail.*. */
@ConfigurationProperties("recordflow.mail")
public record MailProperties(@DefaultValue("records@recordflow.invalid") String from,
                             @DefaultValue("recordflow.invalid") String messageIdDomain) {
}
