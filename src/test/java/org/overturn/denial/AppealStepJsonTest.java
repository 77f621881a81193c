package org.overturn.denial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overturn.regime.AppealRegime;

class AppealStepJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void aStepWithNothingUrgentCarriesTheContractsFiveFields() throws Exception {
        var step = new AppealStep(AppealRegime.ERISA, 1, "Internal appeal", LocalDate.of(2026, 6, 1), "Plan");

        assertThat(fieldsOf(step)).containsExactly("regime", "level", "levelName", "dueOn", "recipient");
    }

    @Test
    void anExpeditedStepAddsItsClocks() throws Exception {
        var step = new AppealStep(AppealRegime.ERISA, 1, "Internal appeal", LocalDate.of(2026, 6, 1), "Plan",
                true, Instant.parse("2026-05-04T12:00:00Z"), Instant.parse("2026-05-02T12:00:00Z"));

        JsonNode node = json.valueToTree(step);
        assertThat(fieldsOf(step)).containsExactly("regime", "level", "levelName", "dueOn", "recipient",
                "expedited", "dueAt", "peerToPeerDueAt");
        assertThat(node.get("expedited").asBoolean()).isTrue();
    }

    @Test
    void aPeerToPeerOfferWithoutAnExpeditedAppealShowsOnlyItsWindow() throws Exception {
        var step = new AppealStep(AppealRegime.MEDICARE_AB, 1, "Redetermination", LocalDate.of(2026, 6, 1), "MAC",
                false, null, Instant.parse("2026-05-02T12:00:00Z"));

        assertThat(fieldsOf(step)).containsExactly("regime", "level", "levelName", "dueOn", "recipient",
                "peerToPeerDueAt");
    }

    private List<String> fieldsOf(AppealStep step) {
        List<String> names = new ArrayList<>();
        json.valueToTree(step).fieldNames().forEachRemaining(names::add);
        return names;
    }
}
