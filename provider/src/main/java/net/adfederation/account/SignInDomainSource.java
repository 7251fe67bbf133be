package net.adfederation.account;

import java.util.List;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;

/**
 * A user-storage factory whose users sign in with Active Directory names ({@code ad-connector},
 * {@code ad-trust}): it tells the sign-in page which domains a component serves.
 */
public interface SignInDomainSource {

    /**
     * The component's domains, the one it binds to first. Comes from the domains the factory holds
     * open for sign-ins (opening them if this node has not yet, as the sign-in would); when no DC
     * answers, from the configuration alone, without NetBIOS names.
     */
    List<SignInDomain> signInDomains(KeycloakSession session, ComponentModel component);
}
