package org.overturn.part2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admins' page of Part 2 programs. */
@OverturnIntegrationTest
class Part2ProgramPagesIT {

    @LocalServerPort
    int port;

    @Test
    void flagsAndUnflagsAProviderThroughTheForm() {
        WebClient admin = WebClient.anonymous(port).as("admin");
        assertThat(admin.get("/part2/programs").body()).contains("id=\"flag-program\"").contains("name=\"_csrf\"");

        var added = admin.post("/part2/programs", Map.of("npi", "1987654369", "name", "Riverbend Recovery"));

        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(admin.get("/part2/programs").body()).contains("1987654369").contains("Riverbend Recovery");
        assertThat(admin.post("/part2/programs/1987654369/remove", Map.of()).statusCode()).isEqualTo(302);
        assertThat(admin.get("/part2/programs").body()).doesNotContain("Riverbend Recovery");
    }

    @Test
    void saysWhatIsWrongWithAMistypedNpi() {
        var refused = WebClient.anonymous(port).as("admin")
                .post("/part2/programs", Map.of("npi", "1234567890", "name", "Typo"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("check digit").contains("value=\"1234567890\"");
    }

    @Test
    void isForAdminsOnly() {
        assertThat(WebClient.anonymous(port).as("sud-biller").get("/part2/programs").statusCode()).isEqualTo(403);
        assertThat(WebClient.anonymous(port).as("manager").post("/part2/programs",
                Map.of("npi", "1987654369", "name", "Not mine to flag")).statusCode()).isEqualTo(403);
    }
}
