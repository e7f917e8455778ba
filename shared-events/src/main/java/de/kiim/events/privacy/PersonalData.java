package de.kiim.events.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an event or snapshot as personal data (<em>personenbezogenes Datum</em>, Art. 4(1) GDPR).
 * Marked fields are encrypted with the data subject's own key before they are stored, and become
 * unreadable when that key is destroyed (crypto-shredding). Everything unmarked stays in clear and must be
 * safe to keep after erasure: vocabulary codes, dates of steps, coarse cohort attributes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {}
