package org.overturn.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Who may reach what: every role against every kind of endpoint, the engine's webapps and REST API included. */
@OverturnIntegrationTest
class SecurityBoundaryIT {

    /** A browser without a session is sent to the login form. */
    static final int LOGIN_PAGE = -302;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @LocalServerPort
    int port;

    static Stream<Arguments> boundaries() {
        return Stream.of(
                // nobody gets in without a login; the API says so in JSON
                Arguments.of(null, "GET", "/api/queues", 401),
                Arguments.of(null, "GET", "/api/denials", 401),
                Arguments.of(null, "GET", "/api/remittances", 401),
                Arguments.of(null, "GET", "/api/audit", 401),
                // a POST without a login is asked to sign in, not refused for a missing CSRF token
                Arguments.of(null, "POST", "/api/remittances", 401),
                Arguments.of(null, "GET", "/engine-rest/engine/{engine}/process-definition", 401),
                Arguments.of(null, "GET", "/v3/api-docs", LOGIN_PAGE),
                Arguments.of(null, "GET", "/camunda/app/cockpit/{engine}/", LOGIN_PAGE),
                Arguments.of(null, "GET", "/actuator/health", 200),
                // the probes of a load balancer or orchestrator: ready once started (and the demo replayed)
                Arguments.of(null, "GET", "/actuator/health/readiness", 200),
                Arguments.of(null, "GET", "/actuator/health/liveness", 200),
                // billers work their queues, nothing of the engine or the audit log
                Arguments.of("biller", "GET", "/api/queues", 200),
                Arguments.of("biller", "GET", "/api/queues/coding/tasks", 200),
                Arguments.of("biller", "GET", "/api/queues/managers/tasks", 403),
                Arguments.of("biller", "GET", "/api/queues/parity/tasks", 403),
                Arguments.of("biller", "GET", "/api/denials", 200),
                Arguments.of("biller", "GET", "/api/audit", 403),
                Arguments.of("biller", "GET", "/engine-rest/engine/{engine}/process-definition", 403),
                Arguments.of("biller", "GET", "/camunda/app/cockpit/{engine}/", 403),
                Arguments.of("biller", "GET", "/actuator/metrics", 403),
                Arguments.of("parity", "GET", "/api/queues/parity/tasks", 200),
                Arguments.of("parity", "GET", "/api/queues/coding/tasks", 403),
                // managers see every queue, not the engine (its tools bypass the product's rules) nor the audit log
                Arguments.of("manager", "GET", "/api/queues/coding/tasks", 200),
                Arguments.of("manager", "GET", "/api/queues/managers/tasks", 200),
                Arguments.of("manager", "GET", "/api/audit", 403),
                Arguments.of("manager", "GET", "/engine-rest/engine/{engine}/process-definition", 403),
                Arguments.of("manager", "GET", "/camunda/app/cockpit/{engine}/", 403),
                Arguments.of("admin", "GET", "/api/audit", 200),
                Arguments.of("admin", "GET", "/api/audit/export", 200),
                Arguments.of("admin", "GET", "/engine-rest/engine/{engine}/process-definition", 200),
                Arguments.of("admin", "GET", "/camunda/app/admin/{engine}/", 200),
                Arguments.of("admin", "GET", "/v3/api-docs", 200),
                // a wrong password is a 401, whatever the endpoint
                Arguments.of("nobody:wrong", "GET", "/api/queues", 401),
                // HTTP Basic signs in the API only: a page sees no login, even with the right password
                Arguments.of("biller:demo", "GET", "/api/queues", 200),
                Arguments.of("biller:demo", "GET", "/", LOGIN_PAGE),
                Arguments.of("manager:demo", "GET", "/dashboard", LOGIN_PAGE),
                Arguments.of("manager:demo", "GET", "/camunda/app/cockpit/{engine}/", LOGIN_PAGE),
                Arguments.of("admin:demo", "GET", "/v3/api-docs", LOGIN_PAGE));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("boundaries")
    void answersEachRoleAsAllowed(String user, String method, String path, int expected) {
        path = path.replace("{engine}", engine.getName());
        if (user != null && !user.contains(":") && !path.startsWith("/api/") && !path.startsWith("/engine-rest/")) {
            // pages (the engine's webapps too) take the session of the login form only
            var page = WebClient.anonymous(port).as(user).get(path);
            assertThat(page.statusCode()).isEqualTo(expected);
            return;
        }
        ResponseEntity<String> response = call(user, method, path);

        if (expected == LOGIN_PAGE) {
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(response.getBody()).contains("name=\"username\"").contains("name=\"password\"");
            return;
        }
        assertThat(response.getStatusCode().value()).isEqualTo(expected);
        if (path.startsWith("/api") && (expected == 401 || expected == 403)) {
            assertThat(response.getHeaders().getContentType().toString()).startsWith("application/json");
            assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @org.junit.jupiter.api.Test
    void apiErrorsCarryNoStackTrace() {
        var response = as("admin").getForEntity("/api/denials/not-a-number", JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("trace");
    }

    @org.junit.jupiter.api.Test
    void sendsSecurityHeaders() {
        HttpHeaders headers = as("biller").getForEntity("/api/queues", String.class).getHeaders();

        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(headers.getFirst("Cache-Control")).contains("no-store");
    }

    private ResponseEntity<String> call(String user, String method, String path) {
        TestRestTemplate client = user == null ? rest : user.contains(":")
                ? rest.withBasicAuth(user.split(":")[0], user.split(":")[1]) : as(user);
        return client.exchange(path, HttpMethod.valueOf(method), HttpEntity.EMPTY, String.class);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }
}
