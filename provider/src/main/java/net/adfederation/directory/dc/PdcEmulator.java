package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.adfederation.directory.AdBindErrors;

/**
 * The domain's PDC emulator, found from the domain object's fSMORoleOwner (the NTDS Settings of
 * its server object, whose dNSHostName names it). AD keeps badPwdCount per DC and sends every
 * wrong password on to the PDC emulator, so its count is the one that locks: the lockout guard
 * reads the count where it reads the user, at the first configured DC, which should be the PDC
 * emulator. Read once when the domain is opened (two base reads).
 */
final class PdcEmulator {

    private PdcEmulator() {
    }

    /** The PDC emulator's host name; null when the service account cannot read it. */
    static String hostName(LDAPConnection connection, Entry domain) throws LDAPException {
        try {
            String owner = domain == null ? null : domain.getAttributeValue("fSMORoleOwner");
            DN server = owner == null ? null : new DN(owner).getParent();
            if (server == null) return null;
            Entry entry = connection.getEntry(server.toString(), "dNSHostName");
            return entry == null ? null : entry.getAttributeValue("dNSHostName");
        } catch (LDAPException e) {
            if (AdBindErrors.isOutage(e.getResultCode())) throw e;
            return null;
        }
    }

    /**
     * The configured URL of the PDC emulator: the one naming its host, or the one whose DC said it is
     * the PDC emulator (its dnsHostName); null when it is not among the configured DCs, or unknown.
     */
    static URI urlOf(String pdcHost, List<URI> urls, URI answeredUrl, String answered) {
        if (pdcHost == null) return null;
        for (URI url : urls) {
            if (same(url.getHost(), pdcHost)) return url;
        }
        return same(answered, pdcHost) ? answeredUrl : null;
    }

    /**
     * The admin's warning when the first configured DC is not the PDC emulator (the guard then
     * reads a count that may lag behind the one that locks); empty when it is, or when unknown.
     *
     * @param answered the dnsHostName of the DC that answered the probe at {@code answeredUrl}
     */
    static Optional<String> advice(String domain, String pdcHost, List<URI> urls, URI answeredUrl, String answered) {
        if (pdcHost == null || urls.isEmpty()) return Optional.empty();
        URI first = urls.get(0);
        boolean firstIsPdc = same(first.getHost(), pdcHost) || (first.equals(answeredUrl) && same(answered, pdcHost));
        if (firstIsPdc) return Optional.empty();
        return Optional.of(domain + ": the first configured DC (" + first.getHost() + ") is not the PDC emulator ("
                + pdcHost + "). AD counts wrong passwords per DC and locks by the PDC emulator's count, which the"
                + " lockout guard then reads with one LDAP read more per password check (or cannot read, when the PDC"
                + " emulator is not listed): list the PDC emulator first in serverUrls.");
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
