package net.adfederation.trust;

import net.adfederation.common.ConfigRefusal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.adfederation.common.ConfigValues;

/**
 * The {@code domainControllers} setting: one line per trusted domain whose DCs DNS cannot find,
 * {@code partner.example.test=ldaps://dc1.partner.example.test ldaps://dc2.partner.example.test}.
 * Blank lines and lines starting with # are ignored.
 */
final class DomainControllerLines {

    private DomainControllerLines() {
    }

    static Map<String, List<URI>> parse(String key, String raw) {
        Map<String, List<URI>> result = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) return result;
        for (String line : raw.split("\\R")) {
            String text = line.trim();
            if (text.isEmpty() || text.startsWith("#")) continue;
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new ConfigRefusal(key + ": {0} is not a line domain=url url, such as "
                        + "partner.example.test=ldaps://dc1.partner.example.test", text);
            }
            String domain = ConfigValues.dnsName(key, text.substring(0, eq));
            if (result.put(domain, ConfigValues.ldapUrls(key, text.substring(eq + 1))) != null) {
                throw new ConfigRefusal(key + ": {0} has two lines; put all its URLs on one", domain);
            }
        }
        return result;
    }
}
