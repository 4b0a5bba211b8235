package dev.cqrs.query.employee;

import dev.cqrs.contracts.store.EmployeeItemFormat;
import dev.cqrs.query.web.InvalidQueryException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the previous page of reportees ended: the last reportee's code. With the manager's code, which the request
 * names anyway, that is the ExclusiveStartKey of the next page on the {@code byManager} index (the index keys plus
 * the table keys of that item, {@code pk = sk = code}); only the code travels, so a cursor can never lead into
 * another manager's reportees.
 */
record ReporteeCursor(String code) {

    private static final Pattern CODE = Pattern.compile(EmployeeCode.PATTERN);

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(code.getBytes(StandardCharsets.UTF_8));
    }

    static ReporteeCursor decode(String token) {
        String code;
        try {
            code = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
        if (!CODE.matcher(code).matches()) {
            throw invalid(token);
        }
        return new ReporteeCursor(code);
    }

    Map<String, AttributeValue> exclusiveStartKey(String managerCode) {
        return Map.of(EmployeeItemFormat.REPORTS_TO, AttributeValue.fromS(managerCode),
                EmployeeItemFormat.CODE, AttributeValue.fromS(code),
                EmployeeItemFormat.PK, AttributeValue.fromS(code), EmployeeItemFormat.SK, AttributeValue.fromS(code));
    }

    private static InvalidQueryException invalid(String token) {
        return new InvalidQueryException("cursor", "is not a cursor this service issued: " + token);
    }
}
