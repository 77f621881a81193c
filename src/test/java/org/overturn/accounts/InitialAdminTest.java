package org.overturn.accounts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.overturn.security.SecurityProperties;

class InitialAdminTest {

    final UserAccounts accounts = mock(UserAccounts.class);

    @Test
    void refusesToStartAnEmptyDatabaseWithoutAnAdminPassword() {
        when(accounts.anyExist()).thenReturn(false);

        assertThatThrownBy(() -> new InitialAdmin(accounts, new SecurityProperties("admin", null)).create())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("OVERTURN_SECURITY_ADMIN_PASSWORD");
        assertThatThrownBy(() -> new InitialAdmin(accounts, new SecurityProperties("admin", "short")).create())
                .isInstanceOf(IllegalStateException.class);
        verify(accounts, never()).ensure(anyString(), any(), any(), any(), any());
    }

    @Test
    void createsTheFirstAdministratorWithTheConfiguredPassword() {
        when(accounts.anyExist()).thenReturn(false);

        new InitialAdmin(accounts, new SecurityProperties("it-admin", "a-long-secret-phrase")).create();

        verify(accounts).ensure(eq("it-admin"), any(), any(), eq("a-long-secret-phrase"),
                argThat(groups -> groups.contains("admin") && groups.contains("camunda-admin")));
    }

    @Test
    void leavesAnExistingDatabaseAlone() {
        when(accounts.anyExist()).thenReturn(true);

        new InitialAdmin(accounts, new SecurityProperties("admin", null)).create();

        verify(accounts, never()).ensure(anyString(), any(), any(), any(), any());
    }
}
