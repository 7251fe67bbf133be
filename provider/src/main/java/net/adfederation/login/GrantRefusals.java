package net.adfederation.login;

import net.adfederation.account.SignInContext;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.authenticators.directgrant.AbstractDirectGrantAuthenticator;

/**
 * Puts the AD reason into a direct-grant refusal that a built-in step has just made: the answer
 * stays {@code 400 invalid_grant}, only its {@code error_description} changes from "Invalid user
 * credentials" to what AD said. Nothing changes when AD gave no reason the user can act on.
 */
final class GrantRefusals {

    private GrantRefusals() {
    }

    static void explain(AuthenticationFlowContext context, AbstractDirectGrantAuthenticator step) {
        FlowStatus status = context.getStatus();
        if (status != FlowStatus.FAILED && status != FlowStatus.FORCE_CHALLENGE) return;
        SignInContext.of(context.getSession()).message(context.getSession()).ifPresent(message -> {
            Response refusal = step.errorResponse(Response.Status.BAD_REQUEST.getStatusCode(), "invalid_grant", message);
            if (status == FlowStatus.FAILED) context.failure(context.getError(), refusal);
            else context.forceChallenge(refusal);
        });
    }
}
