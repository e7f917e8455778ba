package de.kiim.command.validation;

import de.kiim.events.vocabulary.CountryCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The string is an ISO 3166-1 alpha-2 or alpha-3 country code, see {@link CountryCode}. {@code null} is valid. */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Country.Validator.class)
public @interface Country {

    String message() default "must be an ISO 3166-1 alpha-2 or alpha-3 country code (XXA stateless, XXX unresolved)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Country, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CountryCode.isValid(value);
        }
    }
}
