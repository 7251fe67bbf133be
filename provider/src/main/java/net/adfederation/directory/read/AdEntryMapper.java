package net.adfederation.directory.read;

import com.unboundid.ldap.sdk.Entry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.adfederation.directory.AdCodecs;

/**
 * Turns AD entries into {@link AdUser} and {@link AdGroup}, and names the attributes a search
 * must ask for so that one search fills a whole record.
 * <p>
 * Public only for the sync room (DirSyncRead, SyncPass), which maps entries as user reads do; not an API beyond them.
 */
public final class AdEntryMapper {

    public static final String[] USER_ATTRIBUTES = {
        "objectGUID", "objectSid", "sAMAccountName", "userPrincipalName", "mail", "givenName", "sn",
        "displayName", "department", "title", "userAccountControl", "pwdLastSet", "accountExpires",
        "lockoutTime", "memberOf", "badPwdCount", "badPasswordTime",
        // The lockout guard's inputs, in the same read: AD computes both per request.
        "msDS-User-Account-Control-Computed", "msDS-ResultantPSO"};
    /** AD computes it from pwdLastSet and the resultant password policy (fine-grained or the domain's). */
    static final String PASSWORD_EXPIRY = "msDS-UserPasswordExpiryTimeComputed";
    /**
     * A user looked up by name, GUID or address (sign-in, token refresh, portal) or found by an
     * admin's search, so a user is the same whichever way it was read: the expiry comes
     * with the same search, so warning about it costs no LDAP operation. The sync does not ask for
     * it: a computed value for every user of a full read, that nothing in a sync uses.
     */
    static final String[] LOOKUP_ATTRIBUTES = lookupAttributes();
    static final String[] GROUP_ATTRIBUTES = {"sAMAccountName", "objectSid", "objectGUID"};
    /** A group as synchronisation reads it: with its description and direct members. */
    public static final String[] SYNC_GROUP_ATTRIBUTES = {"sAMAccountName", "objectSid", "objectGUID", "description", "member"};

    private AdEntryMapper() {
    }

    public static AdUser user(Entry entry) {
        return user(entry, List.of());
    }

    /** @param mapped the attributes whose values are kept as they came, for the component's mappings */
    public static AdUser user(Entry entry, List<String> mapped) {
        Long pwdLastSet = entry.getAttributeValueAsLong("pwdLastSet");
        Integer userAccountControl = entry.getAttributeValueAsInteger("userAccountControl");
        String[] memberOf = entry.getAttributeValues("memberOf");
        Integer badPwdCount = entry.getAttributeValueAsInteger("badPwdCount");
        return new AdUser(
                entry.getDN(),
                guid(entry),
                sid(entry),
                entry.getAttributeValue("sAMAccountName"),
                entry.getAttributeValue("userPrincipalName"),
                entry.getAttributeValue("mail"),
                entry.getAttributeValue("givenName"),
                entry.getAttributeValue("sn"),
                entry.getAttributeValue("displayName"),
                entry.getAttributeValue("department"),
                entry.getAttributeValue("title"),
                userAccountControl == null ? 0 : userAccountControl,
                time(pwdLastSet),
                pwdLastSet != null && pwdLastSet == 0,
                time(entry.getAttributeValueAsLong("accountExpires")),
                time(entry.getAttributeValueAsLong("lockoutTime")),
                memberOf == null ? List.of() : List.of(memberOf),
                badPwdCount == null ? 0 : badPwdCount,
                time(entry.getAttributeValueAsLong("badPasswordTime")),
                entry.getAttributeValueAsInteger("msDS-User-Account-Control-Computed"),
                entry.getAttributeValue("msDS-ResultantPSO"),
                time(entry.getAttributeValueAsLong(PASSWORD_EXPIRY)),
                raw(entry, mapped));
    }

    private static RawAttributes raw(Entry entry, List<String> mapped) {
        if (mapped.isEmpty()) return RawAttributes.NONE;
        Map<String, List<byte[]>> values = new LinkedHashMap<>();
        for (String name : mapped) {
            byte[][] bytes = entry.getAttributeValueByteArrays(name);
            if (bytes != null) values.put(name, List.of(bytes));
        }
        return RawAttributes.of(values);
    }

    private static String[] lookupAttributes() {
        String[] all = java.util.Arrays.copyOf(USER_ATTRIBUTES, USER_ATTRIBUTES.length + 1);
        all[USER_ATTRIBUTES.length] = PASSWORD_EXPIRY;
        return all;
    }

    static AdGroup group(Entry entry) {
        UUID guid = guid(entry);
        return new AdGroup(entry.getDN(), entry.getAttributeValue("sAMAccountName"), sid(entry),
                guid == null ? null : guid.toString());
    }

    /** A group for synchronisation; members come apart, as they may take more reads (ranges). */
    public static GroupEntry groupEntry(Entry entry, List<String> memberDns) {
        return new GroupEntry(entry.getDN(), entry.getAttributeValue("sAMAccountName"), guid(entry), sid(entry),
                entry.getAttributeValue("description"), memberDns);
    }

    public static UUID guid(Entry entry) {
        byte[] bytes = entry.getAttributeValueBytes("objectGUID");
        return bytes == null ? null : AdCodecs.guidToUuid(bytes);
    }

    private static String sid(Entry entry) {
        byte[] bytes = entry.getAttributeValueBytes("objectSid");
        return bytes == null ? null : AdCodecs.sidToString(bytes);
    }

    static Instant time(Long fileTime) {
        return fileTime == null ? null : AdCodecs.fileTimeToInstant(fileTime);
    }
}
