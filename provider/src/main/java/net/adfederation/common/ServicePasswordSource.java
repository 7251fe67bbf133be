package net.adfederation.common;

import java.util.function.Supplier;

import net.adfederation.directory.Secret;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The service password (a {@link Secret}, never printed) as Keycloak's vault holds it now, resolved in a session of its own for each
 * new LDAP connection (they are made outside any request), so a password rotated in the vault is
 * used without a restart. A value that is not a vault expression is the password itself. When the
 * vault cannot answer, the password resolved when the domain opened is used (null here).
 */
public final class ServicePasswordSource {

    private static final Logger LOG = Logger.getLogger(ServicePasswordSource.class);

    private ServicePasswordSource() {
    }

    public static Supplier<Secret> of(KeycloakSessionFactory factory, String realmId, ConnectionSettings connection) {
        return () -> {
            try {
                return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                    RealmModel realm = session.realms().getRealm(realmId);
                    // The realm was removed and its domain is closing (a pool may still refill in the
                    // background meanwhile): the password read when the domain opened serves those last connections.
                    if (realm == null) return null;
                    // The vault resolves ${vault.key} per realm.
                    session.getContext().setRealm(realm);
                    return connection.bindPassword(session);
                });
            } catch (RuntimeException e) {
                LOG.warnf("The service password of %s could not be read from the vault again (%s): the one read"
                        + " when the domain was opened is used", connection.domain(), e.getMessage());
                return null;
            }
        };
    }
}
