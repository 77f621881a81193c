package org.overturn.security.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * How the engine's identity store keeps and judges passwords. New and changed passwords are hashed with bcrypt
 * (cost 10) instead of the engine's salted SHA-512, which a stolen table gives up to brute force quickly; hashes
 * written before still check, and a user's is rewritten with bcrypt at their next successful sign-in
 * (EngineIdentityAuthenticationProvider). New passwords follow a policy ({@link Policy}): in production on every
 * password set through the engine (Admin, the REST API, the first administrator); off for the local run, whose demo
 * users sign in with {@code demo}. The encryptor ({@code impl} package) and policy interfaces are the engine's
 * extension points, under the same names in the Operaton fork.
 */
@Component
class Passwords extends AbstractProcessEnginePlugin {

    static final int MIN_LENGTH = 12;

    private final boolean policyEnabled;

    Passwords(@Value("${overturn.security.password-policy:true}") boolean policyEnabled) {
        this.policyEnabled = policyEnabled;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // the engine keeps checking its own SHA-512 hashes besides the configured encryptor's
        configuration.setPasswordEncryptor(new Bcrypt());
        configuration.setPasswordPolicy(new Policy());
        configuration.setEnablePasswordPolicy(policyEnabled);
    }

    static final class Bcrypt implements PasswordEncryptor {

        static final String NAME = "BCRYPT";
        /** 2^10 rounds, about 60 ms a check here: API clients signing every request with Basic pay it each time. */
        static final int COST = 10;
        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(COST);

        @Override
        public String encrypt(String password) {
            return bcrypt.encode(password);
        }

        @Override
        public boolean check(String password, String encrypted) {
            return encrypted != null && bcrypt.matches(password, encrypted);
        }

        @Override
        public String hashAlgorithmName() {
            return NAME;
        }
    }

    /** At least {@value #MIN_LENGTH} characters, not the user's id or name, not one of the passwords guessed first. */
    static final class Policy implements PasswordPolicy {

        private static final Set<String> GUESSED_FIRST = Set.of("password1234", "123456789012", "qwertyuiopas",
                "passwordpassword", "changemechangeme", "welcome12345", "letmein12345", "administrator",
                "overturnoverturn");

        @Override
        public List<PasswordPolicyRule> getRules() {
            return List.of(new Rule("PASSWORD_POLICY_LENGTH", Map.of("minLength", String.valueOf(MIN_LENGTH)),
                            (password, user) -> password != null && password.length() >= MIN_LENGTH),
                    new Rule("PASSWORD_POLICY_USER_DATA", Map.of(), Policy::freeOfUserData),
                    new Rule("PASSWORD_POLICY_COMMON", Map.of(), (password, user) -> password != null
                            && !GUESSED_FIRST.contains(password.toLowerCase(Locale.ROOT))));
        }

        private static boolean freeOfUserData(String password, User user) {
            if (password == null || user == null) {
                return true;
            }
            String lower = password.toLowerCase(Locale.ROOT);
            for (String data : new String[] {user.getId(), user.getFirstName(), user.getLastName()}) {
                if (data != null && data.length() >= 3 && lower.contains(data.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            return true;
        }
    }

    private interface Check {
        boolean passes(String password, User user);
    }

    private record Rule(String placeholder, Map<String, String> parameters, Check check) implements PasswordPolicyRule {

        @Override
        public String getPlaceholder() {
            return placeholder;
        }

        @Override
        public Map<String, String> getParameters() {
            return parameters;
        }

        @Override
        public boolean execute(String password) {
            return check.passes(password, null);
        }

        @Override
        public boolean execute(String password, User user) {
            return check.passes(password, user);
        }
    }
}
