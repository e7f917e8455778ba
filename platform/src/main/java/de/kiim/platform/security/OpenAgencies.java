package de.kiim.platform.security;

/** Whether an agency is open: in the directory and not closed. What a rule needs of the directory, and no more. */
@FunctionalInterface
public interface OpenAgencies {

    boolean isOpen(String agencyId);
}
