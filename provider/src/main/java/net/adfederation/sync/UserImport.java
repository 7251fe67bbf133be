package net.adfederation.sync;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import net.adfederation.account.AdAttributes;
import net.adfederation.account.AttributeMappings;
import net.adfederation.account.UserAttributes;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.utils.KeycloakModelUtils;
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

    private static final Logger LOG = Logger.getLogger(UserImport.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ComponentModel component;
    private final MappedValues mapped;
    private String withheldMail;
    /** Addresses (lower case) a sync found free just before this batch: no search for their holder. */
    private Set<String> freeMails = Set.of();

    public UserImport(KeycloakSession session, RealmModel realm, ComponentModel component) {
        this(session, realm, component, dn -> Optional.empty());
    }

    /**
     * @param directoryUpns a mapped manager's UPN from the directory (see {@link ForestUpns}), asked only for a
     *                      manager this component has not imported
     */
    public UserImport(KeycloakSession session, RealmModel realm, ComponentModel component,
                      java.util.function.Function<String, Optional<String>> directoryUpns) {
        this.session = session;
        this.realm = realm;
        this.component = component;
        AttributeMappings mappings = AttributeMappings.orNone(component.getConfig());
        this.mapped = mappings.isEmpty() ? MappedValues.NONE
                : new MappedValues(mappings, dn -> upnOfImported(dn).or(() -> directoryUpns.apply(dn)));
    }

    /** The UPN of the user this component imported from the entry with that DN (a mapped manager); no LDAP operation. */
    private Optional<String> upnOfImported(String dn) {
        return local().searchForUserByUserAttributeStream(realm, AdAttributes.DN, dn)
                .filter(u -> component.getId().equals(u.getFederationLink()))
                .map(u -> u.getFirstAttribute(AdAttributes.UPN)).filter(java.util.Objects::nonNull).findFirst();
    }

    /** The component's Keycloak user for an objectGUID, if imported. */
    public Optional<UserModel> byGuid(UUID guid) {
        return byAttribute(AdAttributes.GUID, guid.toString());
    }

    /**
     * The component's Keycloak user of the domain with the objectSid, used to resolve foreign security
     * principals: an account of another domain showing that SID (a rogue trusted DC) is not it.
     */
    public Optional<UserModel> bySid(String sid, String domain) {
        return local().searchForUserByUserAttributeStream(realm, AdAttributes.SID, sid)
                .filter(u -> component.getId().equals(u.getFederationLink())
                        && domain.equalsIgnoreCase(u.getFirstAttribute(AdAttributes.DOMAIN)))
                .findFirst();
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
        boolean changed = ImportedAttributes.apply(user, claimMail(adUser, domain, user), domain, component.getId(), mapped);
        // Written past Keycloak's user cache (straight to its store, as the LDAP provider does), so evicted here.
        if (changed) evict(user);
        return new Imported(user, changed ? Change.UPDATED : Change.UNCHANGED);
    }

    /**
     * Whether an imported user already shows its AD entry, so that a sign-in can skip the
     * import's search and writes; reads only the user given (cached by Keycloak).
     */
    public boolean isCurrent(UserModel user, AdUser adUser, DomainInfo domain) {
        return ImportedAttributes.isCurrent(user, adUser, domain, component.getId(), mapped);
    }

    /**
     * All or nothing: a refused value (an e-mail another user has) must not leave a half-imported user
     * behind. {@code explainTakenName} looks the name up first so that a clash says whose the name is;
     * a batch leaves that to the store's refusal, and retries alone what it refused.
     */
    UserModel add(AdUser adUser, DomainInfo domain, boolean explainTakenName) {
        return add(adUser, domain, explainTakenName, false);
    }

    /**
     * @param bySync a sync's import: the realm's default role and groups are written as rows straight
     *               away, without Keycloak's query whether the user it has just created holds them
     */
    UserModel add(AdUser adUser, DomainInfo domain, boolean explainTakenName, boolean bySync) {
        String username = UserAttributes.username(adUser, domain);
        if (explainTakenName) refuseTakenName(username, adUser);
        UserModel added = bySync ? local().addUser(realm, KeycloakModelUtils.generateId(), username, false, true)
                : local().addUser(realm, username);
        if (bySync) grantDefaults(added);
        try {
            added.setFederationLink(component.getId());
            // Keycloak's own flag; AD's disabled state is an attribute of its own (ImportedAttributes.AD_DISABLED).
            added.setEnabled(true);
            ImportedAttributes.apply(added, claimMail(adUser, domain, added), domain, component.getId(), mapped);
            return added;
        } catch (RuntimeException e) {
            local().removeUser(realm, added);
            throw e;
        }
    }

    /** What {@code addUser} grants a new user (the realm's default role and default groups), written as rows. */
    private void grantDefaults(UserModel added) {
        SyncStore store = SyncStore.of(session, realm, component);
        store.grantFresh(added.getId(), realm.getDefaultRole().getId());
        realm.getDefaultGroupsStream().forEach(group -> store.joinFresh(added.getId(), group.getId()));
    }

    /** Addresses (lower case) no Keycloak user had when the sync looked, a moment before this batch. */
    void assumeFreeMails(Set<String> mails) {
        this.freeMails = mails;
    }

    /**
     * Why the last import left the account's e-mail address out (another Keycloak user holds it), or
     * null: for the sync's status.
     */
    public String withheldMail() {
        return withheldMail;
    }

    /**
     * The entry as it may be written without a duplicate address (which Keycloak refuses at commit, a
     * failed sync or an HTTP 500 at sign-in). Callers have dropped addresses of a domain the account's
     * forest does not own ({@link net.adfederation.directory.UpnSuffixOwnership#mailRefusal}), so this
     * account's domain owns the address: a holder of this component from another domain was imported
     * before that check and loses it (the owner's account wins); any other holder (an account of the
     * same domain with the same mail, a local user) keeps it, and this account is imported without it.
     */
    private AdUser claimMail(AdUser adUser, DomainInfo domain, UserModel self) {
        withheldMail = null;
        String mail = adUser.mail();
        if (mail == null || mail.isBlank() || realm.isDuplicateEmailsAllowed()) return adUser;
        // Found free for this batch: were it taken meanwhile, the store refuses the batch and the user is retried alone, searched.
        if (freeMails.contains(mail.trim().toLowerCase(Locale.ROOT))) return adUser;
        List<UserModel> holders = local().searchForUserStream(realm, Map.of(UserModel.EMAIL, mail.trim(),
                        UserModel.EXACT, "true"))
                .filter(holder -> !holder.getId().equals(self.getId())).toList();
        if (holders.isEmpty()) return adUser;
        boolean released = false;
        for (UserModel holder : holders) {
            if (!component.getId().equals(holder.getFederationLink())
                    || domain.dnsName().equalsIgnoreCase(holder.getFirstAttribute(AdAttributes.DOMAIN))) continue;
            LOG.warnf("%s: %s of %s held the e-mail address %s of %s's account %s; it is given to its owner", component.getName(),
                    holder.getUsername(), holder.getFirstAttribute(AdAttributes.DOMAIN), mail, domain.dnsName(), adUser.dn());
            holder.setEmail(null);
            holder.setEmailVerified(false);
            evict(holder);
            released = true;
        }
        if (released) {
            // Hibernate writes inserts before updates: the address must be free in the database first.
            SyncStore.flush(session);
        }
        if (holders.stream().allMatch(h -> h.getEmail() == null)) return adUser;
        withheldMail = adUser.dn() + " has the e-mail address " + mail + ", which the Keycloak user "
                + holders.stream().filter(h -> h.getEmail() != null).findFirst().map(UserModel::getUsername).orElse("?")
                + " already has: the account is imported without it";
        LOG.warnf("%s: %s", component.getName(), withheldMail);
        return adUser.withoutMail();
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
