package org.overturn.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the database cannot be reached, every request says so the same way: 503 with {@code Retry-After}, a
 * JSON problem for the API and the error page for people, so that clients know to try again rather than
 * taking it for a fault in what they sent. A filter ahead of everything else, because the sign-in itself
 * (HTTP Basic against the engine's users) is often what meets the outage first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailable extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    static final String RETRY_AFTER_SECONDS = "30";

    private final MappingJackson2HttpMessageConverter json;

    DatabaseUnavailable(MappingJackson2HttpMessageConverter json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (response.isCommitted() || !lostConnection(e)) {
                throw e;
            }
            answer(e, request, response);
        }
    }

    /**
     * A connection that could not be had (pool timeout), broke (SQLSTATE class 08, or 57P server shutdown), or
     * was found closed by the pool when a transaction tried to finish on it.
     */
    static boolean lostConnection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof org.springframework.transaction.TransactionSystemException
                    || cause instanceof org.hibernate.TransactionException) {
                return true;
            }
            if (cause instanceof SQLException && cause.getStackTrace().length > 0
                    && cause.getStackTrace()[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection")) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private void answer(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.warn("Database unreachable during {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getClass().getSimpleName());
        response.resetBuffer();
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database cannot be reached at the moment. Nothing was changed; try again shortly.");
            problem.setTitle("Database unavailable");
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            json.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
        } else {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }
}
