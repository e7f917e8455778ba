package de.kiim.command.validation;

import de.kiim.events.vocabulary.KldbCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The string is a five-digit KldB 2010 occupation code, see {@link KldbCode}. {@code null} is valid. */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Kldb.Validator.class)
public @interface Kldb {

    String message() default
            "must be a five-digit KldB 2010 code: a known occupational area (first two digits) "
                    + "and a requirement level 1-4 (fifth digit), e.g. 43412";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Kldb, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || KldbCode.isValid(value);
        }
    }
}
