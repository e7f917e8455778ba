package de.kiim.command.validation;

import de.kiim.events.vocabulary.MunicipalityCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The string is an 8-digit Amtlicher Gemeindeschlüssel, see {@link MunicipalityCode}. {@code null} is valid. */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Ags.Validator.class)
public @interface Ags {

    String message() default "must be an 8-digit Amtlicher Gemeindeschlüssel, e.g. 15085135";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Ags, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || MunicipalityCode.isValid(value);
        }
    }
}
