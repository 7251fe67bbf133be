package net.adfederation.connector;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import net.adfederation.account.AttributeMappings;
import net.adfederation.account.ConnectorUserIds;
import net.adfederation.account.LiveAccount;
import net.adfederation.account.UserAttributes;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdGroup;
import net.adfederation.directory.read.AdUser;
import net.adfederation.events.SignInEvents;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.storage.StorageId;
import org.keycloak.storage.adapter.AbstractUserAdapter;

/**
 * An AD user as read from the directory during this request, shown to Keycloak read-only. Its id
 * is the component's storage id plus the objectGUID, in the component's form ({@link ConnectorUserIds}); whether it is enabled, its attributes and
 * its linked groups come from this read, so a change in AD applies at the next request (token
 * refresh included). Every setter of AD data throws {@code ReadOnlyException}; only Keycloak's own
 * disable (an admin's switch, a permanent brute-force lockout) is written, see {@link KeycloakLockState}.
 */
public final class LiveAdUser extends AbstractUserAdapter.Streams implements LiveAccount {

    private final AdUser adUser;
    private final String username;
    private final Map<String, List<String>> attributes;
    private final UserGroups groups;
    private final Supplier<String> credentialRefusal;
    private final String domainName;
    private SubjectCredentialManager credentials;
    private KeycloakLockState keycloakState;

    LiveAdUser(KeycloakSession session, RealmModel realm, ComponentModel component, AdUser adUser, DomainInfo domain,
               UserGroups groups, Supplier<String> credentialRefusal) {
        this(session, realm, component, adUser, domain, groups, credentialRefusal, AttributeMappings.NONE, dn -> Optional.empty());
    }

    /** @param upnOfDn the UPN of a mapped DN's account, asked only when such an attribute is read (see {@link MappedAttributes}) */
    LiveAdUser(KeycloakSession session, RealmModel realm, ComponentModel component, AdUser adUser, DomainInfo domain,
               UserGroups groups, Supplier<String> credentialRefusal, AttributeMappings mappings,
               Function<String, Optional<String>> upnOfDn) {
        super(session, realm, component);
        this.adUser = adUser;
        this.username = UserAttributes.username(adUser, domain);
        this.attributes = mappings.isEmpty() ? UserAttributes.of(adUser, domain)
                : new MappedAttributes(UserAttributes.of(adUser, domain), adUser, mappings, upnOfDn);
        this.groups = groups;
        this.credentialRefusal = credentialRefusal;
        this.domainName = domain.dnsName();
        this.storageId = new StorageId(ConnectorUserIds.id(component.getId(), adUser.objectGuid(),
                ConnectorUserIds.formOf(component.getConfig())));
    }

    AdUser adUser() {
        return adUser;
    }

    @Override
    public java.util.Optional<java.time.Instant> passwordExpires() {
        return java.util.Optional.ofNullable(adUser.passwordExpires());
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getEmail() {
        return getFirstAttribute(EMAIL);
    }

    @Override
    public String getFirstName() {
        return getFirstAttribute(FIRST_NAME);
    }

    @Override
    public String getLastName() {
        return getFirstAttribute(LAST_NAME);
    }

    @Override
    public boolean isEmailVerified() {
        return getEmail() != null;
    }

    /**
     * Read from userAccountControl and accountExpires at every request, so a user disabled in AD or
     * whose account expired loses token refresh at once; a user Keycloak disabled (an admin, a permanent brute-force lockout) stays disabled too.
     */
    @Override
    public boolean isEnabled() {
        boolean enabled = UserAttributes.enabled(adUser);
        // The direct grant refuses a disabled user before any bind: its LOGIN_ERROR still gets AD's reason.
        if (!enabled) SignInEvents.accountDisabled(session, domainName);
        boolean expired = enabled && expired();
        if (expired) SignInEvents.accountExpired(session, domainName);
        return enabled && !expired && !keycloakState().disabled();
    }

    /** accountExpires has passed: AD refuses the bind (701), and a token refresh must stop too. */
    private boolean expired() {
        return adUser.accountExpires() != null && adUser.accountExpires().isBefore(java.time.Instant.now());
    }

    /** Keycloak's own switch: AD's account state is changed in AD only. */
    @Override
    public void setEnabled(boolean enabled) {
        keycloakState().setDisabled(!enabled);
    }

    @Override
    public void setSingleAttribute(String name, String value) {
        if (KeycloakLockState.OWNED.contains(name)) keycloakState().setAttribute(name, value);
        else super.setSingleAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        if (KeycloakLockState.OWNED.contains(name)) keycloakState().removeAttribute(name);
        else super.removeAttribute(name);
    }

    private KeycloakLockState keycloakState() {
        if (keycloakState == null) keycloakState = new KeycloakLockState(session, realm, getId());
        return keycloakState;
    }

    /** None: Keycloak never created this account, and a made-up time would mislead the admin console. */
    @Override
    public Long getCreatedTimestamp() {
        return null;
    }

    @Override
    public String getFirstAttribute(String name) {
        if (KeycloakLockState.OWNED.contains(name)) return keycloakState().attribute(name);
        List<String> values = attributes.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public Stream<String> getAttributeStream(String name) {
        return attributes.getOrDefault(name, List.of()).stream();
    }

    @Override
    public Map<String, List<String>> getAttributes() {
        return attributes;
    }

    /**
     * The Keycloak groups linked to the user's AD groups (nested ones included), read once per
     * request; in a realm without links, without reading the directory.
     */
    @Override
    protected Set<GroupModel> getGroupsInternal() {
        return groups.linked();
    }

    /** Read once per request, and only when asked (the groups mapper, the portal). */
    @Override
    public List<AdGroup> adGroups() {
        return groups.adGroups();
    }

    @Override
    public Set<String> adGroupSids() {
        return groups.sids();
    }

    @Override
    public Set<String> linkedAdGroupSids() {
        return groups.linkedSids();
    }

    @Override
    public SubjectCredentialManager credentialManager() {
        if (credentials == null) credentials = new GatedCredentialManager(session, realm, this, credentialRefusal);
        return credentials;
    }

    /**
     * Removing nothing: these users never carry a required action, yet Keycloak 26.7 calls this
     * after every completed required action (AuthenticationManager, LoginActionsService), which
     * must not fail for them.
     */
    @Override
    public void removeRequiredAction(String action) {
    }

    @Override
    public void removeRequiredAction(RequiredAction action) {
    }
}
