package net.adfederation.connector;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import net.adfederation.directory.read.AdUser;

/**
 * The users one request has already read, so that Keycloak asking again for the same user (it
 * does, by name, by e-mail and by id within one sign-in) costs no second LDAP search. It lives
 * in the provider instance, which Keycloak creates per {@code KeycloakSession}: nothing survives
 * the request. Lookups that found nobody are remembered too; failures are not.
 *
 * @param <U> the user model built from an {@link AdUser}
 */
final class RequestMemo<U> {

    private final Map<UUID, U> users = new HashMap<>();
    private final Map<String, Optional<UUID>> lookups = new HashMap<>();

    U byGuid(UUID guid, Supplier<Optional<AdUser>> read, Function<AdUser, U> adapt) {
        U known = users.get(guid);
        return known != null ? known : find("guid:" + guid, read, adapt);
    }

    U byName(String typed, Supplier<Optional<AdUser>> read, Function<AdUser, U> adapt) {
        return find("name:" + typed.trim().toLowerCase(Locale.ROOT), read, adapt);
    }

    U byMailOrUpn(String typed, Supplier<Optional<AdUser>> read, Function<AdUser, U> adapt) {
        return find("mail:" + typed.trim().toLowerCase(Locale.ROOT), read, adapt);
    }

    /**
     * The model for a user read by a search; the one already built this request if any. The
     * user's own names answer later lookups too: after a sign-in Keycloak validates the profile
     * by asking again for the username (the UPN) and the e-mail, which must not cost two more
     * searches. sAMAccountName and UPN are unique in a domain; a mail shared by two accounts can
     * only make the duplicate-e-mail check see this user, which is the answer it wants anyway.
     */
    U remember(AdUser user, Function<AdUser, U> adapt) {
        Optional<UUID> self = Optional.of(user.objectGuid());
        alias("name:", user.samAccountName(), self);
        alias("name:", user.userPrincipalName(), self);
        alias("mail:", user.mail(), self);
        return users.computeIfAbsent(user.objectGuid(), guid -> adapt.apply(user));
    }

    private void alias(String kind, String name, Optional<UUID> guid) {
        if (name != null && !name.isBlank()) lookups.putIfAbsent(kind + name.trim().toLowerCase(Locale.ROOT), guid);
    }

    private U find(String key, Supplier<Optional<AdUser>> read, Function<AdUser, U> adapt) {
        Optional<UUID> known = lookups.get(key);
        if (known != null) return known.map(users::get).orElse(null);
        Optional<AdUser> found = read.get();
        lookups.put(key, found.map(AdUser::objectGuid));
        return found.map(user -> remember(user, adapt)).orElse(null);
    }
}
