package dev.cqrs.command.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date the database can store: 0001-01-01 to 9999-12-31 (MySQL's DATE range). JSON happily carries
 * {@code +10000-01-01} or {@code -0001-01-01}; without this they would reach the INSERT and fail there as a 500.
 * {@code null} is valid (combine with {@code @NotNull}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StorableDate.Validator.class)
public @interface StorableDate {

    String message() default "must be between 0001-01-01 and 9999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StorableDate, LocalDate> {

        private static final LocalDate MIN = LocalDate.of(1, 1, 1);
        private static final LocalDate MAX = LocalDate.of(9999, 12, 31);

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(MIN) && !value.isAfter(MAX));
        }
    }
}
