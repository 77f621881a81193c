package org.overturn.system;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses a start that mixes up demo and production, before anything is created: the demo profile (demo users with
 * the password {@code demo}, demo data) runs only on the embedded database, so a server pointed at a real database
 * without {@code SPRING_PROFILES_ACTIVE=prod} stops instead of creating five well-known accounts in it; and the prod
 * profile needs a real database, never the embedded one (which runs as its superuser, in a local folder).
 */
public class ProfileGuard implements EnvironmentPostProcessor {

    static final String DEMO = "demo";
    static final String PROD = "prod";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> active = Arrays.asList(environment.getActiveProfiles());
        List<String> profiles = active.isEmpty() ? Arrays.asList(environment.getDefaultProfiles()) : active;
        String url = environment.getProperty("spring.datasource.url", "");
        boolean external = !url.isBlank();
        if (profiles.contains(DEMO) && profiles.contains(PROD)) {
            throw new IllegalStateException("Profiles 'demo' and 'prod' together: choose one (prod for your own database)");
        }
        if (profiles.contains(DEMO) && external) {
            throw new IllegalStateException("The demo profile (demo users with password 'demo', demo data) runs only on "
                    + "the embedded database, but spring.datasource.url is set. For your own database start with "
                    + "SPRING_PROFILES_ACTIVE=prod (see README, Running in production); for the demo, unset "
                    + "SPRING_DATASOURCE_URL.");
        }
        if (profiles.contains(PROD) && !external) {
            throw new IllegalStateException("The prod profile needs your PostgreSQL: set SPRING_DATASOURCE_URL (and its "
                    + "user and password). Without it Overturn would run an embedded database as its superuser in a "
                    + "local folder (see README, Running in production).");
        }
    }
}
