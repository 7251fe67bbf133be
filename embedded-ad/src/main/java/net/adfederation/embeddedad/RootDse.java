package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedRequest;
import java.util.Locale;

/**
 * The rootDSE of the emulated DC, shaped like the Samba DC's: naming contexts, the AD
 * capability OIDs (1.2.840.113556.1.4.800 is how clients recognise AD), the controls this server
 * really supports (paged results, sort, VLV) and functional levels. currentTime and
 * highestCommittedUSN are added per read by {@link SearchResultCleaner}.
 */
final class RootDse {

    static final String AD_CAPABILITY = "1.2.840.113556.1.4.800";
    static final String PAGED_RESULTS = "1.2.840.113556.1.4.319";

    private RootDse() {
    }

    static Entry of(AdDomainSpec domain, boolean startTls) {
        Entry rootDse = new Entry("");
        rootDse.addAttribute("objectClass", "top");
        rootDse.addAttribute("configurationNamingContext", domain.configurationDn());
        rootDse.addAttribute("defaultNamingContext", domain.baseDn());
        rootDse.addAttribute("rootDomainNamingContext", domain.baseDn());
        rootDse.addAttribute("namingContexts", domain.baseDn(), domain.configurationDn());
        rootDse.addAttribute("supportedCapabilities", AD_CAPABILITY, "1.2.840.113556.1.4.1670",
                "1.2.840.113556.1.4.1791", "1.2.840.113556.1.4.1935", "1.2.840.113556.1.4.2080");
        rootDse.addAttribute("supportedLDAPVersion", "2", "3");
        // Only controls implemented here: paged results, server-side sort, VLV, Show Deleted (DeletedObjects), DirSync.
        rootDse.addAttribute("supportedControl", PAGED_RESULTS, "1.2.840.113556.1.4.473", "2.16.840.1.113730.3.4.9",
                DeletedObjects.SHOW_DELETED, "1.2.840.113556.1.4.841");
        if (startTls) {
            rootDse.addAttribute("supportedExtension", StartTLSExtendedRequest.STARTTLS_REQUEST_OID,
                    WhoAmIExtendedRequest.WHO_AM_I_REQUEST_OID);
        } else {
            rootDse.addAttribute("supportedExtension", WhoAmIExtendedRequest.WHO_AM_I_REQUEST_OID);
        }
        String server = domain.serverDn();
        rootDse.addAttribute("dnsHostName", domain.dcHostName());
        rootDse.addAttribute("serverName", server);
        rootDse.addAttribute("dsServiceName", "CN=NTDS Settings," + server);
        rootDse.addAttribute("ldapServiceName", domain.dnsName() + ":"
                + domain.dcName().toLowerCase(Locale.ROOT) + "$@"
                + domain.dnsName().toUpperCase(Locale.ROOT));
        rootDse.addAttribute("isSynchronized", "TRUE");
        rootDse.addAttribute("isGlobalCatalogReady", "FALSE");
        rootDse.addAttribute("domainFunctionality", "4");
        rootDse.addAttribute("forestFunctionality", "4");
        rootDse.addAttribute("domainControllerFunctionality", "4");
        return rootDse;
    }
}
