package net.adfederation.directory.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The userPrincipalName of an entry by its DN, each kept for a minute ({@link KeptAnswers}): a
 * DN-valued attribute mapped as a UPN (manager) costs one base read the first time it is asked for,
 * then none for a minute, however many users share that manager. A renamed manager shows within a minute.
 */
public final class UpnByDnCache {

    private final KeptAnswers<String> upns;

    /** @param lookup one base read of an entry's UPN (see {@link UserDirectory#upnOf}) */
    public UpnByDnCache(Function<String, Optional<String>> lookup, LongSupplier clock) {
        this.upns = new KeptAnswers<>(dns -> {
            Map<String, String> found = new HashMap<>();
            for (String dn : dns) lookup.apply(dn).ifPresent(upn -> found.put(dn, upn));
            return found;
        }, clock);
    }

    public Optional<String> upnOf(String dn) {
        return Optional.ofNullable(upns.answersFor(List.of(dn)).get(dn));
    }
}
