package de.kiim.command.validation;

import de.kiim.events.vocabulary.Vocabulary;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The string is a code of the given {@link Vocabulary}. Clients send codes as strings and the check happens in
 * validation rather than in JSON parsing, so one answer lists every bad field at once. {@code null} is valid;
 * combine with {@code @NotNull} where the code is required.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Code.Validator.class)
public @interface Code {

    Class<? extends Vocabulary> value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Code, String> {

        private Class<? extends Vocabulary> vocabulary;
        private Vocabulary[] values;

        @Override
        public void initialize(Code annotation) {
            vocabulary = annotation.value();
            values = vocabulary.getEnumConstants();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Vocabulary.byCode(vocabulary, value).isPresent()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of "
                            + Arrays.stream(values).map(Vocabulary::code).collect(Collectors.joining(", ")))
                    .addConstraintViolation();
            return false;
        }
    }
}
