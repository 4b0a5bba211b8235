package dev.cqrs.query.todo;

import jakarta.annotation.Nullable;
import java.util.List;

/** @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page */
record TodoPage(List<TodoView> items, @Nullable String nextCursor) {
}
