package net.adfederation.directory.trusts;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchScope;

import java.util.List;

import net.adfederation.directory.AdBindErrors;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdCodecs;

/**
 * Reads a forest's trusts: the trustedDomain objects directly under CN=System of its domain
 * partition, one per trusted forest or domain. One LDAP search; the objects are readable by any
 * authenticated account, so the service account suffices.
 * <p>
 * Public only for AdDomain, which builds a domain from its rooms; not an API beyond them.
 */
public final class TrustReader {

    static final String[] ATTRIBUTES = {
        "trustPartner", "flatName", "trustDirection", "trustType", "trustAttributes", "securityIdentifier"};

    private TrustReader() {
    }

    public static List<TrustedDomain> read(LDAPConnectionPool reads, DomainInfo domain) {
        String system = "CN=System," + domain.defaultNamingContext();
        try {
            return reads.search(system, SearchScope.ONE, Filter.createEqualityFilter("objectClass", "trustedDomain"),
                    ATTRIBUTES).getSearchEntries().stream().map(TrustReader::trust).toList();
        } catch (LDAPException e) {
            DirectoryProblem problem = AdBindErrors.isOutage(e.getResultCode())
                    ? DirectoryProblem.UNREACHABLE : DirectoryProblem.OPERATION_FAILED;
            throw new DirectoryException(problem, "The trusts of " + domain.dnsName() + " could not be read from "
                    + system + ": " + e.getMessage(), e);
        }
    }

    /** One trustedDomain entry; a disabled (0) or unknown trustDirection gives a null direction. */
    static TrustedDomain trust(Entry entry) {
        Integer direction = entry.getAttributeValueAsInteger("trustDirection");
        Integer type = entry.getAttributeValueAsInteger("trustType");
        Integer attributes = entry.getAttributeValueAsInteger("trustAttributes");
        byte[] sid = entry.getAttributeValueBytes("securityIdentifier");
        return new TrustedDomain(entry.getAttributeValue("trustPartner"), entry.getAttributeValue("flatName"),
                direction == null ? null : TrustDirection.of(direction),
                type == null ? 0 : type,
                attributes == null ? 0 : attributes,
                sid == null ? null : AdCodecs.sidToString(sid));
    }
}
