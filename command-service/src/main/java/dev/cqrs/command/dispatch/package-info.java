/**
 * The command vocabulary every feature speaks: {@link dev.cqrs.command.dispatch.Command} (a request to change state),
 * one {@link dev.cqrs.command.dispatch.CommandHandler} per command, the {@link dev.cqrs.command.dispatch.CommandDispatcher}
 * that runs it in one transaction (retrying lost lock races), and the two outcomes of a decision: an accepted
 * {@link dev.cqrs.command.dispatch.Change} or a {@link dev.cqrs.command.dispatch.CommandRefused}. Knows no feature, no
 * HTTP and no table.
 */
package dev.cqrs.command.dispatch;
