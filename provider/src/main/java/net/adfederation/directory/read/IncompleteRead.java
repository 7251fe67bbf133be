package net.adfederation.directory.read;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;

import java.util.Arrays;
import java.util.Map;

/**
 * A read that ended without all of its answer: a limit, a referral, paging or value ranges that
 * do not add up. Synchronisation treats it like any failed read, so nothing is removed on the
 * strength of it and the cursor stays; the message says why, for the admin reading the log.
 * <p>
 * Public only for the sync room (DirSyncRead, MemberRanges, SyncPass), whose reads fail with it; not an API beyond them.
 */
public final class IncompleteRead extends LDAPException {

    private static final long serialVersionUID = 1L;

    /** The result codes by which a DC says "here is part of it", and what each means for the admin. */
    private static final Map<ResultCode, String> CUT_SHORT = Map.of(
            ResultCode.SIZE_LIMIT_EXCEEDED, "a size limit (the MaxPageSize or MaxResultSetSize of the DC's LDAP policy)",
            ResultCode.TIME_LIMIT_EXCEEDED, "a time limit (MaxQueryDuration of the DC's LDAP policy)",
            ResultCode.ADMIN_LIMIT_EXCEEDED, "an administrative limit of the DC's LDAP policy");

    public IncompleteRead(ResultCode code, String message) {
        super(code, message);
    }

    /**
     * The failure of one page as the sync should see it: a limit or a referral becomes an
     * incomplete read that says so; any other failure passes unchanged (and fails the read too).
     */
    public static LDAPException ifCutShort(LDAPSearchException e, String search, int pagesRead) {
        ResultCode code = e.getResultCode();
        String limit = CUT_SHORT.get(code);
        if (limit != null) {
            return new IncompleteRead(code, search + " was cut short by " + limit + " after " + pagesRead
                    + " complete page(s) and " + e.getEntryCount() + " more entries; a partial answer is not used");
        }
        if (ResultCode.REFERRAL.equals(code)) {
            return new IncompleteRead(code, search + " was answered with a referral to "
                    + Arrays.toString(e.getReferralURLs()) + " instead of the entries; configure a DC of this domain");
        }
        return e;
    }

    /** Whether the DC ended the search at one of its limits (size, time, administrative). */
    public static boolean isLimit(ResultCode code) {
        return CUT_SHORT.containsKey(code);
    }
}
