package dev.cqrs.command.dispatch;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandDispatcherTest {

    record Greet(String name) implements Command<String> {
    }

    record Count(int n) implements Command<Integer> {
    }

    static class GreetHandler implements CommandHandler<Greet, String> {
        @Override
        public String handle(Greet command) {
            return "hello " + command.name() + (TransactionSynchronizationManager.isActualTransactionActive() ? " (tx)" : "");
        }
    }

    static class OtherGreetHandler implements CommandHandler<Greet, String> {
        @Override
        public String handle(Greet command) {
            return "other";
        }
    }

    /** Opens real (resource-less) transactions, so the test sees the boundary the dispatcher draws. */
    static class ResourcelessTransactionManager extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }

    private final TransactionTemplate transaction = new TransactionTemplate(new ResourcelessTransactionManager());

    @Test
    void routesEachCommandToItsHandlerInsideATransaction() {
        var dispatcher = new CommandDispatcher(List.of(new GreetHandler()), transaction, List.of(), 1, ObservationRegistry.NOOP);

        assertThat(dispatcher.dispatch(new Greet("ada"))).isEqualTo("hello ada (tx)");
    }

    @Test
    void refusesTwoHandlersForOneCommandAtStartUp() {
        assertThatThrownBy(() -> new CommandDispatcher(List.of(new GreetHandler(), new OtherGreetHandler()), transaction, List.of(), 1, ObservationRegistry.NOOP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two handlers for Greet");
    }

    @Test
    void failsClearlyForACommandWithoutHandler() {
        var dispatcher = new CommandDispatcher(List.of(new GreetHandler()), transaction, List.of(), 1, ObservationRegistry.NOOP);

        assertThatThrownBy(() -> dispatcher.dispatch(new Count(1))).hasMessageContaining("No handler for Count");
    }
}
