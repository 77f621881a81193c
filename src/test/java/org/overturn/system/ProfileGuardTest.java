package org.overturn.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Demo accounts never reach a real database, and production never runs on the embedded one. */
class ProfileGuardTest {

    final ProfileGuard guard = new ProfileGuard();

    @Test
    void theDemoProfileRefusesAnExternalDatabase() {
        var environment = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db.example.org/overturn"));
        environment.setActiveProfiles("demo");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("demo profile").hasMessageContaining("SPRING_PROFILES_ACTIVE=prod");
    }

    @Test
    void noProfileMeansDemoAndSoRefusesAnExternalDatabaseToo() {
        var environment = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db.example.org/overturn"));
        environment.setDefaultProfiles("demo");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("demo profile");
    }

    @Test
    void theProdProfileRefusesTheEmbeddedDatabase() {
        var environment = environment(Map.of());
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void theLocalRunAndProductionPass() {
        var local = environment(Map.of());
        local.setDefaultProfiles("demo");
        var production = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db.example.org/overturn"));
        production.setActiveProfiles("prod");

        assertThatCode(() -> guard.postProcessEnvironment(local, new SpringApplication())).doesNotThrowAnyException();
        assertThatCode(() -> guard.postProcessEnvironment(production, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void aRealStartIsRefusedBeforeAnythingIsCreated() {
        var start = new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).profiles("demo")
                .properties("spring.datasource.url=jdbc:postgresql://db.example.org/overturn");

        assertThatThrownBy(start::run).hasMessageContaining("demo profile");
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
