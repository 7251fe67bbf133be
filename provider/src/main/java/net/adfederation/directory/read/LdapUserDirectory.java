package net.adfederation.directory.read;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import net.adfederation.directory.AdBindErrors;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.dc.DirectoryPools;
import net.adfederation.directory.AdCodecs;

/**
 * {@link UserDirectory} over a domain's connection pools: each lookup is one subtree search of the
 * domain partition for normal user accounts, and each password check one bind on the bind pool.
 * An outage is always an exception, never an empty result.
 * <p>
 * Public only for AdDomain, which builds a domain from its rooms; not an API beyond them.
 */
public final class LdapUserDirectory implements UserDirectory {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(LdapUserDirectory.class);

    /** The most entries an admin search reads, whatever page of them it returns. */
    static final int SEARCH_HARD_LIMIT = 1000;

    private final DirectoryPools pools;
    private final DomainInfo domain;
    private final PasswordWrites passwords;
    private final LockoutGuard guard;
    private final UserReadAttributes reads;

    public LdapUserDirectory(DirectoryPools pools, DomainInfo domain, LockoutGuardInputs guard, UserReadAttributes reads) {
        this.pools = pools;
        this.domain = domain;
        this.reads = reads;
        this.passwords = new PasswordWrites(pools);
        LockoutPolicies policies = new LockoutPolicies(this::lockoutPolicy, this::psoPolicy);
        this.guard = new LockoutGuard(domain.dnsName(), guard.ledger(), policies::domain, policies::pso,
                guard.dcNow(), guard.bindBudget());
    }

    @Override
    public Optional<AdUser> findByName(AccountName name) {
        return switch (name.form()) {
            case BARE -> findOne(UserFilters.bySamAccountName(name.account()));
            case UPN -> findOne(UserFilters.byUserPrincipalName(name.account()));
            // Another domain's user is not ours to find: answered without asking the DC.
            case DOWN_LEVEL -> name.domain().equalsIgnoreCase(domain.netbiosName())
                    ? findOne(UserFilters.bySamAccountName(name.account()))
                    : Optional.empty();
        };
    }

    @Override
    public Optional<AdUser> findByGuid(UUID objectGuid) {
        return findOne(UserFilters.byGuid(Objects.requireNonNull(objectGuid)));
    }

    @Override
    public Optional<UserAndTokenGroups> findByGuidWithTokenGroups(UUID objectGuid) {
        String[] lookup = reads.lookup();
        String[] attributes = java.util.Arrays.copyOf(lookup, lookup.length + 1);
        attributes[lookup.length] = "tokenGroups";
        // The filter still asks for a normal user account with this objectGUID: the base is only where to look.
        SearchRequest request = new SearchRequest(guidDn(objectGuid), SearchScope.BASE,
                UserFilters.byGuid(Objects.requireNonNull(objectGuid)), attributes);
        SearchResultEntry entry;
        try {
            entry = pools.reads().searchForEntry(request);
        } catch (LDAPSearchException e) {
            if (ResultCode.NO_SUCH_OBJECT.equals(e.getResultCode())) return Optional.empty();
            throw failure(e, "looking up a user by objectGUID " + objectGuid);
        }
        if (entry == null) return Optional.empty();
        AdUser user = AdEntryMapper.user(entry, reads.mapped());
        return Optional.of(new UserAndTokenGroups(user, domainSids(user, entry.getAttributeValueByteArrays("tokenGroups"))));
    }

    /** AD's extended DN of the object with this GUID, in the hex form of its stored bytes (AD and Samba take it). */
    static String guidDn(UUID objectGuid) {
        return "<GUID=" + com.unboundid.util.StaticUtils.toHex(AdCodecs.uuidToGuid(objectGuid)) + ">";
    }

    @Override
    public Optional<AdUser> findByMailOrUpn(String value) {
        if (value == null || value.isBlank() || !TypedText.acceptable(value)) return Optional.empty();
        return findOne(UserFilters.byMailOrUpn(value.trim()));
    }

    @Override
    public List<AdUser> search(String text, int first, int max, Collection<String> memberOfGroupDns) {
        if (text != null && !TypedText.acceptable(text)) return List.of();
        int skip = Math.max(first, 0);
        int wanted = (int) Math.min(max < 0 ? SEARCH_HARD_LIMIT : (long) skip + max, SEARCH_HARD_LIMIT);
        if (skip >= wanted) return List.of();
        Filter filter = memberOfGroupDns.isEmpty() ? UserFilters.byPrefix(text)
                : Filter.createANDFilter(UserFilters.byPrefix(text), UserFilters.memberOfAny(memberOfGroupDns));
        List<SearchResultEntry> entries = readAll(filter, wanted, "searching users for " + text, reads.lookup());
        List<String> mapped = reads.mapped();
        return entries.subList(Math.min(skip, entries.size()), Math.min(wanted, entries.size())).stream()
                .map(entry -> AdEntryMapper.user(entry, mapped))
                .toList();
    }

