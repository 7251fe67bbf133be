package net.adfederation.connector;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import net.adfederation.account.AttributeMapping;
import net.adfederation.account.AttributeMappings;
import net.adfederation.directory.read.AdUser;

/**
 * A connector user's attributes: the fixed ones, and those of the component's attribute mappings,
 * which came with the same user read. A mapping to a UPN (manager=manager:upn) needs the referenced
 * account's UPN: it is looked up only when that attribute is asked for (a token with a User
 * Attribute mapper for it, the admin console, the profile page), once per request, and the domain
 * keeps the answer for a minute, so a sign-in that does not ask for it costs no LDAP operation.
 * Read-only, like every attribute of these users.
 */
final class MappedAttributes extends AbstractMap<String, List<String>> {

    private final Map<String, List<String>> known = new LinkedHashMap<>();
    /** UPN mappings not yet resolved, by user attribute. */
    private final Map<String, AttributeMapping> pending = new LinkedHashMap<>();
    private final AdUser user;
    private final Function<String, Optional<String>> upnOfDn;

    MappedAttributes(Map<String, List<String>> fixed, AdUser user, AttributeMappings mappings,
                     Function<String, Optional<String>> upnOfDn) {
        this.user = user;
        this.upnOfDn = upnOfDn;
        known.putAll(fixed);
        for (AttributeMapping mapping : mappings.all()) {
            if (user.raw().values(mapping.adAttribute()).isEmpty()) continue;
            if (mapping.format() == AttributeMapping.Format.UPN) {
                pending.put(mapping.userAttribute(), mapping);
                continue;
            }
            List<String> values = AttributeMappings.values(user, mapping, upnOfDn);
            if (!values.isEmpty()) known.put(mapping.userAttribute(), List.copyOf(values));
        }
    }

    @Override
    public List<String> get(Object name) {
        if (name instanceof String key && pending.containsKey(key)) resolve(key);
        return known.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        for (String key : List.copyOf(pending.keySet())) resolve(key);
        return Collections.unmodifiableSet(new LinkedHashSet<>(known.entrySet()));
    }

    private void resolve(String key) {
        AttributeMapping mapping = pending.remove(key);
        List<String> values = AttributeMappings.values(user, mapping, upnOfDn);
        if (!values.isEmpty()) known.put(key, List.copyOf(values));
    }
}
