package de.kiim.command.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * On a request record: the date component {@link #later()} is not before {@link #earlier()} (e.g. nobody enters
 * Germany before they are born). The violation is reported on {@link #later()}; missing dates are left to
 * {@code @NotNull}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(DateOrder.List.class)
@Constraint(validatedBy = DateOrder.Validator.class)
public @interface DateOrder {

    String earlier();

    String later();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Documented
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        DateOrder[] value();
    }

    class Validator implements ConstraintValidator<DateOrder, Record> {

        private String earlier;
        private String later;

        @Override
        public void initialize(DateOrder annotation) {
            earlier = annotation.earlier();
            later = annotation.later();
        }

        @Override
        public boolean isValid(Record request, ConstraintValidatorContext context) {
            LocalDate first = date(request, earlier);
            LocalDate second = date(request, later);
            if (first == null || second == null || !second.isBefore(first)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must not be before " + earlier)
                    .addPropertyNode(later)
                    .addConstraintViolation();
            return false;
        }

        private static LocalDate date(Record request, String name) {
            RecordComponent component = Arrays.stream(request.getClass().getRecordComponents())
                    .filter(c -> c.getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("@DateOrder names unknown component " + name));
            try {
                var accessor = component.getAccessor();
                // Request records are often nested in package-private controllers.
                accessor.setAccessible(true);
                return (LocalDate) accessor.invoke(request);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
