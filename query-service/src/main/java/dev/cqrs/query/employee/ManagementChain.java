package dev.cqrs.query.employee;

import java.util.List;

/**
 * @param code      the employee asked about
 * @param managers  the direct manager first, the top of the hierarchy last; empty for the top itself
 * @param truncated the chain was longer than the service follows ({@link GetManagementChainHandler#MAX_DEPTH})
 */
record ManagementChain(String code, List<EmployeeView> managers, boolean truncated) {
}
