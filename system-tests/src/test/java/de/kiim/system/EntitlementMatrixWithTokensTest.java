package de.kiim.system;

import de.kiim.testsupport.ApiClient;

/**
 * The entitlement matrix again, every caller signed on at the embedded identity provider (authorization code with
 * PKCE) and sending its access token: a token's user, agency and roles are entitled exactly as their password is.
 */
class EntitlementMatrixWithTokensTest extends EntitlementMatrixTest {

    private static final ApiClient commands = system.commands.withTokens(system.tokens);
    private static final ApiClient queries = system.queries.withTokens(system.tokens);

    @Override
    ApiClient commands() {
        return commands;
    }

    @Override
    ApiClient queries() {
        return queries;
    }
}
