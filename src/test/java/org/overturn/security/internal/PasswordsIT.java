package org.overturn.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Passwords are kept as bcrypt hashes, old SHA-512 ones are upgraded at sign-in, and new ones follow a policy. */
@OverturnIntegrationTest
class PasswordsIT {

    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aNewPasswordIsKeptAsABcryptHash() {
        var user = identity.newUser("hashed-new");
        user.setPassword("a-long-enough-secret");
        identity.saveUser(user);

        assertThat(hashOf("hashed-new")).startsWith("{BCRYPT}$2a$10$");
        assertThat(identity.checkPassword("hashed-new", "a-long-enough-secret")).isTrue();
        assertThat(identity.checkPassword("hashed-new", "a-long-enough-secreT")).isFalse();
    }

    @Test
    void anOldSha512HashStillSignsInAndIsRewrittenWithBcrypt() {
        var user = identity.newUser("hashed-old");
        user.setPassword("placeholder-password");
        identity.saveUser(user);
        String salt = jdbc.queryForObject("select salt_ from act_id_user where id_ = 'hashed-old'", String.class);
        String legacy = "{SHA-512}" + new Sha512HashDigest().encrypt(EncryptionUtil.saltPassword("the-old-one-9", salt));
        jdbc.update("update act_id_user set pwd_ = ? where id_ = 'hashed-old'", legacy);

        assertThat(rest.withBasicAuth("hashed-old", "the-old-one-9").getForEntity("/api/queues", String.class)
                .getStatusCode().value()).isEqualTo(200);

        assertThat(hashOf("hashed-old")).startsWith("{BCRYPT}");
        assertThat(identity.checkPassword("hashed-old", "the-old-one-9")).isTrue();
    }

    @Test
    void newPasswordsFollowThePolicyWhereItIsOn() {
        var policy = engine.getProcessEngineConfiguration().getPasswordPolicy();
        assertThat(policy).isInstanceOf(Passwords.Policy.class);
        assertThat(identity.checkPasswordAgainstPolicy(policy, "demo").isValid()).isFalse();
        assertThat(identity.checkPasswordAgainstPolicy(policy, "password1234").isValid()).isFalse();
        assertThat(identity.checkPasswordAgainstPolicy(policy, "wide-river-stone-42").isValid()).isTrue();
        var named = identity.newUser("mona");
        assertThat(identity.checkPasswordAgainstPolicy(policy, "mona-is-my-password", named).isValid()).isFalse();

        var configuration = engine.getProcessEngineConfiguration();
        configuration.setEnablePasswordPolicy(true);
        try {
            var weak = identity.newUser("weak-password-user");
            weak.setPassword("short");
            assertThatThrownBy(() -> identity.saveUser(weak)).isInstanceOf(ProcessEngineException.class);
            assertThat(identity.createUserQuery().userId("weak-password-user").count()).isZero();
        } finally {
            configuration.setEnablePasswordPolicy(false);
        }
    }

    private String hashOf(String user) {
        return jdbc.queryForObject("select pwd_ from act_id_user where id_ = ?", String.class, user);
    }
}
