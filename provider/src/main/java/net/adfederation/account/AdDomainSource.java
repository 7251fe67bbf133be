package net.adfederation.account;

import java.util.List;
import java.util.Map;

import net.adfederation.directory.AdDomain;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;

/**
 * The open AD domains of one of our components, for the admin's status view and "test a user":
 * both providers' factories implement it, so the admin resource reaches their domains without
 * importing either mode.
 */
public interface AdDomainSource {

    /**
     * The component's domains, opened now if needed (the bound one first); a domain that cannot be
     * opened is a {@code DirectoryException} naming why.
     */
    List<AdDomain> openDomains(KeycloakSession session, ComponentModel component);

    /** The trusted domains the component was told to use but could not open, with why: none for the connector. */
    default Map<String, String> refusedDomains(KeycloakSession session, ComponentModel component) {
        return Map.of();
    }
}
