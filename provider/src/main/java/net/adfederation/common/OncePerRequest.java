package net.adfederation.common;

import java.util.function.Supplier;

/**
 * A value looked up at most once by the provider of one request (Keycloak creates a provider per
 * session): kept once found, looked up again after a failure, which the domain registry answers fast.
 * Not thread-safe: a request is served by one thread.
 *
 * @param <T> the open domain or forest
 */
public final class OncePerRequest<T> implements Supplier<T> {

    private final Supplier<T> lookup;
    private T value;

    public OncePerRequest(Supplier<T> lookup) {
        this.lookup = lookup;
    }

    @Override
    public T get() {
        if (value == null) value = lookup.get();
        return value;
    }
}
