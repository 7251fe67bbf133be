package net.adfederation.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import net.adfederation.common.UserTexts;
import net.adfederation.directory.read.AccountName;
import net.adfederation.directory.read.AdUser;

/**
 * Finds which domain of the forest a typed name belongs to. {@code user@suffix} goes to the
 * domain of that DNS name, or, for a suffix no domain has (an alternative UPN suffix), to every
 * domain's UPN search; {@code DOMAIN\name} goes to the domain of that NetBIOS name; a bare name
 * is looked up in every domain, bound forest first, and refused with the names to type when
 * more than one has it. A domain that fails to answer fails the whole lookup (no guessing).
 *
 * @param <D> an open domain ({@code AdDomain} in production)
 */
final class NameResolution<D> {

    /** What a typed name resolved to. */
    sealed interface Result<D> {
    }

    record Found<D>(D domain, AdUser user) implements Result<D> {
    }

    /**
     * @param account        the name as typed
     * @param netbiosNames   the NetBIOS names of the domains that have it, upper case
     * @param downLevelNames the names to type instead, one per domain ({@code CORP\alice})
     * @param domains        the domains that have the name
     */
    record Ambiguous<D>(String account, List<String> netbiosNames, List<String> downLevelNames, List<D> domains)
            implements Result<D> {

        /** "alice exists in CORP and PARTNER: sign in as CORP\alice or PARTNER\alice", in the language of {@code texts}. */
        String message(UserTexts texts) {
            return texts.get("adRefusal.NAME_IN_SEVERAL_DOMAINS", account, texts.list(netbiosNames, "adListAnd"),
                    texts.list(downLevelNames, "adListOr"));
        }
    }

    record NotFound<D>() implements Result<D> {
    }

    private final List<D> domains;
    private final Function<D, String> dnsName;
    private final Function<D, String> netbiosName;
    private final BiFunction<D, AccountName, Optional<AdUser>> find;

    /** @param domains the bound forest first */
    NameResolution(List<D> domains, Function<D, String> dnsName, Function<D, String> netbiosName,
                   BiFunction<D, AccountName, Optional<AdUser>> find) {
        this.domains = List.copyOf(domains);
        this.dnsName = dnsName;
        this.netbiosName = netbiosName;
        this.find = find;
    }

    Result<D> resolve(AccountName name) {
        return switch (name.form()) {
            case UPN -> domains.stream().filter(d -> dnsName.apply(d).equalsIgnoreCase(name.domain())).findFirst()
                    .map(d -> found(d, name))
                    .orElseGet(() -> inEvery(name));
            case DOWN_LEVEL -> domains.stream().filter(d -> netbiosName.apply(d).equalsIgnoreCase(name.domain())).findFirst()
                    .map(d -> found(d, name))
                    .orElseGet(NotFound::new);
            case BARE -> inEvery(name);
        };
    }

    private Result<D> found(D domain, AccountName name) {
        return find.apply(domain, name).<Result<D>>map(user -> new Found<>(domain, user)).orElseGet(NotFound::new);
    }

    private Result<D> inEvery(AccountName name) {
        List<Found<D>> hits = new ArrayList<>();
        for (D domain : domains) {
            // A down-level name pins the domain; a bare one or a foreign UPN is asked of each as typed.
            find.apply(domain, name).ifPresent(user -> hits.add(new Found<>(domain, user)));
        }
        if (hits.isEmpty()) return new NotFound<>();
        if (hits.size() == 1) return hits.get(0);
        List<String> netbios = hits.stream().map(h -> netbiosName.apply(h.domain()).toUpperCase(Locale.ROOT)).toList();
        List<String> downLevel = hits.stream().map(h -> netbiosName.apply(h.domain()).toUpperCase(Locale.ROOT) + "\\"
                + h.user().samAccountName()).toList();
        return new Ambiguous<>(name.account(), netbios, downLevel, hits.stream().map(Found::domain).toList());
    }
}