    @Override
    public List<AdGroup> groupsOf(AdUser user) {
        return readAll(UserFilters.groupsWithMember(user.dn()), Integer.MAX_VALUE, "reading the groups of " + user.dn(),
                AdEntryMapper.GROUP_ATTRIBUTES).stream()
                .map(AdEntryMapper::group)
                .toList();
    }

    @Override
    public List<AdGroup> groupsOf(AdUser user, Collection<String> amongNamesOrDns) {
        if (amongNamesOrDns.isEmpty()) return List.of();
        return readAll(UserFilters.groupsWithMemberAmong(user.dn(), amongNamesOrDns), Integer.MAX_VALUE,
                "reading the groups of " + user.dn(), AdEntryMapper.GROUP_ATTRIBUTES).stream()
                .map(AdEntryMapper::group)
                .toList();
    }

    @Override
    public Optional<String> upnOf(String dn) {
        SearchResultEntry entry;
        try {
            entry = pools.reads().getEntry(dn, "userPrincipalName");
        } catch (LDAPException e) {
            if (ResultCode.NO_SUCH_OBJECT.equals(e.getResultCode()) || ResultCode.INVALID_DN_SYNTAX.equals(e.getResultCode())) {
                return Optional.empty();
            }
            throw failure(e, "reading the userPrincipalName of " + dn);
        }
        return Optional.ofNullable(entry == null ? null : entry.getAttributeValue("userPrincipalName"));
    }

    @Override
    public Set<String> tokenGroups(AdUser user) {
        SearchRequest request = new SearchRequest(user.dn(), SearchScope.BASE, Filter.createPresenceFilter("objectClass"),
                "tokenGroups");
        SearchResultEntry entry;
        try {
            entry = pools.reads().searchForEntry(request);
        } catch (LDAPSearchException e) {
            if (ResultCode.NO_SUCH_OBJECT.equals(e.getResultCode())) return Set.of();
            throw failure(e, "reading the groups of " + user.dn());
        }
        return domainSids(user, entry == null ? null : entry.getAttributeValueByteArrays("tokenGroups"));
    }

    private static Set<String> domainSids(AdUser user, byte[][] values) {
        if (values == null || user.objectSid() == null) return Set.of();
        // The user's own domain SID: BUILTIN aliases (S-1-5-32-...) and other domains' groups are not this domain's groups.
        String domainSid = user.objectSid().substring(0, user.objectSid().lastIndexOf('-') + 1);
        Set<String> sids = new LinkedHashSet<>();
        for (byte[] value : values) {
            String sid = AdCodecs.sidToString(value);
            if (sid.startsWith(domainSid)) sids.add(sid);
        }
        return sids;
    }

    @Override
    public List<AdGroup> groupsBySid(Collection<String> sids) {
        if (sids.isEmpty()) return List.of();
        return readAll(UserFilters.groupsWithSid(sids), Integer.MAX_VALUE, "reading groups by SID",
                AdEntryMapper.GROUP_ATTRIBUTES).stream()
                .map(AdEntryMapper::group)
                .toList();
    }

    @Override
    public Map<String, String> groupSids(Collection<String> namesOrDns) {
        if (namesOrDns.isEmpty()) return Map.of();
        List<AdGroup> found = readAll(UserFilters.groupsNamed(namesOrDns), Integer.MAX_VALUE, "finding groups by name",
                AdEntryMapper.GROUP_ATTRIBUTES).stream().map(AdEntryMapper::group).toList();
        Map<String, String> sids = new HashMap<>();
        for (String value : namesOrDns) {
            List<AdGroup> named = found.stream().filter(group -> names(group, value)).toList();
            if (named.size() == 1 && named.get(0).objectSid() != null) sids.put(value, named.get(0).objectSid());
        }
        return sids;
    }

    private static boolean names(AdGroup group, String value) {
        if (value.equalsIgnoreCase(group.name())) return true;
        try {
            return value.indexOf('=') > 0 && group.dn() != null && new DN(value).equals(new DN(group.dn()));
        } catch (LDAPException notADn) {
            return false;
        }
    }

