package dev.cqrs.contracts.auth;

import java.util.List;

/**
 * The OAuth 2.0 scopes (RFC 6749 §3.3) that separate the powers of the two HTTP APIs: the services check them, the
 * local authorization server (auth-server) and the Cognito resource server (infra/aws) grant them, and tests, the
 * benchmark and the fault matrix ask for them. A token carries them space-separated in its {@code scope} claim.
 */
public final class Scopes {

    /** Create, edit, complete, reopen and delete todos (command-service). */
    public static final String TODOS_WRITE = "todos:write";
    /** Hire (one or a batch), update details, change manager, terminate (command-service). */
    public static final String EMPLOYEES_WRITE = "employees:write";
    /** Record a free audit message (command-service). */
    public static final String AUDIT_WRITE = "audit:write";
    /** List and retry parked outbox rows: an operator's power (command-service). */
    public static final String OUTBOX_ADMIN = "outbox:admin";
    /** Every query of query-service. */
    public static final String READ = "read";

    /** Every scope, space-separated as a token request's {@code scope} parameter takes them. */
    public static final String ALL = String.join(" ", List.of(TODOS_WRITE, EMPLOYEES_WRITE, AUDIT_WRITE, OUTBOX_ADMIN, READ));

    private Scopes() {
    }
}
