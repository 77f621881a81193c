package org.overturn.dashboard;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs the dashboard's independent aggregate queries side by side, each on a connection of its own, so that the
 * page waits for the slowest of them rather than for their sum: the database works them on several cores (at a
 * million claims the page's dozen queries took 200 ms one after the other). A few threads
 * ({@code overturn.dashboard.query-threads}, default 3): each holds a pool connection while it runs, and more
 * managers at once queue for them rather than take the job executor's connections.
 * <p>
 * The figures were never one snapshot: each statement reads the data committed when it starts, one after the other
 * or side by side.
 */
@Component
class FigureQueries implements AutoCloseable {

    private final ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();

    FigureQueries(@Value("${overturn.dashboard.query-threads:3}") int size) {
        threads.setCorePoolSize(size);
        threads.setMaxPoolSize(size);
        threads.setThreadNamePrefix("dashboard-query-");
        threads.setDaemon(true);
        threads.initialize();
    }

    /** Starts a query on one of the threads. */
    <T> CompletableFuture<T> ask(Supplier<T> query) {
        return CompletableFuture.supplyAsync(query, threads);
    }

    /** A query's answer, or its own exception (a database error stays a database error). */
    static <T> T answer(CompletableFuture<T> asked) {
        try {
            return asked.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        threads.shutdown();
    }
}
