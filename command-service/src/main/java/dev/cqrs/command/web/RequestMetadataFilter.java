package dev.cqrs.command.web;

import dev.cqrs.command.outbox.EventMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the caller's correlation id and user id (or makes them up), binds them as the {@link EventMetadata} of the
 * events this request appends, and echoes the correlation id back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestMetadataFilter extends OncePerRequestFilter {

    static final String CORRELATION_ID = "X-Correlation-Id";
    static final String USER_ID = "X-User-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = safeOr(request.getHeader(CORRELATION_ID), UUID.randomUUID().toString());
        String actor = safeOr(request.getHeader(USER_ID), "anonymous");
        response.setHeader(CORRELATION_ID, correlationId);
        EventMetadata.bind(new EventMetadata(correlationId, actor));
        try {
            chain.doFilter(request, response);
        } finally {
            EventMetadata.clear();
        }
    }

    /** Header values end up in events and logs: accept only a plain token, never arbitrary text. */
    private static String safeOr(String value, String fallback) {
        return value != null && SAFE.matcher(value).matches() ? value : fallback;
    }
}
