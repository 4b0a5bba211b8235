package dev.cqrs.query.todo;

import java.util.List;

/** @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page */
record TodoPage(List<TodoView> items, String nextCursor) {
}
