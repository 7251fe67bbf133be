package net.adfederation.login;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.adfederation.account.SignInDomain;
import net.adfederation.account.SignInDomainSource;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;

/**
 * The names users of a realm's Active Directory domains may type at sign-in: a bare name, then
 * name@domain and DOMAIN\name for each domain. The login page gets it as {@value #ATTRIBUTE}
 * (templates cannot see components) and shows {@link #examples(String)} under the username field.
 *
 * @param domains every domain of the realm's enabled {@code ad-connector} and {@code ad-trust} components, once each
 */
public record NameForms(List<SignInDomain> domains) {

    public static final String ATTRIBUTE = "adNameForms";

    public NameForms {
        domains = List.copyOf(domains);
    }

    /** The realm's name forms; empty when no enabled component signs AD users in. */
    public static Optional<NameForms> of(KeycloakSession session, RealmModel realm) {
        Map<String, SignInDomain> byDnsName = new LinkedHashMap<>();
        realm.getStorageProviders(UserStorageProvider.class)
                .filter(component -> new UserStorageProviderModel(component).isEnabled())
                .forEach(component -> {
                    ProviderFactory<?> factory = session.getKeycloakSessionFactory()
                            .getProviderFactory(UserStorageProvider.class, component.getProviderId());
                    if (factory instanceof SignInDomainSource source) {
                        source.signInDomains(session, component).forEach(d -> byDnsName.merge(d.dnsName(), d, NameForms::known));
                    }
                });
        return byDnsName.isEmpty() ? Optional.empty() : Optional.of(new NameForms(List.copyOf(byDnsName.values())));
    }

    /** The forms for one account name, as typed: alice, alice@corp.example.test, CORP\alice, then the next domain's. */
    public List<String> examples(String account) {
        List<String> forms = new ArrayList<>(List.of(account));
        for (SignInDomain domain : domains) {
            forms.add(account + "@" + domain.dnsName());
            if (domain.netbiosName() != null) forms.add(domain.netbiosName() + "\\" + account);
        }
        return forms;
    }

    /** Of two components naming the same domain, the one that knows its NetBIOS name. */
    private static SignInDomain known(SignInDomain first, SignInDomain second) {
        return first.netbiosName() != null ? first : second;
    }
}
