package de.kiim.platform.crypto;

import de.kiim.events.Category;
import de.kiim.events.privacy.PersonalDataModel;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start while any event type breaks the personal-data rule (personal fields need exactly one data
 * subject and must be able to read as null after erasure): better no service than one that writes personal data it
 * can never shred.
 */
public class EventCatalogueCheck implements InitializingBean {

    static final String EVENTS_PACKAGE = "de.kiim.events";

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        for (Class<?> eventType : eventTypes()) {
            try {
                PersonalDataModel.of(eventType);
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Event types break the personal-data rule: " + problems);
        }
    }

    /** Every type in the events package annotated with its data {@link Category}. */
    public static List<Class<?>> eventTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Category.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(EVENTS_PACKAGE)) {
            types.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), EventCatalogueCheck.class.getClassLoader()));
        }
        return types;
    }
}
