package net.adfederation.sync;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DirectoryException;
import org.jboss.logging.Logger;

/**
 * The UPN of an account by its DN, read from the open domain whose partition holds the DN: for a
 * mapped manager whose Keycloak user is not imported yet (a full sync writes users in the
 * directory's order, a report maybe before the manager). Each domain keeps the answers for a minute,
 * so a sync reads each manager's UPN at most once a minute. No DC answering: no value.
 */
public final class ForestUpns {

    private static final Logger LOG = Logger.getLogger(ForestUpns.class);

    private ForestUpns() {
    }

    public static Function<String, Optional<String>> of(List<AdDomain> domains) {
        return dn -> {
            String lower = dn.toLowerCase(Locale.ROOT);
            for (AdDomain domain : domains) {
                if (!lower.endsWith("," + domain.info().defaultNamingContext().toLowerCase(Locale.ROOT))) continue;
                try {
                    return domain.upns().upnOf(dn);
                } catch (DirectoryException e) {
                    LOG.warnf("the UPN of %s was not read: %s", dn, e.getMessage());
                    return Optional.empty();
                }
            }
            return Optional.empty();
        };
    }
}
