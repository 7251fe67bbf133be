package net.adfederation.architecture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The package rules, stated once: each package of ours (under {@code net.adfederation}) and the
 * packages of ours it may use. {@link PackageDependenciesTest} checks the compiled code against
 * this table, and that each package-info and the README's "Layout" block say the same; run it with
 * {@code -Dpackage.rules.write=true} to rewrite those texts from this table after changing it.
 * Floors, lowest first: metrics, directory and its rooms, common, account and events, the modes
 * (connector, trust, sync), the pages (login, password, tokens, portal); a package uses only lower
 * floors and the neighbours listed here.
 */
final class PackageRules {

    /** Package (relative to net.adfederation) to the packages of ours it may use, in floor order. */
    static final Map<String, List<String>> USES = new LinkedHashMap<>();

    static {
        USES.put("metrics", List.of());
        USES.put("directory.dc", List.of("metrics", "directory"));
        USES.put("directory.read", List.of("directory", "directory.dc"));
        USES.put("directory.sync", List.of("directory", "directory.read"));
        USES.put("directory.trusts", List.of("directory", "directory.read"));
        USES.put("directory", List.of("directory.dc", "directory.read", "directory.sync", "directory.trusts"));
        USES.put("common", List.of("directory", "directory.dc", "directory.read"));
        USES.put("account", List.of("directory", "directory.read", "common"));
        USES.put("events", List.of("metrics", "directory", "common", "account"));
        USES.put("sync", List.of("metrics", "directory", "directory.read", "directory.sync", "directory.trusts",
                "common", "account"));
        // connector -> sync: the one-time user id migration writes through sync.SyncStore, the one JPA class.
        USES.put("connector", List.of("directory", "directory.read", "common", "account", "events", "sync"));
        USES.put("trust", List.of("directory", "directory.dc", "directory.read", "directory.sync", "directory.trusts",
                "common", "account", "events", "sync"));
        USES.put("login", List.of("directory", "directory.read", "common", "account", "events"));
        USES.put("password", List.of("directory.read", "common", "account", "events", "login"));
        USES.put("tokens", List.of("directory.read", "common", "account"));
        USES.put("portal", List.of("directory.read", "common", "account", "tokens"));
        USES.put("admin", List.of("directory", "directory.read", "common", "account", "sync", "trust", "tokens"));
    }

    static final String ROOT = "net.adfederation";

    private PackageRules() {
    }

    /** The rule as one line of text, the same in the package-info and the README. */
    static String text(String pkg) {
        List<String> uses = USES.get(pkg);
        return uses.isEmpty() ? "uses nothing of ours" : "uses " + String.join(", ", uses);
    }

    /** The line each package-info carries. */
    static String packageInfoLine(String pkg) {
        return " * Package rule: " + text(pkg) + " (PackageRules, checked by ArchUnit).";
    }

    /** The rules block of the README's "Layout" section. */
    static String readmeBlock() {
        return USES.keySet().stream()
                .map(pkg -> String.format("  %-18s %s", pkg, text(pkg)))
                .collect(Collectors.joining("\n", README_HEADER + "\n", "\n"));
    }

    static final String README_HEADER =
            "package rules (provider/src/test/.../architecture/PackageRules.java, checked by ArchUnit):";
}
