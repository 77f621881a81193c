package org.overturn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every API and page, GET and POST, against every demo role: the roles allowed get past security (whatever the
 * request's own answer: 200, 400, 404...), every other role gets a 403, and nobody signed out gets in. What a
 * role may do with one record (its queues, Part 2) is the access gate's, tested in {@link AccessGateIT}.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleEndpointMatrixIT {

    static final List<String> USERS = List.of("biller", "sud-biller", "parity", "manager", "admin");
    static final Set<String> EVERYONE = Set.copyOf(USERS);
    static final Set<String> BILLERS = Set.of("biller", "sud-biller");
    static final Set<String> PART2 = Set.of("sud-biller", "admin");
    static final Set<String> MANAGERS = Set.of("manager", "admin");
    static final Set<String> ADMIN = Set.of("admin");

    /** What a request sends: nothing, a JSON object, an 835 file, or a form (pages). */
    enum Body { NONE, JSON, FILE, FORM }

    record Endpoint(String method, String path, Body body, Set<String> allowed) {
        boolean page() {
            return !path.startsWith("/api") && !path.startsWith("/engine-rest");
        }
    }

    static Set<String> plus(Set<String> roles, String... more) {
        var all = new java.util.HashSet<>(roles);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    static List<Endpoint> endpoints() {
        return List.of(
                // work queues and tasks: every signed-in user; which queue and task is the queue's rule
                new Endpoint("GET", "/api/queues", Body.NONE, EVERYONE),
                new Endpoint("GET", "/api/tasks/no-such-task", Body.NONE, EVERYONE),
                new Endpoint("POST", "/api/tasks/no-such-task/claim", Body.NONE, EVERYONE),
                new Endpoint("POST", "/api/tasks/no-such-task/complete", Body.JSON, EVERYONE),
                // denials: everyone, each within the gate's scope
                new Endpoint("GET", "/api/denials", Body.NONE, EVERYONE),
                new Endpoint("GET", "/api/denials/999999999", Body.NONE, EVERYONE),
                new Endpoint("GET", "/api/denials/999999999/letters", Body.NONE, EVERYONE),
                new Endpoint("GET", "/api/denials/999999999/attachments", Body.NONE, EVERYONE),
                new Endpoint("GET", "/api/denials/999999999/corrected-claim.837", Body.NONE, EVERYONE),
                new Endpoint("POST", "/api/denials/999999999/appeal-decision", Body.JSON, plus(BILLERS, "admin")),
                new Endpoint("POST", "/api/denials/999999999/retro-authorization-decision", Body.JSON,
                        plus(BILLERS, "admin")),
                new Endpoint("GET", "/api/reason-codes/carc/16", Body.NONE, EVERYONE),
                new Endpoint("POST", "/api/reason-codes/carc", Body.FILE, ADMIN),
                // remittances name every patient of a payment: billing roles, managers, admins
                new Endpoint("GET", "/api/remittances", Body.NONE, plus(BILLERS, "manager", "admin")),
                new Endpoint("GET", "/api/remittances/999999999", Body.NONE, plus(BILLERS, "manager", "admin")),
                // underpayments: the same roles as the remittances they come from
                new Endpoint("GET", "/api/underpayments", Body.NONE, plus(BILLERS, "manager", "admin")),
                new Endpoint("POST", "/api/underpayments/999999999", Body.JSON, plus(BILLERS, "manager", "admin")),
                // a practice's terms, rates and Part 2 programs: admins' page
                new Endpoint("GET", "/practices/999999999", Body.NONE, ADMIN),
                new Endpoint("POST", "/api/remittances", Body.FILE, plus(BILLERS, "admin")),
                new Endpoint("GET", "/api/quarantine", Body.NONE, plus(BILLERS, "manager", "admin")),
                new Endpoint("GET", "/api/quarantine/999999999/content", Body.NONE, ADMIN),
                // Part 2: programs for admins, consents for users who see Part 2
                new Endpoint("GET", "/api/part2/programs", Body.NONE, ADMIN),
                new Endpoint("POST", "/api/part2/programs", Body.JSON, ADMIN),
                new Endpoint("GET", "/api/denials/999999999/consents", Body.NONE, PART2),
                new Endpoint("POST", "/api/denials/999999999/consents", Body.JSON, PART2),
                new Endpoint("POST", "/api/consents/999999999/revoke", Body.NONE, PART2),
                // parity: specialists, managers, admins
                new Endpoint("GET", "/api/parity/cases", Body.NONE, Set.of("parity", "manager", "admin")),
                new Endpoint("GET", "/api/payers/NO-SUCH-PAYER/parity-facts", Body.NONE,
                        Set.of("parity", "manager", "admin")),
                new Endpoint("PUT", "/api/payers/NO-SUCH-PAYER/parity-facts", Body.JSON,
                        Set.of("parity", "manager", "admin")),
                new Endpoint("POST", "/api/denials/999999999/parity/analysis-received", Body.JSON,
                        Set.of("parity", "manager", "admin")),
                // the payer directory: everyone reads it, managers and admins change it
                new Endpoint("GET", "/api/payers", Body.NONE, EVERYONE),
                new Endpoint("GET", "/api/payers/export.xlsx", Body.NONE, EVERYONE),
                new Endpoint("PUT", "/api/payers/NO-SUCH-PAYER", Body.JSON, MANAGERS),
                new Endpoint("POST", "/api/payers/import", Body.FILE, MANAGERS),
                // managers' figures and the audit log
                // the authorization register: the authorizations queue (billers), managers, admins
                new Endpoint("GET", "/api/authorizations?memberId=MATRIX", Body.NONE, plus(BILLERS, "manager", "admin")),
                new Endpoint("POST", "/api/authorizations", Body.JSON, plus(BILLERS, "manager", "admin")),
                new Endpoint("GET", "/api/authorizations/999999999", Body.NONE, plus(BILLERS, "manager", "admin")),
                new Endpoint("POST", "/api/authorizations/import", Body.FILE, plus(BILLERS, "manager", "admin")),
                new Endpoint("GET", "/api/dashboard", Body.NONE, MANAGERS),
                new Endpoint("GET", "/api/audit", Body.NONE, ADMIN),
                new Endpoint("GET", "/api/audit/export", Body.NONE, ADMIN),
                // the process engine: admins only
                new Endpoint("GET", "/engine-rest/engine", Body.NONE, ADMIN),
                new Endpoint("POST", "/engine-rest/engine/default/deployment/create", Body.FILE, ADMIN),
                new Endpoint("GET", "/actuator/metrics", Body.NONE, ADMIN),
                // pages
                new Endpoint("GET", "/", Body.NONE, EVERYONE),
                new Endpoint("GET", "/queues/coding", Body.NONE, plus(BILLERS, "manager", "admin")),
                new Endpoint("GET", "/denials", Body.NONE, EVERYONE),
                new Endpoint("GET", "/denials/999999999", Body.NONE, EVERYONE),
                new Endpoint("POST", "/denials/999999999/notes", Body.FORM, EVERYONE),
                new Endpoint("GET", "/outbox", Body.NONE, EVERYONE),
                new Endpoint("GET", "/payers", Body.NONE, EVERYONE),
                new Endpoint("GET", "/payers/new", Body.NONE, MANAGERS),
                new Endpoint("POST", "/payers", Body.FORM, MANAGERS),
                new Endpoint("GET", "/authorizations", Body.NONE, plus(BILLERS, "manager", "admin")),
                new Endpoint("GET", "/authorizations/new", Body.NONE, plus(BILLERS, "manager", "admin")),
                new Endpoint("POST", "/authorizations", Body.FORM, plus(BILLERS, "manager", "admin")),
                new Endpoint("POST", "/authorizations/import", Body.FORM, plus(BILLERS, "manager", "admin")),
                new Endpoint("GET", "/parity", Body.NONE, Set.of("parity", "manager", "admin")),
                new Endpoint("POST", "/denials/999999999/parity/analysis-received", Body.FORM,
                        Set.of("parity", "manager", "admin")),
                new Endpoint("GET", "/part2/programs", Body.NONE, ADMIN),
                new Endpoint("POST", "/part2/programs", Body.FORM, ADMIN),
                new Endpoint("GET", "/dashboard", Body.NONE, MANAGERS),
                new Endpoint("GET", "/dashboard/export.xlsx", Body.NONE, MANAGERS),
                new Endpoint("GET", "/exports/denials.xlsx", Body.NONE, MANAGERS),
                new Endpoint("GET", "/exports/queues/coding.xlsx", Body.NONE, MANAGERS),
                new Endpoint("GET", "/camunda/app/cockpit/default/", Body.NONE, ADMIN),
                new Endpoint("GET", "/camunda/app/admin/default/", Body.NONE, ADMIN));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String user : USERS) {
                all.add(Arguments.of(endpoint.method(), endpoint.path(), user, endpoint.allowed().contains(user),
                        endpoint));
            }
            all.add(Arguments.of(endpoint.method(), endpoint.path(), null, false, endpoint));
        }
        return all.stream();
    }

    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;
    final Map<String, WebClient> sessions = new HashMap<>();

    @BeforeAll
    void signIn() {
        for (String user : USERS) {
            sessions.put(user, WebClient.anonymous(port).as(user));
        }
    }

    @ParameterizedTest(name = "{2} {0} {1} allowed={3}")
    @MethodSource("matrix")
    void onlyTheRolesAllowedGetThrough(String method, String path, String user, boolean allowed, Endpoint endpoint) {
        int status = endpoint.page() ? page(endpoint, user) : api(endpoint, user);

        if (user == null) {
            // a page posted without a session fails its CSRF check first: refused all the same
            assertThat(status).as("signed out").isIn(401, SIGN_IN, endpoint.page() ? 403 : 401);
        } else if (allowed) {
            assertThat(status).as("%s may %s %s", user, method, path).isNotIn(401, 403, SIGN_IN);
        } else {
            assertThat(status).as("%s may not %s %s", user, method, path).isEqualTo(403);
        }
    }

    private int api(Endpoint endpoint, String user) {
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
        HttpHeaders headers = new HttpHeaders();
        Object body = null;
        switch (endpoint.body()) {
            case JSON -> {
                headers.setContentType(MediaType.APPLICATION_JSON);
                body = "{}";
            }
            case FILE -> {
                headers.setContentType(MediaType.MULTIPART_FORM_DATA);
                var parts = new LinkedMultiValueMap<String, Object>();
                byte[] content = KnownRemittance.from("MATRIX", "MATRIX HEALTH", "MATRIX-TRACE", "20260107", "100")
                        .claim("CLP*MATRIX-1*1*100*100*0*12*ICN-M", "SVC*HC:90834*100*100**1").bytes();
                parts.add(endpoint.path().contains("deployment") ? "data" : "file", new ByteArrayResource(content) {
                    @Override
                    public String getFilename() {
                        return "matrix.835";
                    }
                });
                body = parts;
            }
            default -> {
            }
        }
        return client.exchange(endpoint.path(), HttpMethod.valueOf(endpoint.method()), new HttpEntity<>(body, headers),
                String.class).getStatusCode().value();
    }

    /** A redirect to the sign-in page: the page's way of saying 401. */
    static final int SIGN_IN = -302;

    private int page(Endpoint endpoint, String user) {
        HttpResponse<?> response;
        if (user == null) {
            WebClient anonymous = WebClient.anonymous(port);
            response = "GET".equals(endpoint.method()) ? anonymous.get(endpoint.path())
                    : anonymous.post(endpoint.path(), Map.of());
        } else if ("GET".equals(endpoint.method())) {
            response = sessions.get(user).getBytes(endpoint.path());
        } else {
            // the session's CSRF token goes with the form
            response = sessions.get(user).post(endpoint.path(), Map.of("note", "a note", "summary", "x", "npi", "1",
                    "name", "x"));
        }
        boolean toSignIn = response.statusCode() == 302
                && response.headers().firstValue("Location").orElse("").contains("/login");
        return toSignIn ? SIGN_IN : response.statusCode();
    }
}
