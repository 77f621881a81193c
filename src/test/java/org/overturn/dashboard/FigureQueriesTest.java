package org.overturn.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataRetrievalFailureException;

/** The dashboard's queries side by side: each on a thread of its own, their answers and errors as if run in line. */
class FigureQueriesTest {

    @Test
    void queriesRunSideBySide() {
        try (FigureQueries queries = new FigureQueries(3)) {
            // each waits for the other two: only three at once finish
            CountDownLatch allStarted = new CountDownLatch(3);
            var asked = java.util.stream.IntStream.range(0, 3).mapToObj(i -> queries.ask(() -> {
                allStarted.countDown();
                try {
                    return allStarted.await(30, TimeUnit.SECONDS) ? Thread.currentThread().getName() : "alone";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            })).toList();

            assertThat(asked.stream().map(FigureQueries::answer).toList())
                    .allMatch(name -> name.startsWith("dashboard-query-")).doesNotHaveDuplicates();
        }
    }

    @Test
    void aQueryThatFailsThrowsItsOwnExceptionToTheCaller() {
        try (FigureQueries queries = new FigureQueries(2)) {
            var failed = queries.ask(() -> {
                throw new DataRetrievalFailureException("relation does not exist");
            });

            assertThatThrownBy(() -> FigureQueries.answer(failed)).isInstanceOf(DataRetrievalFailureException.class)
                    .hasMessage("relation does not exist");
            assertThat(FigureQueries.answer(queries.ask(() -> 42))).as("the thread is still there").isEqualTo(42);
        }
    }
}
