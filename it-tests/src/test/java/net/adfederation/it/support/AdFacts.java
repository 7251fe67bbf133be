package net.adfederation.it.support;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.rp.AdIdentity;

/**
 * What the AD claims ought to say, read from the directory itself over LDAP (never from
 * Keycloak), so a test compares the tokens with AD rather than with a copy of the answer.
 */
public final class AdFacts {

    private AdFacts() {
    }

    /** The account's identity as the ad-identity-mapper should write it. */
    public static AdIdentity identityOf(DirectoryAdmin ad, String sam, String netbiosDomain) {
        String upn = ad.upnOf(sam);
        return new AdIdentity(upn, upn.substring(upn.indexOf('@') + 1), netbiosDomain,
                ad.objectGuidOf(sam).toString(), ad.objectSidOf(sam));
    }

    /** The group as the ad-groups-mapper should write it in the given format (name, qualified, dn, sid). */
    public static String group(DirectoryAdmin ad, String netbiosDomain, String group, String format) {
        return switch (format) {
            case "name" -> group;
            case "qualified" -> netbiosDomain + "\\" + group;
            case "dn" -> ad.dnOf(group);
            case "sid" -> ad.objectSidOf(group);
            default -> throw new IllegalArgumentException("no group format " + format);
        };
    }
}