    @Override
    public BindOutcome authenticate(AdUser user, String password) {
        // An empty simple bind is an anonymous bind, which AD accepts: never send one.
        if (password == null || password.isEmpty()) return BindOutcome.EMPTY_PASSWORD;
        Optional<LockoutGuard.Attempt> attempt = guard.reserve(countThatLocks(user));
        if (attempt.isEmpty()) return BindOutcome.LOCKOUT_AVOIDED;
        BindOutcome outcome = BindOutcome.DIRECTORY_UNAVAILABLE;
        try {
            // The pool keeps a connection after a refused bind and drops it after a broken one.
            pools.binds().bind(new SimpleBindRequest(user.dn(), password));
            outcome = BindOutcome.SUCCESS;
        } catch (LDAPException e) {
            outcome = AdBindErrors.fromLdapResult(e.getResultCode(), e.getDiagnosticMessage());
        } finally {
            // Anything but a success may have counted at AD (a broken connection too): its number stays taken.
            // AD answers "expired" (532) and "must change" (773) only to the right password and counts no
            // failure for them: their number is free again, or the change at sign-in that binds next is refused.
            attempt.get().finished(outcome == BindOutcome.SUCCESS || outcome == BindOutcome.PASSWORD_EXPIRED
                    || outcome == BindOutcome.PASSWORD_MUST_CHANGE);
        }
        return outcome;
    }

    /**
     * The user with the count that locks: the higher of the count read with the user (at the DC the
     * bind goes to, which on Samba counts and locks alone) and the PDC emulator's (which locks on
     * Windows, every DC sending wrong passwords on to it). The PDC emulator is asked only when reads
     * went to another DC: with it first in serverUrls this costs nothing; otherwise one base read per
     * password check. A PDC emulator that does not answer leaves the count read with the user.
     */
    private AdUser countThatLocks(AdUser user) {
        if (user.lockedOutNow()) return user;
        Optional<LDAPConnectionPool> pdc = pools.pdcWhenReadsGoElsewhere();
        if (pdc.isEmpty()) return user;
        try {
            SearchResultEntry entry = pdc.get().getEntry(user.dn(), "badPwdCount", "badPasswordTime");
            Integer count = entry == null ? null : entry.getAttributeValueAsInteger("badPwdCount");
            if (count == null || count <= user.badPwdCount()) return user;
            return user.withFailures(count, AdEntryMapper.time(entry.getAttributeValueAsLong("badPasswordTime")));
        } catch (LDAPException e) {
            LOG.debugf("the PDC emulator did not give the wrong-password count of %s (%s): the count read with the user"
                    + " applies", user.dn(), e.getMessage());
            return user;
        }
    }

    /**
     * The domain's policy, read fresh (concurrent sign-ins share one read, see {@link LockoutPolicies}); an
     * unreadable one is the guard's assumed policy (see {@link LockoutPolicy#assumed}).
     */
    @Override
    public LockoutPolicy lockoutPolicy() {
        try {
            return LockoutPolicy.of(pools.reads().getEntry(domain.defaultNamingContext(), "lockoutThreshold",
                    "lockOutObservationWindow"));
        } catch (LDAPException e) {
            if (AdBindErrors.isOutage(e.getResultCode())) throw failure(e, "reading the lockout policy");
            return LockoutPolicy.assumed("the domain object " + domain.defaultNamingContext() + " could not be read: "
                    + e.getMessage());
        }
    }

    /**
     * A fine-grained policy (PSO) by its DN, from the user's msDS-ResultantPSO. AD lets only admins
     * read PSOs by default: an unreadable one gives the assumed policy (the PSO may be stricter
     * than the domain, so the domain's alone is no guide; {@link LockoutPolicies#pso} applies the
     * stricter of the two).
     */
    private LockoutPolicy psoPolicy(String dn) {
        LockoutPolicy pso;
        try {
            pso = LockoutPolicy.ofPso(pools.reads().getEntry(dn, "msDS-LockoutThreshold", "msDS-LockoutObservationWindow"));
        } catch (LDAPException e) {
            if (AdBindErrors.isOutage(e.getResultCode())) throw failure(e, "reading the password settings " + dn);
            pso = LockoutPolicy.assumed("the password settings object " + dn + " could not be read: " + e.getMessage());
        }
        return pso;
    }

    /** How long the domain's password rules are kept: an admin's change shows within minutes, and a page costs no read. */
    private static final java.time.Duration RULES_KEPT = java.time.Duration.ofMinutes(5);

    private record KeptRules(PasswordRules rules, java.time.Instant readAt) {
    }

