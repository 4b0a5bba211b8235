package dev.cqrs.command.todo;

import dev.cqrs.command.dispatch.Change;
import dev.cqrs.command.dispatch.CommandRefused;
import dev.cqrs.contracts.todo.TodoCompleted;
import dev.cqrs.contracts.todo.TodoCreated;
import dev.cqrs.contracts.todo.TodoDeleted;
import dev.cqrs.contracts.todo.TodoEdited;
import dev.cqrs.contracts.todo.TodoReopened;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every todo rule, without a database: given a todo, when a command, then the event and the new state, or the refusal. */
class TodoTest {

    private static final Instant NOW = Instant.parse("2026-11-21T19:30:00.123456Z");
    private static final String ID = "6f1c2d3e-0000-4000-8000-000000000001";

    private static Todo open(long version) {
        return new Todo(ID, "Buy milk", "Two litres", false, version);
    }

    private static Todo done(long version) {
        return new Todo(ID, "Buy milk", "Two litres", true, version);
    }

    @Test
    void createIsAnOpenTodoAtVersionOne() {
        Change<Todo> change = Todo.create(ID, "Buy milk", "Two litres", NOW);

        assertThat(change.event()).isEqualTo(new TodoCreated(ID, "Buy milk", "Two litres", NOW));
        assertThat(change.state()).isEqualTo(open(1));
        assertThat(change.at()).isEqualTo(NOW);
    }

    @Test
    void editChangesTitleAndDescriptionAndKeepsTheState() {
        Change<Todo> change = done(3).edit("Buy oat milk", null, NOW);

        assertThat(change.event()).isEqualTo(new TodoEdited(ID, "Buy oat milk", null, NOW));
        assertThat(change.state()).isEqualTo(new Todo(ID, "Buy oat milk", null, true, 4));
    }

    @Test
    void completeMarksAnOpenTodoDone() {
        Change<Todo> change = open(2).complete(NOW);

        assertThat(change.event()).isEqualTo(new TodoCompleted(ID, NOW));
        assertThat(change.state()).isEqualTo(done(3));
        assertThat(change.version()).isEqualTo(3);
    }

    @Test
    void completeIsRefusedWhenAlreadyCompleted() {
        CommandRefused refused = catchThrowableOfType(CommandRefused.class, () -> done(3).complete(NOW));

        assertThat(refused.reason()).isEqualTo(CommandRefused.Reason.CONFLICT);
        assertThat(refused.title()).isEqualTo("Already completed");
        assertThat(refused).hasMessage("todo " + ID + " is already completed");
    }

    @Test
    void reopenMarksACompletedTodoNotDone() {
        Change<Todo> change = done(3).reopen(NOW);

        assertThat(change.event()).isEqualTo(new TodoReopened(ID, NOW));
        assertThat(change.state()).isEqualTo(open(4));
    }

    @Test
    void reopenIsRefusedWhenNotCompleted() {
        CommandRefused refused = catchThrowableOfType(CommandRefused.class, () -> open(1).reopen(NOW));

        assertThat(refused.reason()).isEqualTo(CommandRefused.Reason.CONFLICT);
        assertThat(refused.title()).isEqualTo("Not completed");
        assertThat(refused).hasMessage("todo " + ID + " is not completed");
    }

    @Test
    void deleteIsAllowedInAnyStateAndTakesTheNextVersion() {
        assertThat(open(1).delete(NOW).event()).isEqualTo(new TodoDeleted(ID, NOW));
        assertThat(open(1).delete(NOW).version()).isEqualTo(2);
        assertThat(done(5).delete(NOW).version()).isEqualTo(6);
    }
}
