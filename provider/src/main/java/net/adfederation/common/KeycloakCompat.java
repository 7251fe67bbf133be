package net.adfederation.common;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.keycloak.authorization.fgap.AdminPermissionsSchema;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;

/**
 * The one place where this JAR (compiled against Keycloak 26.7.0) meets Keycloak APIs that moved
 * between 26.4 and 26.7. Every other class uses only what all of 26.4.x-26.7.x have; `.ci/keycloak-api-check.py`
 * lists any reference of ours that a given Keycloak lacks. Guarded here:
 * <ul>
 *   <li>{@code org.keycloak.storage.StorageUnavailableException}: new in Keycloak 26.5 (its
 *       {@code UserStorageManager} then continues with the other providers). On 26.4 a DC outage in a
 *       lookup by id is a {@link ModelException}, as Keycloak's own LDAP provider throws there.</li>
 *   <li>{@code AdminPermissionsSchema.runWithoutAuthorization(KeycloakSession, Supplier)}: new after 26.5
 *       (present in 26.7.0); the {@code Runnable} form, in every supported version, is used instead.</li>
 * </ul>
 * Avoided elsewhere (noted so they are not reintroduced): {@code AuthenticationManager.AuthResult.user()/session()}
 * (a record since 26.5; {@code getUser()/getSession()} exist in all), and method references such as
 * {@code UserModel::getId}, which javac compiles to {@code org.keycloak.models.Model.getId}, an interface new in 26.5
 * (a lambda compiles to {@code UserModel.getId}).
 */
public final class KeycloakCompat {

    private static final Logger LOG = Logger.getLogger(KeycloakCompat.class);
    private static final String STORAGE_UNAVAILABLE = "org.keycloak.storage.StorageUnavailableException";
    private static final boolean HAS_STORAGE_UNAVAILABLE = present(STORAGE_UNAVAILABLE);
    private static final AtomicBoolean DIFFERENCES_LOGGED = new AtomicBoolean();

    private KeycloakCompat() {
    }

    /** Says once, when our providers start, what this Keycloak lacks of what the JAR would use (nothing on 26.5+). */
    static void logDifferences(String running) {
        if (!HAS_STORAGE_UNAVAILABLE && DIFFERENCES_LOGGED.compareAndSet(false, true)) {
            LOG.warnf("Keycloak %s has no StorageUnavailableException (new in 26.5): while Active Directory does not answer, "
                    + "a lookup of a signed-in AD user fails its request instead of Keycloak carrying on with its other user providers", running);
        }
    }

    /** Keycloak's "this storage provider is down" exception where it exists (26.5+), else a {@link ModelException}. */
    public static RuntimeException storageUnavailable(String message, Throwable cause) {
        return HAS_STORAGE_UNAVAILABLE ? Since265.storageUnavailable(message, cause) : new DirectoryUnavailable(message, cause);
    }

    /** Whether {@code e} came from {@link #storageUnavailable}. */
    public static boolean isStorageUnavailable(Throwable e) {
        return e instanceof DirectoryUnavailable || (HAS_STORAGE_UNAVAILABLE && Since265.isStorageUnavailable(e));
    }

    /** Runs {@code work} with fine-grained admin permissions not evaluated (links are facts of the realm, not an admin's view). */
    public static <T> T withoutAuthorization(KeycloakSession session, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AdminPermissionsSchema.runWithoutAuthorization(session, () -> result.set(work.get()));
        return result.get();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, KeycloakCompat.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only on Keycloak 26.5+, where its reference to StorageUnavailableException resolves. */
    private static final class Since265 {
        static RuntimeException storageUnavailable(String message, Throwable cause) {
            return new org.keycloak.storage.StorageUnavailableException(message, cause);
        }

        static boolean isStorageUnavailable(Throwable e) {
            return e instanceof org.keycloak.storage.StorageUnavailableException;
        }
    }

    /** Keycloak 26.4's stand-in: a model error, which Keycloak reports without a stack trace of ours. */
    private static final class DirectoryUnavailable extends ModelException {
        DirectoryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
