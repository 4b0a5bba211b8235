package dev.cqrs.query.web;

/** How many items one page may hold: 1 to 100, 20 when the client does not say. */
public final class PageLimit {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;
    public static final String DESCRIPTION = "page size, 1 to 100 (default 20)";

    private PageLimit() {
    }

    public static int of(Integer requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested < 1 || requested > MAX) {
            throw new InvalidQueryException("limit", "must be between 1 and " + MAX + ", was " + requested);
        }
        return requested;
    }
}
