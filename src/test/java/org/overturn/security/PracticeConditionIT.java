package org.overturn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The practice condition a list adds to its query: a user who works every practice gets none, as an administrator
 * (every record has a practice, so it keeps the same rows as the scope's semi-join); anyone else the semi-join. Each test runs in a
 * transaction that is rolled back, so the practice it adds is seen by no other test.
 */
@OverturnIntegrationTest
class PracticeConditionIT {

    @Autowired
    PracticeAccess access;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private static CurrentUser biller(String id) {
        return new CurrentUser(id, Set.of(Roles.BILLER), Set.of("appeals"));
    }

    @Test
    void aUserAssignedToEveryPracticeGetsTheSameRowsWithoutACondition() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            long mine = newPractice("Condition Test A");
            newPractice("Condition Test B");
            jdbc.update("insert into practice_assignment (user_id, practice_id) values ('every-it', null)");
            jdbc.update("insert into practice_assignment (user_id, practice_id) values ('one-it', ?)", mine);

            SqlCondition every = access.condition(biller("every-it"), "p.id");
            SqlCondition one = access.condition(biller("one-it"), "p.id");
            SqlCondition none = access.condition(biller("nobody-it"), "p.id");

            assertThat(every).isEqualTo(SqlCondition.NONE);
            assertThat(access.seesEveryPractice(biller("every-it"))).isTrue();
            assertThat(access.seesEveryPractice(biller("one-it"))).isFalse();
            assertThat(one.sql()).contains("practice_user_scope");
            assertThat(none.sql()).contains("practice_user_scope");
            long practices = jdbc.queryForObject("select count(*) from practice", Long.class);
            assertThat(count(every)).isEqualTo(practices).isEqualTo(countThroughScope("every-it"));
            assertThat(count(one)).isEqualTo(1);
            assertThat(count(none)).isZero();
        });
    }

    @Test
    void aUserAssignedToEachPracticeOneByOneLosesTheShortcutWhenAPracticeIsAdded() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            newPractice("Condition Test C");
            jdbc.update("insert into practice_assignment (user_id, practice_id) select 'each-it', id from practice");
            assertThat(access.condition(biller("each-it"), "p.id")).isEqualTo(SqlCondition.NONE);

            long added = newPractice("Condition Test D");

            SqlCondition condition = access.condition(biller("each-it"), "p.id");
            assertThat(condition.sql()).contains("practice_user_scope");
            assertThat(jdbc.queryForObject("select count(*) from practice p where p.id = ?" + condition.sql(),
                    Long.class, concat(added, condition.args()))).isZero();
        });
    }

    private long newPractice(String name) {
        return jdbc.queryForObject("insert into practice (name, status, recognised_from) values (?, 'ACTIVE', 'CREATED') returning id", Long.class,
                name);
    }

    private long count(SqlCondition condition) {
        return jdbc.queryForObject("select count(*) from practice p where true" + condition.sql(), Long.class,
                condition.args().toArray());
    }

    private long countThroughScope(String user) {
        return jdbc.queryForObject("select count(*) from practice p where p.id in "
                + "(select s.practice_id from practice_user_scope s where s.user_id = ?)", Long.class, user);
    }

    private static Object[] concat(Object first, List<Object> rest) {
        Object[] all = new Object[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            all[i + 1] = rest.get(i);
        }
        return all;
    }
}
