package dev.cqrs.contracts;

/**
 * A fact the write side has committed. Implementations are records named in the past tense and registered in
 * {@link EventTypes}; their JSON shape is a public contract, so fields are only ever added (new schema version),
 * never renamed.
 */
public interface DomainEvent {

    /** The aggregate the event belongs to, e.g. {@code "todo"}; also the audit entity type. */
    String aggregateType();

    /** The aggregate's id; the SNS message group, so events of one aggregate stay ordered. */
    String aggregateId();
}
