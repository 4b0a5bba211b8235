package dev.cqrs.query.todo;

import jakarta.annotation.Nullable;
import java.time.Instant;

/** One todo as the read model holds it ({@code read_db.todo_view}). */
record TodoView(String id, String title, @Nullable String description, boolean completed, Instant createdAt,
                Instant updatedAt, long version) {
}
