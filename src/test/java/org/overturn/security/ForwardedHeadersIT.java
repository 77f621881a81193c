package org.overturn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind the production proxy (the prod profile's {@code server.forward-headers-strategy}), the client's address
 * in X-Forwarded-For reaches the audit log, and a request the proxy received over HTTPS is secure: HSTS is sent.
 */
@OverturnIntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=" + ForwardedHeadersIT.PROD_STRATEGY)
class ForwardedHeadersIT {

    static final String PROD_STRATEGY = "native";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theProductionProfileTrustsItsProxy() {
        var prod = new YamlPropertiesFactoryBean();
        prod.setResources(new ClassPathResource("application-prod.yml"));
        var base = new YamlPropertiesFactoryBean();
        base.setResources(new ClassPathResource("application.yml"), new ClassPathResource("application-demo.yml"));

        assertThat(prod.getObject().getProperty("server.forward-headers-strategy")).isEqualTo(PROD_STRATEGY);
        assertThat(base.getObject().getProperty("server.forward-headers-strategy")).isNull();
        // and sends letters (PHI) to its mail server over TLS only
        assertThat(prod.getObject()).containsEntry("spring.mail.properties[mail.smtp.starttls.enable]", true)
                .containsEntry("spring.mail.properties[mail.smtp.starttls.required]", true);
    }

    @Test
    void auditsTheForwardedClientAddressAndSendsHstsOnAForwardedHttpsRequest() throws Exception {
        // the test's own address, 127.0.0.1, is among the proxies Tomcat trusts (loopback and private networks)
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/queues"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "forwarded-prod:not-the-password".getBytes()))
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https").GET().build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).contains("max-age="));
        assertThat(jdbc.queryForList("select remote_address from audit_event where actor = 'forwarded-prod' "
                + "and action = 'LOGIN_FAILURE'", String.class)).containsOnly("203.0.113.7");
    }
}
