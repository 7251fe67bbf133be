package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.util.StaticUtils;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AD's extended DN {@code <GUID=...>} as a search base: the object with that objectGUID, given as
 * the hex of its 16 stored bytes or as the GUID's string form (AD and Samba take both). The
 * request goes on with the object's DN; an unknown GUID is AD's noSuchObject.
 */
final class GuidBaseDn extends InMemoryOperationInterceptor {

    private static final Pattern GUID_DN = Pattern.compile("<GUID=([0-9a-fA-F]{32}|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})>");

    private final InternalDirectory directory;

    GuidBaseDn(InternalDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        Matcher guid = GUID_DN.matcher(request.getRequest().getBaseDN().trim());
        if (!guid.matches()) return;
        String value = guid.group(1);
        byte[] stored;
        try {
            stored = value.length() == 32 ? StaticUtils.fromHex(value) : AdBinary.guidBytes(UUID.fromString(value));
        } catch (java.text.ParseException notHex) {
            throw new LDAPException(ResultCode.INVALID_DN_SYNTAX, "not a GUID: " + value);
        }
        List<SearchResultEntry> found = directory.find(Filter.createEqualityFilter("objectGUID", stored), "1.1");
        if (found.isEmpty()) {
            throw new LDAPException(ResultCode.NO_SUCH_OBJECT, "0000208D: NameErr: DSID-03100213, problem 2001 (NO_OBJECT),"
                    + " data 0, best match of: ''");
        }
        SearchRequest rewritten = request.getRequest().duplicate();
        rewritten.setBaseDN(found.get(0).getDN());
        request.setRequest(rewritten);
    }
}
