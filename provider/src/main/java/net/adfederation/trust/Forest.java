package net.adfederation.trust;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLSocketFactory;

import net.adfederation.common.ConfigValues;
import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DcLocator;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DnsName;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.ServiceLogin;
import net.adfederation.directory.TrustedDomain;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentValidationException;

/**
 * The open domains of one {@code ad-trust} component: the bound forest first, then each usable
 * trusted domain, plus the reasons why configured domains could not be used. A domain that
 * cannot be used leaves the others working, so one broken trust does not stop every sign-in.
 */
public final class Forest implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Forest.class);

    private final List<AdDomain> domains;
    private final Map<String, String> refusals;
    private final long openedAt = System.currentTimeMillis();

    private Forest(List<AdDomain> domains, Map<String, String> refusals) {
        this.domains = Collections.unmodifiableList(domains);
        this.refusals = Collections.unmodifiableMap(refusals);
    }

    /** Opens the bound forest (failing as a whole when it cannot) and every usable trusted domain. */
    static Forest open(TrustConfig config, String password, SSLSocketFactory tls) {
        AdDomain bound = AdDomain.connect(config.connection().domainSettings(password, tls));
        List<AdDomain> open = new ArrayList<>(List.of(bound));
        Map<String, String> refusals = new LinkedHashMap<>();
        try {
            TrustSelection.Verdict verdict = TrustSelection.evaluate(config.domain(), config.trustedDomains(), bound.trusts());
            refusals.putAll(verdict.refusals());
            for (TrustedDomain trust : verdict.usable()) {
                try {
                    open.add(openTrusted(config, trust, password, tls));
                } catch (ComponentValidationException e) {
                    refusals.put(DnsName.normalised(trust.dnsName()), ConfigValues.describe(e));
                }
            }
        } catch (RuntimeException e) {
            open.forEach(AdDomain::close);
            throw e;
        }
        return new Forest(open, refusals);
    }

    private static AdDomain openTrusted(TrustConfig config, TrustedDomain trust, String password, SSLSocketFactory tls) {
        String partner = DnsName.of(trust.dnsName()).value();
        List<URI> urls;
        try {
            urls = config.domainControllersOf(partner)
                    .orElseGet(() -> new DcLocator().locate(partner, config.locatedDcsUseLdaps()));
        } catch (DirectoryException e) {
            throw new ComponentValidationException("{0}", e.getMessage() + " Or add the line " + partner + "=ldaps://dc1."
                    + partner + " to " + TrustConfig.DOMAIN_CONTROLLERS + ".");
        }
        DomainSettings settings = config.connection().domainSettings(partner, urls, password, tls);
        ServiceLogin login = config.crossForestLogin() == TrustConfig.CrossForestLogin.KERBEROS
                ? new ServiceLogin.Kerberos(ServicePrincipal.of(config.connection().bindDn(), config.domain()), password)
                : new ServiceLogin.Simple(config.connection().bindDn(), password);
        try {
            return AdDomain.connect(settings, login);
        } catch (DirectoryException e) {
            String principal = login instanceof ServiceLogin.Kerberos k ? k.principal() : config.connection().bindDn();
            String why = TrustSelection.loginRefused(config.domain(), partner, principal, e);
            LOG.warn(why);
            throw new ComponentValidationException("{0}", why);
        }
    }

    /** All open domains, the bound forest first. */
    public List<AdDomain> domains() {
        return domains;
    }

    public AdDomain bound() {
        return domains.get(0);
    }

    /** Why configured trusted domains (by DNS name) are not among {@link #domains()}; empty when all are. */
    public Map<String, String> refusals() {
        return refusals;
    }

    /** True when some domain was refused and this was opened longer ago than the given time. */
    boolean refusalsOlderThan(long millis) {
        return !refusals.isEmpty() && System.currentTimeMillis() - openedAt > millis;
    }

    @Override
    public void close() {
        domains.forEach(AdDomain::close);
    }
}
