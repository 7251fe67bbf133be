package net.adfederation.trust;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocketFactory;

import net.adfederation.common.ConfigValues;
import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DnsName;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.ServiceLogin;
import net.adfederation.directory.dc.DcLocator;
import net.adfederation.directory.trusts.TrustedDomain;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentValidationException;

/**
 * The open domains of one {@code ad-trust} component: the bound forest first, then each usable
 * trusted domain, plus the reasons why configured domains could not be used. A domain that
 * cannot be used leaves the others working, so one broken trust does not stop every sign-in.
 */
public final class Forest implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Forest.class);

    /** A trusted domain that could not be opened (DC down, trust being repaired) is tried again this often. */
    static final long RETRY_REFUSED_AFTER_MS = 60_000;

    private final List<AdDomain> domains;
    private final Map<String, String> refusals;
    /** When a refused domain may next be tried again; claimed by one thread at a time. */
    private final AtomicLong retryAt;

    private Forest(List<AdDomain> domains, Map<String, String> refusals, long retryAt) {
        this.domains = Collections.unmodifiableList(domains);
        this.refusals = Collections.unmodifiableMap(refusals);
        this.retryAt = new AtomicLong(retryAt);
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
        return new Forest(open, refusals, System.currentTimeMillis() + RETRY_REFUSED_AFTER_MS);
    }

    /**
     * True for the one caller that may try the refused domains again now: some were refused and
     * the retry time has come. The others go on with this forest as it is, without waiting.
     */
    boolean claimRetry(long now) {
        long at = retryAt.get();
        return !refusals.isEmpty() && now >= at && retryAt.compareAndSet(at, now + RETRY_REFUSED_AFTER_MS);
    }

    /**
     * A forest with the same open domains plus each refused trusted domain that opens now (a DC
     * back, a trust repaired). Nothing of this forest is closed: requests still using it keep
     * working, and it becomes garbage once they are done. {@link #closeAddedTo} undoes it.
     */
    Forest withRefusedRetried(TrustConfig config, String password, SSLSocketFactory tls) {
        List<AdDomain> open = new ArrayList<>(domains);
        Map<String, String> stillRefused = new LinkedHashMap<>();
        TrustSelection.Verdict verdict = TrustSelection.evaluate(config.domain(), config.trustedDomains(), bound().trusts());
        stillRefused.putAll(verdict.refusals());
        for (TrustedDomain trust : verdict.usable()) {
            String partner = DnsName.of(trust.dnsName()).value();
            if (domains.stream().anyMatch(d -> d.info().dnsName().equalsIgnoreCase(partner))) continue;
            try {
                open.add(openTrusted(config, trust, password, tls));
            } catch (ComponentValidationException e) {
                stillRefused.put(partner, ConfigValues.describe(e));
            }
        }
        return new Forest(open, stillRefused, System.currentTimeMillis() + RETRY_REFUSED_AFTER_MS);
    }

    /** Closes the domains {@code retried} opened beyond this forest's (its swap came too late). */
    void closeAddedTo(Forest retried) {
        retried.domains.stream().filter(d -> !domains.contains(d)).forEach(AdDomain::close);
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


    @Override
    public void close() {
        domains.forEach(AdDomain::close);
    }
}
