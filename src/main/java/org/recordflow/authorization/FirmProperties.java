package org.recordflow.authorization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The firm that receives the records, as named on authorizations and letters. */
@ConfigurationProperties("recordflow.firm")
public record FirmProperties(
        @DefaultValue("the law firm representing the patient") String name,
        @DefaultValue("") String address,
        @DefaultValue("") String phone,
        @DefaultValue("") String email) {
}
