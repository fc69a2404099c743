package org.recordflow.records;

import org.recordflow.casefile.CaseScopedId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A received packet belongs to its case; see {@link CaseScopedId}. */
@Configuration
class PacketIdInUrl {

    @Bean
    CaseScopedId packetIdsBelongToCases(PacketRepository packets) {
        return CaseScopedId.of("packetId", id -> packets.find(id).map(Packet::caseId));
    }
}
