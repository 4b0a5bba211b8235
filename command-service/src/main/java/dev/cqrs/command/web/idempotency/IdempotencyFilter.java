package dev.cqrs.command.web.idempotency;

import dev.cqrs.command.outbox.EventMetadata;
import dev.cqrs.command.web.BufferedBodyFilter;
import dev.cqrs.command.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on every POST, PUT, PATCH and DELETE: the first request runs; a repeat with the same key
 * and request gets the stored status, headers and body without running the command again; the same key with a
 * different request gets 422; a repeat while the first still runs gets 409. Keys are per caller (the access token's
 * subject, so two callers' keys never meet and nobody replays another's response) and case-sensitive. "Same request" = same method, path, query, Content-Type, If-Match and body bytes.
 *
 * <p>Only the response of a request whose command committed is stored: a request answered before its command ran
 * (415, 400, a malformed If-Match...) or whose command was refused or failed (404, 409, 412, 5xx) wrote nothing, so
 * the key is released and a corrected retry with the same key runs. The "key used" mark is written in the command's
 * own transaction ({@link IdempotentCommand}), so effect and mark commit together; if the instance dies after that
 * commit but before the response is stored, a retry gets 409 "already applied" rather than running it twice (its
 * response cannot be rebuilt without re-running the controller, and re-running is the one thing that must not happen).
 *
 * <p>Hand-written: Spring has no idempotency-key support, and the semantics (fingerprint, lease, replay) are the
 * point of this filter.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20) // after Spring Security: only authorized requests
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    /** The response headers a replay must repeat; others (Date, Content-Length) are the server's own. */
    private static final List<String> REPLAYED_HEADERS =
            List.of("Location", "ETag", "X-Consistency-Token", "Content-Type");

    private final IdempotencyStore store;
    private final ProblemWriter problems;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration lease;
    private final Duration retention;

    IdempotencyFilter(IdempotencyStore store, ProblemWriter problems, JsonMapper json, Clock clock,
                      @Value("${commands.idempotency.lease:30s}") Duration lease,
                      @Value("${commands.idempotency.retention:24h}") Duration retention) {
        this.store = store;
        this.problems = problems;
        this.json = json;
        this.clock = clock;
        this.lease = lease;
        this.retention = retention;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !MUTATING.contains(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(response, 400, "Invalid Idempotency-Key", "Use 1 to 200 visible ASCII characters, e.g. a UUID");
            return;
        }
        String actor = EventMetadata.current().actor(); // the caller, as its events will name it
        var begin = store.begin(actor, key, fingerprint(request), UUID.randomUUID().toString(), clock.instant(), lease,
                retention);
        switch (begin) {
            case IdempotencyStore.Mismatch m -> problems.write(response, 422, "Idempotency-Key reused",
                    "This key was used for a different request; use a new key for a new request");
            case IdempotencyStore.InProgress p -> problems.write(response, 409, "Request in progress",
                    "A request with this Idempotency-Key is still running; retry later");
            case IdempotencyStore.AppliedResponseLost lost -> problems.write(response, 409, "Request already applied",
                    "A request with this Idempotency-Key changed state, but its response was lost; read the current "
                            + "state instead of retrying");
            case IdempotencyStore.Replay replay -> replay(replay, response);
            case IdempotencyStore.Started started -> runAndRemember(request, response, chain, actor, key,
                    started.owner());
        }
    }

    private void runAndRemember(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                String actor, String key, String owner) throws ServletException, IOException {
        var recorded = new ContentCachingResponseWrapper(response);
        IdempotentCommand.Held held = IdempotentCommand.hold(actor, key, owner);
        try {
            chain.doFilter(request, recorded);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!held.committed) {
                store.release(actor, key, owner);
            }
            throw e;
        } finally {
            IdempotentCommand.drop();
        }
        if (!held.committed) {
            store.release(actor, key, owner);
        } else {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : REPLAYED_HEADERS) {
                String value = recorded.getHeader(name);
                if (value == null && name.equals("Content-Type")) {
                    value = recorded.getContentType();
                }
                if (value != null) {
                    headers.put(name, value);
                }
            }
            // committed: remember the answer whatever it is, even a 5xx from rendering, as running again is worse
            store.complete(actor, key, owner, recorded.getStatus(), json.writeValueAsString(headers),
                    new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
        }
        recorded.copyBodyToResponse();
    }

    private void replay(IdempotencyStore.Replay replay, HttpServletResponse response) throws IOException {
        response.setStatus(replay.status());
        Map<String, String> headers = json.readValue(replay.headersJson(), new TypeReference<>() {
        });
        headers.forEach(response::setHeader);
        response.setHeader("Idempotent-Replayed", "true");
        if (replay.body() != null) {
            response.getOutputStream().write(replay.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Same method, path, query, Content-Type, If-Match and body bytes = same request. */
    private static String fingerprint(HttpServletRequest request) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n"
                    + "Content-Type: " + request.getContentType() + "\n"
                    + "If-Match: " + request.getHeader("If-Match") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(BufferedBodyFilter.body(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(fixedDelayString = "${commands.idempotency.cleanup-interval:10m}")
    void deleteExpiredKeys() {
        while (store.deleteExpired(clock.instant()) > 0) {
            // batches of 1000 keep each delete short
        }
    }
}