    private volatile KeptRules domainRules;

    @Override
    public PasswordRules passwordRules(AdUser user) {
        try {
            SearchResultEntry entry = pools.reads().getEntry(user.dn(), "msDS-ResultantPSO");
            String pso = entry == null ? null : entry.getAttributeValue("msDS-ResultantPSO");
            if (pso != null) {
                Optional<PasswordRules> fineGrained = PasswordRules.ofPso(readIfAllowed(pso));
                if (fineGrained.isPresent()) return fineGrained.get();
            }
            PasswordRules rules = domainRules();
            LOG.debugf("password rules of %s: %s (fine-grained policy %s)", user.dn(), rules, pso == null ? "not readable or none" : pso);
            return rules;
        } catch (LDAPException e) {
            throw failure(e, "reading the password rules of " + user.dn());
        }
    }

    /** A PSO the service account may not read (AD's default lets only admins) gives way to the domain's rules. */
    private SearchResultEntry readIfAllowed(String dn) throws LDAPException {
        try {
            return pools.reads().getEntry(dn, PasswordRules.PSO_ATTRIBUTES);
        } catch (LDAPException e) {
            if (AdBindErrors.isOutage(e.getResultCode())) throw e;
            return null;
        }
    }

    private PasswordRules domainRules() throws LDAPException {
        KeptRules kept = domainRules;
        java.time.Instant now = java.time.Instant.now();
        if (kept != null && kept.readAt().plus(RULES_KEPT).isAfter(now)) return kept.rules();
        SearchResultEntry entry = pools.reads().getEntry(domain.defaultNamingContext(), PasswordRules.DOMAIN_ATTRIBUTES);
        PasswordRules rules = entry == null ? new PasswordRules(0, false, 0, java.time.Duration.ZERO, false) : PasswordRules.ofDomain(entry);
        domainRules = new KeptRules(rules, now);
        return rules;
    }

    /** One entry or none; two or more matches count as none, so an ambiguous name signs nobody in. */
    private Optional<AdUser> findOne(Filter filter) {
        SearchRequest request = new SearchRequest(domain.defaultNamingContext(), SearchScope.SUB, filter, reads.lookup());
        request.setSizeLimit(2);
        List<SearchResultEntry> entries;
        try {
            entries = pools.reads().search(request).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (ResultCode.SIZE_LIMIT_EXCEEDED.equals(e.getResultCode())) return Optional.empty();
            throw failure(e, "looking up a user by " + filter);
        }
        return entries.size() == 1 ? Optional.of(AdEntryMapper.user(entries.get(0), reads.mapped())) : Optional.empty();
    }

    private List<SearchResultEntry> readAll(Filter filter, int limit, String what, String... attributes) {
        try {
            return new PagedSearch(domain.defaultNamingContext(), filter, attributes).read(pools.reads(), limit);
        } catch (LDAPException e) {
            throw failure(e, what);
        }
    }

    private DirectoryException failure(LDAPException e, String what) {
        if (AdBindErrors.isOutage(e.getResultCode())) {
            return new DirectoryException(DirectoryProblem.UNREACHABLE, "No domain controller of "
                    + domain.dnsName() + " answered while " + what + ": " + e.getMessage(), e);
        }
        return new DirectoryException(DirectoryProblem.OPERATION_FAILED,
                "The directory of " + domain.dnsName() + " failed " + what + ": " + e.getMessage(), e);
    }

    @Override
    public PasswordChange changePassword(AdUser user, String currentPassword, String newPassword) {
        // The change binds with the current password: a wrong one counts in AD like a failed sign-in.
        if (currentPassword == null || currentPassword.isEmpty()) return passwords.change(user, currentPassword, newPassword);
        Optional<LockoutGuard.Attempt> attempt = guard.reserve(countThatLocks(user));
        if (attempt.isEmpty()) return PasswordChange.WRONG_CURRENT_PASSWORD;
        PasswordChange outcome = PasswordChange.OTHER_FAILURE;
        try {
            outcome = passwords.change(user, currentPassword, newPassword);
        } finally {
            // Only a wrong current password (or an outage mid-way) may have counted at AD.
            attempt.get().finished(outcome != PasswordChange.WRONG_CURRENT_PASSWORD
                    && outcome != PasswordChange.DIRECTORY_UNAVAILABLE && outcome != PasswordChange.OTHER_FAILURE);
        }
        return outcome;
    }

    @Override
    public PasswordChange resetPassword(AdUser user, String newPassword) {
        return passwords.reset(user, newPassword);
    }
}
