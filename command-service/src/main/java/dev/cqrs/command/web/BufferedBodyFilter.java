package dev.cqrs.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps request bodies (413 beyond {@code commands.max-body-size}, chunked bodies included) and keeps the bytes so the
 * idempotency check can fingerprint the body before the controller reads it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BufferedBodyFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemWriter problems;

    BufferedBodyFilter(@Value("${commands.max-body-size:64KB}") DataSize maxBodySize, ProblemWriter problems) {
        this.maxBytes = maxBodySize.toBytes();
        this.problems = problems;
    }

    /** The request's body, read once. */
    public static byte[] body(HttpServletRequest request) throws IOException {
        return request instanceof BufferedRequest buffered ? buffered.body : request.getInputStream().readAllBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(response, 413, "Request body too large", "The body may be at most " + maxBytes + " bytes");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) maxBytes + 1);
        }
        if (body.length > maxBytes) {
            problems.write(response, 413, "Request body too large", "The body may be at most " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
