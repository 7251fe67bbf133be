package net.adfederation.account;

import java.util.Locale;

import net.adfederation.directory.DnsName;

/**
 * A domain whose users may sign in on a realm, as the sign-in page names it.
 *
 * @param dnsName     corp.example.test: the UPN suffix users type after the @
 * @param netbiosName CORP, the prefix of CORP\alice; null while no DC has told it
 */
public record SignInDomain(String dnsName, String netbiosName) {

    public SignInDomain {
        dnsName = DnsName.of(dnsName).value();
        netbiosName = netbiosName == null || netbiosName.isBlank() ? null : netbiosName.trim().toUpperCase(Locale.ROOT);
    }
}
