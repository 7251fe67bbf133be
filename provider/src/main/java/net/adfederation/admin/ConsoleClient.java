package net.adfederation.admin;

import java.util.List;
import java.util.Set;

import net.adfederation.account.AdProviders;
import org.keycloak.models.ClientModel;
import org.keycloak.Config;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.storage.UserStorageProvider;

/**
 * The public OIDC client the Active Directory page signs admins in with (code flow, PKCE S256
 * required), redirecting to the page alone. The realm files carry it; in any other realm that has
 * one of our providers (and in master, where the server's admins sign in) the page creates it the
 * first time it is opened, with nothing an admin would have to choose. It grants nothing: what the
 * admin may see or do is decided by the admin's own roles at each admin REST call.
 */
final class ConsoleClient {

    static final String CLIENT_ID = "ad-federation-console";

    private ConsoleClient() {
    }

    /** Whether the realm has the client now, created here if the realm may have it. */
    static boolean ensure(RealmModel realm) {
        if (realm.getClientByClientId(CLIENT_ID) != null) return true;
        if (!Config.getAdminRealm().equals(realm.getName()) && !hasOurProvider(realm)) return false;
        ClientModel client = realm.addClient(CLIENT_ID);
        client.setName("Active Directory page (ad-federation)");
        client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setConsentRequired(false);
        // Keycloak checks an admin's roles against the token's client scope too (AdminAuth): as its own admin console client.
        client.setFullScopeAllowed(true);
        client.setRootUrl("${authBaseUrl}");
        client.setBaseUrl("/realms/" + realm.getName() + "/" + ConsolePageFactory.ID + "/");
        client.setRedirectUris(Set.of("/realms/" + realm.getName() + "/" + ConsolePageFactory.ID + "/*"));
        client.setWebOrigins(Set.of("+"));
        OIDCAdvancedConfigWrapper.fromClientModel(client).setPkceCodeChallengeMethod("S256");
        client.setEnabled(true);
        return true;
    }

    private static boolean hasOurProvider(RealmModel realm) {
        List<String> ours = realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .map(component -> component.getProviderId()).filter(AdProviders::isOurs).limit(1).toList();
        return !ours.isEmpty();
    }
}
