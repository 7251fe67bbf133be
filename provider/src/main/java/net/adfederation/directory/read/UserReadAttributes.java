package net.adfederation.directory.read;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which attributes one domain's user reads ask for: those an {@link AdUser} names, plus the ones
 * the component's attribute mappings add, so a mapped attribute comes with the one search that
 * reads the user (sign-in, token refresh, a sync page) and never costs an operation of its own.
 * Set by the component that opened the domain; a changed setting opens a new domain.
 */
public final class UserReadAttributes {

    private static final Set<String> ALWAYS = lowerCase(Arrays.asList(AdEntryMapper.USER_ATTRIBUTES));

    /** Every mapped attribute, those always read included: their values are kept as {@link RawAttributes}. */
    private volatile List<String> mapped = List.of();
    /** The mapped attributes a search must ask for on top of those always read. */
    private volatile List<String> extra = List.of();

    /** The AD attributes whose values the mappings need. */
    public void readAlso(Collection<String> names) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> all = names.stream().filter(name -> seen.add(name.toLowerCase(Locale.ROOT))).toList();
        extra = all.stream().filter(name -> !ALWAYS.contains(name.toLowerCase(Locale.ROOT))).toList();
        mapped = List.copyOf(all);
    }

    /** The mapped attributes, as given. */
    public List<String> mapped() {
        return mapped;
    }

    /** What a lookup (sign-in, token refresh, admin search) asks for. */
    String[] lookup() {
        return join(AdEntryMapper.LOOKUP_ATTRIBUTES);
    }

    /** What a sync's user read asks for. */
    public String[] sync() {
        return join(AdEntryMapper.USER_ATTRIBUTES);
    }

    private String[] join(String[] base) {
        List<String> more = extra;
        if (more.isEmpty()) return base;
        String[] all = Arrays.copyOf(base, base.length + more.size());
        for (int i = 0; i < more.size(); i++) all[base.length + i] = more.get(i);
        return all;
    }

    private static Set<String> lowerCase(Collection<String> names) {
        Set<String> lower = new LinkedHashSet<>();
        names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
