package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.adfederation.directory.AdBindErrors;
import net.adfederation.directory.AdCodecs;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.DomainSettings;

/**
 * The check made when a domain is opened: the DCs are tried in order until one answers; on that
 * one the rootDSE is checked, the service account binds and the NetBIOS name is read. A DC that
 * does not answer sends the probe to the next; a refusal by an answering DC ends it.
 * <p>
 * Public only for AdDomain, which builds a domain from its rooms; not an API beyond them.
 */
public final class DomainProbe {

    private DomainProbe() {
    }

    /**
     * What the probe learnt: the domain's facts, how far its DC's clock is from ours, and a warning
     * for the admin when the first configured DC is not the PDC emulator, and the PDC emulator's URL
     * among the configured ones, or among those DNS names when none are configured (null when not
     * listed; see {@link PdcEmulator}).
     */
    public record Probed(DomainInfo info, Duration clockOffset, Optional<String> pdcAdvice, URI pdcUrl) {
    }

    public static Probed probe(DomainSettings settings, DcServers servers, ServiceBind service) {
        List<ConnectFailure> failures = new ArrayList<>();
        for (URI url : servers.urls()) {
            try (LDAPConnection connection = servers.server(url).getConnection()) {
                return check(connection, url, settings, servers, service);
            } catch (LDAPException outage) {
                servers.reportDown(url);
                failures.add(ConnectFailure.of(url, outage));
            }
        }
        throw ConnectFailure.noneUsable(settings.domain(), failures);
    }

    private static Probed check(LDAPConnection connection, URI url, DomainSettings settings, DcServers servers,
                                ServiceBind service) throws LDAPException {
        RootDse root = RootDse.readAndCheck(connection, url, settings);
        bindServiceAccount(connection, url, service);
        String netbios = netbiosName(connection, url, root, service.account());
        // One read of the domain object serves both: its PDC emulator role owner and its SID.
        Entry domain = domainObject(connection, root);
        String pdc = PdcEmulator.hostName(connection, domain);
        return new Probed(new DomainInfo(settings.domain(), netbios, root.defaultNamingContext(), root.dnsHostName(),
                upnSuffixes(connection, root), domainSid(domain), root.configurationNamingContext()), root.clockOffset(),
                PdcEmulator.advice(settings.domain(), pdc, settings.serverUrls(), url, root.dnsHostName()),
                // DCs from DNS: the PDC emulator among those DNS names (dc1 behind a site's dc1b).
                PdcEmulator.urlOf(pdc, settings.serverUrls().isEmpty() ? servers.urls() : settings.serverUrls(), url,
                        root.dnsHostName()));
    }

    /**
     * The objectSid of the domain object, which every account SID of the domain starts with; null
     * when it cannot be read (then only the trust object's securityIdentifier places the domain's SIDs).
     */
    private static String domainSid(Entry domain) {
        byte[] sid = domain == null ? null : domain.getAttributeValueBytes("objectSid");
        return sid == null ? null : AdCodecs.sidToString(sid);
    }

    /** The domain object with fSMORoleOwner and objectSid; null when it cannot be read (not for an outage). */
    private static Entry domainObject(LDAPConnection connection, RootDse root) throws LDAPException {
        try {
            return connection.getEntry(root.defaultNamingContext(), "fSMORoleOwner", "objectSid");
        } catch (LDAPException e) {
            if (AdBindErrors.isOutage(e.getResultCode())) throw e;
            return null;
        }
    }

    /**
     * The forest's alternative UPN suffixes (uPNSuffixes on CN=Partitions), which its accounts may
     * use besides the domain's DNS name; none when they cannot be read, so such accounts are refused.
     */
    private static List<String> upnSuffixes(LDAPConnection connection, RootDse root) throws LDAPException {
        try {
            Entry partitions = connection.getEntry("CN=Partitions," + root.configurationNamingContext(), "uPNSuffixes");
            String[] values = partitions == null ? null : partitions.getAttributeValues("uPNSuffixes");
            return values == null ? List.of() : List.of(values);
        } catch (LDAPException e) {
            if (AdBindErrors.isOutage(e.getResultCode())) throw e;
            return List.of();
        }
    }

    private static void bindServiceAccount(LDAPConnection connection, URI url, ServiceBind service)
            throws LDAPException {
        try {
            service.bind(connection, connection.getSSLSession() != null);
        } catch (LDAPException e) {
            if (AdBindErrors.isOutage(e.getResultCode())) throw e;
            throw service.refused(url, e);
        }
    }

    /** The domain's crossRef in the configuration partition holds its NetBIOS name. */
    private static String netbiosName(LDAPConnection connection, URI url, RootDse root, String account)
            throws LDAPException {
        String partitions = "CN=Partitions," + root.configurationNamingContext();
        Filter crossRef = Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", "crossRef"),
                Filter.createEqualityFilter("nCName", root.defaultNamingContext()));
        SearchResult result;
        try {
            result = connection.search(partitions, SearchScope.ONE, crossRef, "nETBIOSName");
        } catch (LDAPException e) {
            if (AdBindErrors.isOutage(e.getResultCode())) throw e;
            throw netbiosUnreadable(url, account, partitions, e.getMessage(), e);
        }
        return result.getSearchEntries().stream()
                .map(entry -> entry.getAttributeValue("nETBIOSName"))
                .filter(name -> name != null)
                .findFirst()
                .orElseThrow(() -> netbiosUnreadable(url, account, partitions, "no crossRef names it", null));
    }

    private static DirectoryException netbiosUnreadable(URI url, String account, String partitions, String why,
                                                        Throwable cause) {
        return new DirectoryException(DirectoryProblem.OPERATION_FAILED, "The NetBIOS name of the domain could not"
                + " be read at " + url + " from " + partitions + " as " + account + ": " + why + ".", cause);
    }
}
