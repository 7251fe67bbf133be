package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;

import java.net.URI;
import java.util.Arrays;

import net.adfederation.directory.AdBindErrors;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.DomainSettings;

/**
 * The facts a DC's rootDSE gives before any bind, and the two checks made on them: the server is
 * an AD DC (capability 1.2.840.113556.1.4.800; vendorName is no guide, Samba says "Samba Team")
 * and it serves the configured domain.
 *
 * @param defaultNamingContext       the domain partition, e.g. DC=corp,DC=example,DC=test
 * @param configurationNamingContext the forest's configuration partition
 * @param dnsHostName                the DC's own host name
 */
record RootDse(String defaultNamingContext, String configurationNamingContext, String dnsHostName) {

    static final String AD_DS_CAPABILITY = "1.2.840.113556.1.4.800";

    /**
     * Reads and checks the rootDSE. Throws {@link DirectoryException} when the server is not an AD
     * DC or serves another domain, and {@link LDAPException} only when the DC stopped answering.
     */
    static RootDse readAndCheck(LDAPConnection connection, URI url, DomainSettings settings) throws LDAPException {
        Entry root;
        try {
            root = connection.getEntry("", "supportedCapabilities", "defaultNamingContext",
                    "configurationNamingContext", "dnsHostName");
        } catch (LDAPException e) {
            if (AdBindErrors.isOutage(e.getResultCode())) throw e;
            throw notActiveDirectory(url, "its rootDSE could not be read: " + e.getMessage());
        }
        String[] capabilities = root == null ? null : root.getAttributeValues("supportedCapabilities");
        if (capabilities == null || !Arrays.asList(capabilities).contains(AD_DS_CAPABILITY)) {
            throw notActiveDirectory(url, "its rootDSE lacks capability " + AD_DS_CAPABILITY);
        }
        String served = root.getAttributeValue("defaultNamingContext");
        String implied = settings.impliedBaseDn();
        if (served == null || !sameDn(served, implied)) {
            throw new DirectoryException(DirectoryProblem.DOMAIN_MISMATCH, url + " serves the domain " + served
                    + ", but the configured domain " + settings.domain() + " implies " + implied
                    + ". Correct the domain name or point the URLs at a DC of " + settings.domain() + ".");
        }
        return new RootDse(served, root.getAttributeValue("configurationNamingContext"),
                root.getAttributeValue("dnsHostName"));
    }

    private static boolean sameDn(String a, String b) {
        try {
            return DN.equals(a, b);
        } catch (LDAPException notADn) {
            return false;
        }
    }

    private static DirectoryException notActiveDirectory(URI url, String why) {
        return new DirectoryException(DirectoryProblem.NOT_ACTIVE_DIRECTORY, url
                + " answered but is not an Active Directory domain controller (" + why
                + "). Point the URLs at a domain controller of the domain.");
    }
}
