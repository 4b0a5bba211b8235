package dev.cqrs.query.employee;

import java.util.Locale;

/** Employee codes as the command service accepts them; stored, and therefore looked up, in upper case. */
final class EmployeeCode {

    /** The command service's pattern: letters, digits and dashes, 1 to 20 characters, not starting with a dash. */
    static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9-]{0,19}";
    static final String MESSAGE = "must be 1 to 20 letters, digits or dashes, not starting with a dash";

    private EmployeeCode() {
    }

    static String normalize(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
