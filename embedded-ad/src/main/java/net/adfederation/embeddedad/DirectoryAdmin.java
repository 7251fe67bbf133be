package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.LdapCall.call;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The admin changes tests need, made over LDAP exactly as on Active Directory so the same calls
 * work against the embedded AD and a Samba DC: users and groups in CN=Users, membership,
 * disabling, expiry, forced password change, lockout and password resets (unicodePwd, which
 * needs an ldaps:// URL). Accounts are named by sAMAccountName. Not thread-safe; close it.
 */
public final class DirectoryAdmin implements AutoCloseable {

    private static final int LOCKOUT_THRESHOLD_FOR_TESTS = 3;
    private static final int ENABLED_NORMAL_ACCOUNT = 512;

    private final LdapEndpoint endpoint;
    /**
     * One connection, as a pool so that a connection the DC dropped (Samba closes an admin's LDAP
     * connection that idled through a long benchmark: "81 server down") is made again, bound again
     * with the same credentials, and the operation retried once.
     */
    private final LDAPConnectionPool connection;
    private final String baseDn;
    private final String dnsDomain;

    /**
     * @param url           ldaps://host:636 (needed for passwords) or ldap://host:389
     * @param caPem         PEM file of the CA that signed the DC's certificate; null for ldap://
     * @param adminName     an admin's bind name: DN, UPN or DOMAIN\name
     * @param adminPassword its password
     * @param baseDn        the domain's DN, DC=corp,DC=example,DC=test
     */
    public DirectoryAdmin(String url, Path caPem, String adminName, String adminPassword, String baseDn) {
        this.endpoint = new LdapEndpoint(url, caPem);
        this.baseDn = baseDn;
        this.dnsDomain = dnsNameOf(baseDn);
        this.connection = call(() -> {
            LDAPConnection opened = endpoint.connect();
            try {
                opened.bind(adminName, adminPassword);
                LDAPConnectionPool pool = new LDAPConnectionPool(opened, 1);
                pool.setRetryFailedOperationsDueToInvalidConnections(true);
                return pool;
            } catch (LDAPException e) {
                opened.close();
                throw e;
            }
        });
    }

    /** Creates an enabled user in CN=Users with UPN sam@domain and the password given; returns its DN. */
    public String createUser(String sam, String password, String givenName, String surname, String mail) {
        return createUserIn("CN=Users", sam, password, givenName, surname, mail);
    }

    /**
     * The same in another container of the domain, e.g. "OU=People" (relative to the domain's DN):
     * rights delegated on CN=Users, such as the Reset Password right CI gives the service account, do not reach it.
     */
    public String createUserIn(String container, String sam, String password, String givenName, String surname, String mail) {
        return call(() -> {
            DN dn = new DN(new RDN("CN", sam), new DN(container + "," + baseDn));
            Entry user = new Entry(dn);
            user.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
            user.addAttribute("sAMAccountName", sam);
            user.addAttribute("userPrincipalName", sam + "@" + dnsDomain);
            user.addAttribute("givenName", givenName);
            user.addAttribute("sn", surname);
            user.addAttribute("displayName", givenName + " " + surname);
            if (mail != null) user.addAttribute("mail", mail);
            user.addAttribute("userAccountControl", Integer.toString(ENABLED_NORMAL_ACCOUNT));
            user.addAttribute("unicodePwd", UnicodePwd.encode(password));
            connection.add(user);
            return dn.toString();
        });
    }

    public void deleteUser(String sam) {
        call(() -> connection.delete(dnOf(sam)));
    }

    public void setMail(String sam, String mail) {
        modify(sam, new Modification(ModificationType.REPLACE, "mail", mail));
    }

    /** Replaces an attribute's values on the account, as an AD admin would; no values removes the attribute. */
    public void setAttribute(String sam, String name, String... values) {
        modify(sam, new Modification(ModificationType.REPLACE, name, values));
    }

    /** Sets the account's userPrincipalName to any value, as an admin of its forest may. */
    public void setUserPrincipalName(String sam, String upn) {
        modify(sam, new Modification(ModificationType.REPLACE, "userPrincipalName", upn));
    }

    public void setNames(String sam, String givenName, String surname) {
        modify(sam, new Modification(ModificationType.REPLACE, "givenName", givenName),
                new Modification(ModificationType.REPLACE, "sn", surname),
                new Modification(ModificationType.REPLACE, "displayName", givenName + " " + surname));
    }

    /** Sets ACCOUNTDISABLE in userAccountControl: binds then answer data 533. */
    public void disable(String sam) {
        setUserAccountControl(sam, true);
    }

    public void enable(String sam) {
        setUserAccountControl(sam, false);
    }

    /** Sets accountExpires a day in the past: binds then answer data 701. */
    public void expireAccount(String sam) {
        long yesterday = FileTime.of(Instant.now().minus(Duration.ofDays(1)));
        modify(sam, new Modification(ModificationType.REPLACE, "accountExpires", Long.toString(yesterday)));
    }

    /** Sets accountExpires to the instant: binds answer data 701 from then on. */
    public void expireAccountAt(String sam, Instant when) {
        modify(sam, new Modification(ModificationType.REPLACE, "accountExpires", Long.toString(FileTime.of(when))));
    }

    /** Sets pwdLastSet to 0: binds with the right password then answer data 773. */
    public void requirePasswordChange(String sam) {
        modify(sam, new Modification(ModificationType.REPLACE, "pwdLastSet", "0"));
    }

    /**
     * Locks the account by failing binds until the DC answers data 775. When the domain has no
     * lockoutThreshold one is set for the time of the failures and then restored, so other
     * accounts are not put at risk; the lockout stays until {@link #unlock} or lockoutDuration.
     */
    public void lockOut(String sam) {
        call(() -> {
            String upn = upnOf(sam);
            long threshold = DomainPolicy.longOf(connection.getEntry(baseDn, "lockoutThreshold"), "lockoutThreshold", 0);
            if (threshold == 0) setLockoutThreshold(LOCKOUT_THRESHOLD_FOR_TESTS);
            try {
                long attempts = Math.max(threshold, LOCKOUT_THRESHOLD_FOR_TESTS) + 1;
                for (int i = 0; i < attempts; i++) {
                    Optional<LDAPException> refused = endpoint.tryBind(upn, "Not-the-password-" + i);
                    String diagnostic = refused.map(LDAPException::getDiagnosticMessage).orElse("");
                    if (String.valueOf(diagnostic).contains("data 775")) return null;
                }
                throw new IllegalStateException(sam + " was not locked out after " + attempts + " wrong passwords");
            } finally {
                if (threshold == 0) setLockoutThreshold(0);
            }
        });
    }

    /**
     * Sets the domain's maxPwdAge (Duration.ZERO: passwords never age). Every account whose
     * password is older than this answers data 532 at its next bind, unless its
     * userAccountControl says DONT_EXPIRE_PASSWORD: this is domain-wide, so restore it.
     */
    public void setMaxPasswordAge(java.time.Duration age) {
        call(() -> connection.modify(baseDn, new Modification(ModificationType.REPLACE, "maxPwdAge",
                Long.toString(age.isZero() ? 0 : FileTime.ticksOf(age)))));
    }

    /** Sets lockoutTime to 0, which also clears the bad-password count. */
    public void unlock(String sam) {
        modify(sam, new Modification(ModificationType.REPLACE, "lockoutTime", "0"));
    }

    /** Creates a global security group in CN=Users; returns its DN. */
    public String createGroup(String name) {
        return call(() -> {
            DN dn = new DN(new RDN("CN", name), new DN("CN=Users," + baseDn));
            Entry group = new Entry(dn);
            group.addAttribute("objectClass", "top", "group");
            group.addAttribute("sAMAccountName", name);
            connection.add(group);
            return dn.toString();
        });
    }

    public void deleteGroup(String name) {
        call(() -> connection.delete(dnOf(name)));
    }

    /** Adds a user or group, by sAMAccountName, to the group's member attribute. */
    public void addToGroup(String memberSam, String groupName) {
        call(() -> connection.modify(dnOf(groupName),
                new Modification(ModificationType.ADD, "member", dnOf(memberSam))));
    }

    /**
     * Adds a principal of a trusted forest, by SID, to the group: the DC creates its
     * foreignSecurityPrincipal under CN=ForeignSecurityPrincipals when it has none yet (AD and
     * Samba refuse to let a client add one directly) and links it. Returns that principal's DN.
     */
    public String addForeignMember(String groupName, String foreignSid) {
        return call(() -> {
            connection.modify(dnOf(groupName), new Modification(ModificationType.ADD, "member", "<SID=" + foreignSid + ">"));
            return "CN=" + foreignSid + ",CN=ForeignSecurityPrincipals," + baseDn;
        });
    }

    public void removeFromGroup(String memberSam, String groupName) {
        call(() -> connection.modify(dnOf(groupName),
                new Modification(ModificationType.DELETE, "member", dnOf(memberSam))));
    }

    /**
     * Brings a deleted account (user or group) back from the domain's Deleted Objects with its
     * objectGUID and objectSid, as Windows' tombstone reanimation does and Samba 4.17 does alike: a
     * modify of the tombstone, sent with the Show Deleted control, that removes isDeleted and sets
     * distinguishedName to where it goes. What a tombstone lost (UPN, password, memberships; all of
     * it kept when AD's Recycle Bin is on) is not restored: set it again. Not on the embedded AD.
     *
     * @param dn the account's DN after the restore, e.g. its DN before the deletion
     */
    public void restoreDeleted(UUID objectGuid, String dn) {
        call(() -> {
            Control showDeleted = new Control(DeletedObjects.SHOW_DELETED, true);
            SearchRequest find = new SearchRequest("CN=Deleted Objects," + baseDn, SearchScope.ONE,
                    Filter.createEqualityFilter("objectGUID", AdBinary.guidBytes(objectGuid)), "1.1");
            find.addControl(showDeleted);
            List<SearchResultEntry> tombstones = connection.search(find).getSearchEntries();
            if (tombstones.size() != 1) throw new IllegalArgumentException("no deleted object with the objectGUID " + objectGuid);
            ModifyRequest reanimate = new ModifyRequest(tombstones.get(0).getDN(),
                    new Modification(ModificationType.DELETE, "isDeleted"),
                    new Modification(ModificationType.REPLACE, "distinguishedName", dn));
            reanimate.addControl(showDeleted);
            return connection.modify(reanimate);
        });
    }

    /** An admin reset: replaces unicodePwd with the new password (needs ldaps://). */
    public void resetPassword(String sam, String newPassword) {
        modify(sam, new Modification(ModificationType.REPLACE, "unicodePwd", UnicodePwd.encode(newPassword)));
    }

    /** The DN of the account (user or group) with this sAMAccountName. */
    public String dnOf(String sam) {
        return call(() -> {
            List<SearchResultEntry> found = connection.search(baseDn, SearchScope.SUB,
                    Filter.createEqualityFilter("sAMAccountName", sam), "1.1").getSearchEntries();
            if (found.size() != 1) throw new IllegalArgumentException("no single account named " + sam);
            return found.get(0).getDN();
        });
    }

    /** The objectGUID of the account (user or group) with this sAMAccountName, as a UUID. */
    public UUID objectGuidOf(String sam) {
        return AdBinary.guidOf(attributeBytes(sam, "objectGUID"));
    }

    /** The objectSid of the account (user or group) with this sAMAccountName: S-1-5-21-... */
    public String objectSidOf(String sam) {
        return AdBinary.sidString(attributeBytes(sam, "objectSid"));
    }

    private byte[] attributeBytes(String sam, String attribute) {
        return call(() -> {
            byte[] value = connection.getEntry(dnOf(sam), attribute).getAttributeValueBytes(attribute);
            if (value == null) throw new IllegalArgumentException(sam + " has no " + attribute);
            return value;
        });
    }

    /** sam@corp.example.test: the implicit UPN every account has. */
    public String upnOf(String sam) {
        return sam + "@" + dnsDomain;
    }

    @Override
    public void close() {
        connection.close();
    }

    private void setUserAccountControl(String sam, boolean disabled) {
        call(() -> {
            String dn = dnOf(sam);
            int uac = connection.getEntry(dn, "userAccountControl").getAttributeValueAsInteger("userAccountControl");
            int updated = disabled ? uac | BindRules.ACCOUNTDISABLE : uac & ~BindRules.ACCOUNTDISABLE;
            return connection.modify(dn,
                    new Modification(ModificationType.REPLACE, "userAccountControl", Integer.toString(updated)));
        });
    }

    private void setLockoutThreshold(int threshold) throws LDAPException {
        connection.modify(baseDn,
                new Modification(ModificationType.REPLACE, "lockoutThreshold", Integer.toString(threshold)));
    }

    /** Sets the domain's lockoutThreshold (0: accounts are never locked). Domain-wide: restore it. */
    public void setAccountLockoutThreshold(int threshold) {
        call(() -> {
            setLockoutThreshold(threshold);
            return null;
        });
    }

    /** Sets the domain's pwdHistoryLength (0: no history). Domain-wide: restore it. */
    public void setPasswordHistoryLength(int passwords) {
        call(() -> connection.modify(baseDn,
                new Modification(ModificationType.REPLACE, "pwdHistoryLength", Integer.toString(passwords))));
    }

    /** The domain's lockoutDuration and lockOutObservationWindow, as AD keeps them (negative 100 ns ticks). */
    public record LockoutTimes(String duration, String observationWindow) {
    }

    /** The domain's lockout times now, to restore them. */
    public LockoutTimes lockoutTimes() {
        return call(() -> {
            var entry = connection.getEntry(baseDn, "lockoutDuration", "lockOutObservationWindow");
            return new LockoutTimes(entry.getAttributeValue("lockoutDuration"), entry.getAttributeValue("lockOutObservationWindow"));
        });
    }

    /** Sets the domain's lockoutDuration and lockOutObservationWindow (AD wants window &lt;= duration). Domain-wide: restore it. */
    public void setLockoutTimes(java.time.Duration duration, java.time.Duration observationWindow) {
        setLockoutTimes(new LockoutTimes(Long.toString(FileTime.ticksOf(duration)), Long.toString(FileTime.ticksOf(observationWindow))));
    }

    public void setLockoutTimes(LockoutTimes times) {
        // The window first when it shrinks, the duration first when it grows: window <= duration throughout.
        call(() -> connection.modify(baseDn,
                new Modification(ModificationType.REPLACE, "lockOutObservationWindow", times.observationWindow()),
                new Modification(ModificationType.REPLACE, "lockoutDuration", times.duration())));
    }

    /** Whether AD refuses the account as locked now (UF_LOCKOUT in msDS-User-Account-Control-Computed). */
    public boolean isLockedOut(String sam) {
        return call(() -> {
            Integer computed = connection.getEntry(dnOf(sam), "msDS-User-Account-Control-Computed")
                    .getAttributeValueAsInteger("msDS-User-Account-Control-Computed");
            return computed != null && (computed & 0x10) != 0;
        });
    }

    /**
     * Creates a fine-grained password policy (a PSO in CN=Password Settings Container) with this
     * lockout threshold and 30-minute lockout times, applied to one user; returns its DN. Samba and
     * AD only: delete it with {@link #deletePso}.
     */
    public String createLockoutPso(String name, int threshold, String appliesToSam) {
        return call(() -> {
            String dn = "CN=" + name + ",CN=Password Settings Container,CN=System," + baseDn;
            String thirtyMinutes = Long.toString(FileTime.ticksOf(java.time.Duration.ofMinutes(30)));
            connection.add(dn,
                    new com.unboundid.ldap.sdk.Attribute("objectClass", "msDS-PasswordSettings"),
                    new com.unboundid.ldap.sdk.Attribute("msDS-PasswordSettingsPrecedence", "1"),
                    new com.unboundid.ldap.sdk.Attribute("msDS-PasswordReversibleEncryptionEnabled", "FALSE"),
                    new com.unboundid.ldap.sdk.Attribute("msDS-PasswordHistoryLength", "0"),
                    new com.unboundid.ldap.sdk.Attribute("msDS-PasswordComplexityEnabled", "FALSE"),
                    new com.unboundid.ldap.sdk.Attribute("msDS-MinimumPasswordLength", "0"),
                    new com.unboundid.ldap.sdk.Attribute("msDS-MinimumPasswordAge", "0"),
                    new com.unboundid.ldap.sdk.Attribute("msDS-MaximumPasswordAge",
                            Long.toString(FileTime.ticksOf(java.time.Duration.ofDays(42)))),
                    new com.unboundid.ldap.sdk.Attribute("msDS-LockoutThreshold", Integer.toString(threshold)),
                    new com.unboundid.ldap.sdk.Attribute("msDS-LockoutObservationWindow", thirtyMinutes),
                    new com.unboundid.ldap.sdk.Attribute("msDS-LockoutDuration", thirtyMinutes),
                    new com.unboundid.ldap.sdk.Attribute("msDS-PSOAppliesTo", dnOf(appliesToSam)));
            return dn;
        });
    }

    /** Deletes a PSO made by {@link #createLockoutPso}; nothing when it is gone already. */
    public void deletePso(String name) {
        call(() -> {
            try {
                connection.delete("CN=" + name + ",CN=Password Settings Container,CN=System," + baseDn);
            } catch (LDAPException e) {
                if (!com.unboundid.ldap.sdk.ResultCode.NO_SUCH_OBJECT.equals(e.getResultCode())) throw e;
            }
            return null;
        });
    }

    /**
     * A fine-grained password policy (a PSO, Samba and AD only) applied to one account, with the
     * given maximum and minimum password age and history length and otherwise Samba's defaults
     * (precedence 1, complexity on, minimum length 8 where Samba's domain has 7, no lockout). Returns its DN: delete it with
     * {@link #deletePasswordSettings}. A PSO is per account, so it disturbs no other test.
     */
    public String createPasswordSettings(String name, String appliesToSam, Duration maxAge, Duration minAge, int historyLength) {
        return createPasswordSettings(name, appliesToSam, maxAge, minAge, historyLength, 8);
    }

    /** As above, with the policy's minimum password length. */
    public String createPasswordSettings(String name, String appliesToSam, Duration maxAge, Duration minAge, int historyLength,
                                         int minLength) {
        return call(() -> {
            DN dn = new DN(new RDN("CN", name), new DN("CN=Password Settings Container,CN=System," + baseDn));
            Entry pso = new Entry(dn);
            pso.addAttribute("objectClass", "top", "msDS-PasswordSettings");
            pso.addAttribute("msDS-PasswordSettingsPrecedence", "1");
            pso.addAttribute("msDS-PasswordReversibleEncryptionEnabled", "FALSE");
            pso.addAttribute("msDS-PasswordHistoryLength", Integer.toString(historyLength));
            pso.addAttribute("msDS-PasswordComplexityEnabled", "TRUE");
            pso.addAttribute("msDS-MinimumPasswordLength", Integer.toString(minLength));
            pso.addAttribute("msDS-MinimumPasswordAge", Long.toString(FileTime.ticksOf(minAge)));
            pso.addAttribute("msDS-MaximumPasswordAge", Long.toString(FileTime.ticksOf(maxAge)));
            pso.addAttribute("msDS-LockoutThreshold", "0");
            pso.addAttribute("msDS-LockoutObservationWindow", Long.toString(FileTime.ticksOf(Duration.ofMinutes(30))));
            pso.addAttribute("msDS-LockoutDuration", Long.toString(FileTime.ticksOf(Duration.ofMinutes(30))));
            pso.addAttribute("msDS-PSOAppliesTo", dnOf(appliesToSam));
            connection.add(pso);
            return dn.toString();
        });
    }

    public void deletePasswordSettings(String dn) {
        call(() -> connection.delete(dn));
    }

    /** Sets or clears DONT_EXPIRE_PASSWORD in userAccountControl: the account's password never expires. */
    public void setPasswordNeverExpires(String sam, boolean never) {
        call(() -> {
            String dn = dnOf(sam);
            int uac = connection.getEntry(dn, "userAccountControl").getAttributeValueAsInteger("userAccountControl");
            int updated = never ? uac | BindRules.DONT_EXPIRE_PASSWORD : uac & ~BindRules.DONT_EXPIRE_PASSWORD;
            return connection.modify(dn, new Modification(ModificationType.REPLACE, "userAccountControl", Integer.toString(updated)));
        });
    }

    /** The domain's lockoutThreshold now. */
    public long accountLockoutThreshold() {
        return call(() -> DomainPolicy.longOf(connection.getEntry(baseDn, "lockoutThreshold"), "lockoutThreshold", 0));
    }

    /** The account's badPwdCount at this admin's DC (AD keeps it per DC, never replicated); 0 when unset. */
    public int badPwdCount(String sam) {
        return call(() -> {
            Integer count = connection.getEntry(dnOf(sam), "badPwdCount").getAttributeValueAsInteger("badPwdCount");
            return count == null ? 0 : count;
        });
    }

    /** Whether this admin's DC has the account (one created at another DC arrives by replication). */
    public boolean hasUser(String sam) {
        return call(() -> connection.search(baseDn, SearchScope.SUB,
                Filter.createEqualityFilter("sAMAccountName", sam), "1.1").getEntryCount() == 1);
    }

    /** True when a simple bind as the account with this password succeeds now (which also clears its badPwdCount). */
    public boolean passwordBinds(String sam, String password) {
        return bindRefusal(sam, password).isEmpty();
    }

    /** The DC's diagnostic when a simple bind as the account with this password is refused now (AD's "data 532" ...); empty when it binds. */
    public Optional<String> bindRefusal(String sam, String password) {
        return call(() -> endpoint.tryBind(upnOf(sam), password).map(e -> String.valueOf(e.getDiagnosticMessage())));
    }

    private void modify(String sam, Modification... modifications) {
        call(() -> connection.modify(dnOf(sam), modifications));
    }

    private static String dnsNameOf(String baseDn) {
        return call(() -> {
            StringBuilder dns = new StringBuilder();
            for (RDN rdn : new DN(baseDn).getRDNs()) {
                if (dns.length() > 0) dns.append('.');
                dns.append(rdn.getAttributeValues()[0].toLowerCase(Locale.ROOT));
            }
            return dns.toString();
        });
    }
}
