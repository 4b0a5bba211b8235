package dev.cqrs.command.web;

import dev.cqrs.command.outbox.EventMetadata;
import dev.cqrs.security.ApiSecurity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Binds the {@link EventMetadata} of the events this request appends: the actor is the verified access token's
 * subject ({@code sub}, RFC 7519 §4.1.2; Spring Security ran just before, so the token is checked), never a header
 * the caller could set; the correlation id is the caller's {@code X-Correlation-Id} (or a new one), echoed back.
 * A request without a token (only the open paths get this far) acts as {@code "anonymous"}.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class RequestMetadataFilter extends OncePerRequestFilter {

    static final String CORRELATION_ID = "X-Correlation-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = safeOr(request.getHeader(CORRELATION_ID), UUID.randomUUID().toString());
        String actor = ApiSecurity.subject().orElse("anonymous");
        response.setHeader(CORRELATION_ID, correlationId);
        EventMetadata.bind(new EventMetadata(correlationId, actor));
        try {
            chain.doFilter(request, response);
        } finally {
            EventMetadata.clear();
        }
    }

    /** The header ends up in events and logs: accept only a plain token, never arbitrary text. */
    private static String safeOr(String value, String fallback) {
        return value != null && SAFE.matcher(value).matches() ? value : fallback;
    }
}
