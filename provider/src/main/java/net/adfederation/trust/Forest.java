package net.adfederation.trust;

import net.adfederation.common.ConfigRefusal;
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
import net.adfederation.directory.Secret;
import net.adfederation.directory.ServiceLogin;
import net.adfederation.directory.trusts.TrustedDomain;
import net.adfederation.directory.DomainRuntime;
import net.adfederation.sync.TrustSync;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentValidationException;

/**
 * The open domains of one {@code ad-trust} component: the bound forest first, then each usable
 * trusted domain, plus the reasons why configured domains could not be used. A domain that
 * cannot be used leaves the others working, so one broken trust does not stop every sign-in.
 */
public final class Forest implements AutoCloseable, TrustSync.Forest {

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
    static Forest open(TrustConfig config, Secret password, SSLSocketFactory tls) {
        return open(config, password, tls, DomainRuntime.standalone());
    }

    /** As {@link #open(TrustConfig, Secret, SSLSocketFactory)}, with what Keycloak lends each domain (vault, attempt ledger). */
    static Forest open(TrustConfig config, Secret password, SSLSocketFactory tls, DomainRuntime runtime) {
        AdDomain bound = AdDomain.connect(config.connection().domainSettings(password, tls), runtime);
        List<AdDomain> open = new ArrayList<>(List.of(bound));
        Map<String, String> refusals = new LinkedHashMap<>();
        try {
            TrustSelection.Verdict verdict = TrustSelection.evaluate(config.domain(), config.trustedDomains(), bound.trusts());
            refusals.putAll(verdict.refusals());
            for (TrustedDomain trust : verdict.usable()) {
                try {
                    open.add(openTrusted(config, trust, password, tls, runtime));
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
    Forest withRefusedRetried(TrustConfig config, Secret password, SSLSocketFactory tls, DomainRuntime runtime) {
        List<AdDomain> open = new ArrayList<>(domains);
        Map<String, String> stillRefused = new LinkedHashMap<>();
        TrustSelection.Verdict verdict = TrustSelection.evaluate(config.domain(), config.trustedDomains(), bound().trusts());
        stillRefused.putAll(verdict.refusals());
        for (TrustedDomain trust : verdict.usable()) {
            String partner = DnsName.of(trust.dnsName()).value();
            if (domains.stream().anyMatch(d -> d.info().dnsName().equalsIgnoreCase(partner))) continue;
            try {
                open.add(openTrusted(config, trust, password, tls, runtime));
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

    private static AdDomain openTrusted(TrustConfig config, TrustedDomain trust, Secret password, SSLSocketFactory tls,
                                        DomainRuntime runtime) {
        String partner = DnsName.of(trust.dnsName()).value();
        // None configured: the domain's DCs are found in DNS by the same locator as the bound domain's (dnsServer, adSite).
        List<URI> urls = config.domainControllersOf(partner).orElse(List.of());
        ServiceLogin login = config.crossForestLogin() == TrustConfig.CrossForestLogin.KERBEROS
                ? new ServiceLogin.Kerberos(ServicePrincipal.of(config.connection().bindDn(), config.domain()), password)
                : new ServiceLogin.Simple(config.connection().bindDn(), password);
        try {
            return AdDomain.connect(config.connection().domainSettings(partner, urls, login, tls), runtime);
        } catch (DirectoryException e) {
            String principal = login.account();
            String why = TrustSelection.loginRefused(config.domain(), partner, principal, e)
                    + (urls.isEmpty() && e.getMessage().contains("SRV") ? " Or add the line " + partner + "=ldaps://dc1."
                    + partner + " to " + TrustConfig.DOMAIN_CONTROLLERS + "." : "");
            LOG.warn(why);
            throw new ConfigRefusal("{0}", why);
        }
    }

    /** All open domains, the bound forest first. */
    @Override
    public List<AdDomain> domains() {
        return domains;
    }

    public AdDomain bound() {
        return domains.get(0);
    }

    /** Why configured trusted domains (by DNS name) are not among {@link #domains()}; empty when all are. */
    @Override
    public Map<String, String> refusals() {
        return refusals;
    }


    @Override
    public void close() {
        domains.forEach(AdDomain::close);
    }
}
