package dev.cqrs.contracts.store;

/**
 * The one definition of the employee item (docs/conventions.md, single-table design), written by projector-lambda
 * and read by query-service: {@code pk = sk = CODE}, every attribute of the employee (absent values are absent
 * attributes, never NULL), and {@code reportsTo = MANAGER CODE} only while the employee is active and has a manager:
 * the partition key of the sparse {@link #BY_MANAGER} index (sort key {@code code}). Plain strings, no AWS SDK.
 */
public final class EmployeeItemFormat {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String TYPE = "type";
    /** The value of {@link #TYPE} on every employee item. */
    public static final String EMPLOYEE_TYPE = "EMPLOYEE";
    public static final String CODE = "code";
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String JOB_TITLE = "jobTitle";
    public static final String MANAGER_CODE = "managerCode";
    /** Partition key of {@link #BY_MANAGER}; present only while the employee is active and has a manager. */
    public static final String REPORTS_TO = "reportsTo";
    /** ISO {@code yyyy-MM-dd}. */
    public static final String HIRE_DATE = "hireDate";
    /** ISO {@code yyyy-MM-dd}; absent while employed. */
    public static final String LAST_WORKING_DATE = "lastWorkingDate";
    /** A number attribute: the aggregate version of the last event applied. */
    public static final String VERSION = "version";

    /** The sparse index of active direct reportees: partition {@link #REPORTS_TO}, sort {@link #CODE}. */
    public static final String BY_MANAGER = "byManager";

    private EmployeeItemFormat() {
    }
}
