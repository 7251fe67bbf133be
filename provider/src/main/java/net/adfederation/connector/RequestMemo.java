package net.adfederation.connector;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import net.adfederation.directory.AdUser;

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

    /** The model for a user read by a search; the one already built this request if any. */
    U remember(AdUser user, Function<AdUser, U> adapt) {
        return users.computeIfAbsent(user.objectGuid(), guid -> adapt.apply(user));
    }

    private U find(String key, Supplier<Optional<AdUser>> read, Function<AdUser, U> adapt) {
        Optional<UUID> known = lookups.get(key);
        if (known != null) return known.map(users::get).orElse(null);
        Optional<AdUser> found = read.get();
        lookups.put(key, found.map(AdUser::objectGuid));
        return found.map(user -> remember(user, adapt)).orElse(null);
    }
}
