package de.kiim.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the UI finds the services it is a client of, and what the accessibility statement names.
 *
 * @param commandUrl      the command service's base address
 * @param queryUrl        the query service's base address
 * @param feedbackContact where users report barriers (BITV 2.0 § 7: the accessibility statement's feedback
 *                        mechanism), an e-mail address
 */
@ConfigurationProperties("kiim.web")
public record WebSettings(URI commandUrl, URI queryUrl, String feedbackContact) {}
