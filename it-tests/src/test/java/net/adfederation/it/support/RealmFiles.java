package net.adfederation.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.util.JsonSerialization;

/**
 * Imports the realm files of realm-config/ into the test server as an admin would, with the
 * ${VAR:default} placeholders resolved from the values a test gives (as `kc.sh import` resolves
 * them from the environment), under a realm name of the test's choosing.
 */
public final class RealmFiles {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([^}]*))?}");

    private RealmFiles() {
    }

    public static RealmRepresentation load(String file, Map<String, String> values) {
        try (InputStream in = RealmFiles.class.getResourceAsStream("/realm-config/" + file)) {
            if (in == null) throw new IllegalArgumentException("no realm file " + file);
            String json = resolve(new String(in.readAllBytes(), StandardCharsets.UTF_8), values);
            return JsonSerialization.readValue(json, RealmRepresentation.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the realm if a previous run left it, then imports the file under that name. */
    public static void importAs(Keycloak admin, String realmName, String file, Map<String, String> values) {
        importAs(admin, realmName, load(file, values));
    }

    /**
     * Deletes the realm if a previous run left it, then creates it from the representation, with
     * the service account's password in its vault (the test realms use ${vault.svcpassword}).
     */
    public static void importAs(Keycloak admin, String realmName, RealmRepresentation realm) {
        AdFederationServerConfig.storeServicePassword(realmName);
        realm.setRealm(realmName);
        realm.setId(null);
        if (admin.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(realmName))) {
            admin.realm(realmName).remove();
        }
        admin.realms().create(realm);
    }

    static String resolve(String json, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), m.group(2) == null ? "" : m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(value.replace("\\", "\\\\").replace("\"", "\\\"")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
