package net.adfederation.sync;

import java.util.Optional;
import java.util.UUID;

import net.adfederation.account.AdAttributes;
import net.adfederation.account.UserAttributes;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.cache.UserCache;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageUtil;

/**
 * Writes AD users into Keycloak's own user store with a federation link to the {@code ad-trust}
 * component, for sign-in (first sign-in imports) and for synchronisation alike. The objectGUID
 * attribute is the external id: a renamed AD account keeps its Keycloak user, and two domains'
 * "alice" stay two users because the username is the UPN.
 */
public final class UserImport {

    /** What an import did to the Keycloak user. */
    public enum Change { ADDED, UPDATED, UNCHANGED }

    public record Imported(UserModel user, Change change) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ComponentModel component;

    public UserImport(KeycloakSession session, RealmModel realm, ComponentModel component) {
        this.session = session;
        this.realm = realm;
        this.component = component;
    }

    /** The component's Keycloak user for an objectGUID, if imported. */
    public Optional<UserModel> byGuid(UUID guid) {
        return byAttribute(AdAttributes.GUID, guid.toString());
    }

    /** The component's Keycloak user with an objectSid (any domain), used to resolve foreign security principals. */
    public Optional<UserModel> bySid(String sid) {
        return byAttribute(AdAttributes.SID, sid);
    }

    /**
     * Adds the user, or brings an imported one up to date; nothing is written when nothing changed.
     * Users are keyed by (domain, objectGUID): an account that shows the objectGUID of another
     * domain's user (a rogue or compromised trusted DC) is refused, never merged into that user.
     */
    public Imported importOrUpdate(AdUser adUser, DomainInfo domain) {
        Optional<UserModel> existing = byGuid(adUser.objectGuid());
        if (existing.isEmpty()) return new Imported(add(adUser, domain, true), Change.ADDED);
        return update(existing.get(), adUser, domain);
    }

    /**
     * Users are keyed by (domain, objectGUID): an account that shows the objectGUID of another
     * domain's user (a rogue or compromised trusted DC) is refused, never merged into that user.
     */
    private static void refuseOtherDomainsGuid(UserModel existing, AdUser adUser, DomainInfo domain) {
        if (domain.dnsName().equalsIgnoreCase(existing.getFirstAttribute(AdAttributes.DOMAIN))) return;
        throw new IllegalStateException(adUser.dn() + " of " + domain.dnsName() + " shows the objectGUID "
                + adUser.objectGuid() + " of " + existing.getUsername() + " of " + existing.getFirstAttribute(AdAttributes.DOMAIN)
                + ": an objectGUID claimed by two forests is refused, and " + existing.getUsername() + " is left as it is");
    }

    /** Brings an imported user up to date with its AD entry (never one of another domain); writes only what differs. */
    Imported update(UserModel user, AdUser adUser, DomainInfo domain) {
        refuseOtherDomainsGuid(user, adUser, domain);
        boolean changed = ImportedAttributes.apply(user, adUser, domain, component.getId());
        // Written past Keycloak's user cache (straight to its store, as the LDAP provider does), so evicted here.
        if (changed) evict(user);
        return new Imported(user, changed ? Change.UPDATED : Change.UNCHANGED);
    }

    /**
     * Whether an imported user already shows its AD entry, so that a sign-in can skip the
     * import's search and writes; reads only the user given (cached by Keycloak).
     */
    public boolean isCurrent(UserModel user, AdUser adUser, DomainInfo domain) {
        return ImportedAttributes.isCurrent(user, adUser, domain, component.getId());
    }

    /**
     * All or nothing: a refused value (an e-mail another user has) must not leave a half-imported user
     * behind. {@code explainTakenName} looks the name up first so that a clash says whose the name is;
     * a batch leaves that to the store's refusal, and retries alone what it refused.
     */
    UserModel add(AdUser adUser, DomainInfo domain, boolean explainTakenName) {
        String username = UserAttributes.username(adUser, domain);
        if (explainTakenName) refuseTakenName(username, adUser);
        UserModel added = local().addUser(realm, username);
        try {
            added.setFederationLink(component.getId());
            // Keycloak's own flag; AD's disabled state is an attribute of its own (ImportedAttributes.AD_DISABLED).
            added.setEnabled(true);
            ImportedAttributes.apply(added, adUser, domain, component.getId());
            return added;
        } catch (RuntimeException e) {
            local().removeUser(realm, added);
            throw e;
        }
    }

    /**
     * Keycloak's own refusal of a taken username says only "Duplicate resource error": say whose
     * the name is and what to do, for the admin reading the sync's log. The holder is left as it is.
     */
    private void refuseTakenName(String username, AdUser adUser) {
        UserModel holder = local().getUserByUsername(realm, username);
        if (holder == null) return;
        if (component.getId().equals(holder.getFederationLink())) {
            throw new IllegalStateException("the Keycloak user " + username + " still belongs to the Active Directory account with objectGUID "
                    + holder.getFirstAttribute(AdAttributes.GUID) + ", not to " + adUser.dn() + " (objectGUID " + adUser.objectGuid()
                    + "); it is replaced once a sync may remove the old account (see deletionThreshold)");
        }
        throw new IllegalStateException("a Keycloak user named " + username + " already exists and does not come from "
                + component.getName() + ", so " + adUser.dn() + " cannot be synchronised; rename or remove that user,"
                + " or keep it and leave the Active Directory account out of the sync scope");
    }

    /**
     * Removes an imported user from Keycloak the way Keycloak removes invalid federated users:
     * through {@link UserManager}, so its sessions, consents and local credentials go with it.
     */
    public void remove(UserModel user) {
        evict(user);
        new UserManager(session).removeUser(realm, user, local());
    }

    /** Drops the user from Keycloak's user cache after a write that went straight to the store. */
    public void evict(UserModel user) {
        UserCache cache = UserStorageUtil.userCache(session);
        if (cache != null) cache.evict(realm, user);
    }

    private Optional<UserModel> byAttribute(String name, String value) {
        return local().searchForUserByUserAttributeStream(realm, name, value)
                .filter(u -> component.getId().equals(u.getFederationLink()))
                .findFirst();
    }

    private UserProvider local() {
        return UserStoragePrivateUtil.userLocalStorage(session);
    }
}
