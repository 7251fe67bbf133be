package net.adfederation.directory.sync;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.experimental.ActiveDirectoryDirSyncControl;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdEntryMapper;
import net.adfederation.directory.read.IncompleteRead;

/**
 * Deletions read with the DirSync control: the objects deleted since a cookie (with the filter
 * isDeleted=TRUE, so the DC returns tombstones only), and the cookie to resume from. Without a
 * cookie it reads every tombstone the DC still keeps, which primes the cookie and, since a known
 * object with a tombstone is a deleted one, also serves as a deletion read. A DC that refuses the
 * control to the account (no Replicating Directory Changes) gives an empty result. So does one that
 * accepts it but hides deletions from it: Samba 4.17 shows tombstones through DirSync only to
 * accounts that may list CN=Deleted Objects; a read without a cookie notices, as that container,
 * itself deleted-flagged, is then missing.
 */
final class DirSyncRead {

    /** DirSync answers until "more results" is 0; a DC that never says so is not read further. */
    private static final int MAX_ROUNDS = 10_000;
    /** Windows' default reply size; Samba ignores it. */
    private static final int MAX_BYTES = 1_048_576;
    private static final Set<ResultCode> REFUSALS = Set.of(ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
            ResultCode.UNAVAILABLE_CRITICAL_EXTENSION, ResultCode.UNWILLING_TO_PERFORM);

    /**
     * @param deleted objectGUIDs of the tombstones read (any object class: the caller knows which are its)
     * @param cookie  where the next read resumes (Base64)
     */
    record Deletions(List<UUID> deleted, String cookie) {
    }

    private final String namingContext;
    private final String deletedObjects;

    DirSyncRead(DomainInfo domain) {
        this.namingContext = domain.defaultNamingContext();
        this.deletedObjects = "CN=Deleted Objects," + domain.defaultNamingContext();
    }

    /** Empty when the DC refuses DirSync to this account, or (without a cookie) hides deletions from it. */
    Optional<Deletions> read(LDAPConnection connection, String cookie) throws LDAPException {
        List<UUID> deleted = new ArrayList<>();
        Set<String> cookies = new HashSet<>();
        boolean containerSeen = false;
        ASN1OctetString next = cookie == null ? new ASN1OctetString() : new ASN1OctetString(Base64.getDecoder().decode(cookie));
        for (int round = 1; ; round++) {
            SearchRequest request = new SearchRequest(namingContext, SearchScope.SUB,
                    Filter.createEqualityFilter("isDeleted", "TRUE"), "isDeleted", "objectGUID");
            request.addControl(new ActiveDirectoryDirSyncControl(true, 0, MAX_BYTES, next));
            SearchResult result;
            try {
                result = connection.search(request);
            } catch (LDAPSearchException e) {
                if (REFUSALS.contains(e.getResultCode())) return Optional.empty();
                throw e;
            }
            for (SearchResultEntry entry : result.getSearchEntries()) {
                if (entry.getDN().equalsIgnoreCase(deletedObjects)) containerSeen = true;
                else if (entry.hasAttribute("objectGUID")) deleted.add(AdEntryMapper.guid(entry));
            }
            ActiveDirectoryDirSyncControl response = ActiveDirectoryDirSyncControl.get(result);
            if (response == null) {
                throw new IncompleteRead(ResultCode.PROTOCOL_ERROR, "The DirSync read of " + namingContext
                        + " was answered without a DirSync cookie");
            }
            next = response.getCookie();
            if (response.getFlags() == 0) break;
            if (round >= MAX_ROUNDS || !cookies.add(Base64.getEncoder().encodeToString(next.getValue()))) {
                throw new IncompleteRead(ResultCode.PROTOCOL_ERROR, "The DirSync read of " + namingContext
                        + " did not end (its cookie repeated or it ran past " + MAX_ROUNDS + " rounds)");
            }
        }
        if (cookie == null && !containerSeen) return Optional.empty();
        return Optional.of(new Deletions(deleted, Base64.getEncoder().encodeToString(next.getValue())));
    }
}
