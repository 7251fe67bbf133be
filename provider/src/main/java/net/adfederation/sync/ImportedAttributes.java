package net.adfederation.sync;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import net.adfederation.common.UserAttributes;
import net.adfederation.directory.AdUser;
import net.adfederation.directory.DomainInfo;
import org.keycloak.models.UserModel;

/**
 * The user attributes trust mode copies from AD (besides username, e-mail and names), and how a
 * Keycloak user is brought in line with its AD entry. They are AD's to change: edits in Keycloak
 * would be overwritten by the next sync, so they are read-only.
 */
public final class ImportedAttributes {

    public static final List<String> NAMES = List.of("upn", UserImport.DOMAIN, "netbiosDomain", UserImport.GUID,
            UserImport.SID, "sAMAccountName", "displayName", "department", "title", UserImport.DN, UserImport.COMPONENT);

    private ImportedAttributes() {
    }

    /**
     * Brings a Keycloak user in line with its AD entry (username, e-mail, names, enabled, the copied
     * attributes, the {@link SyncDigest}); writes only what differs, so an unchanged user costs no
     * database write.
     * @return true when something was written
     */
    static boolean apply(UserModel user, AdUser adUser, DomainInfo domain, String componentId) {
        Map<String, List<String>> wanted = UserAttributes.of(adUser, domain);
        boolean changed = false;
        // Keycloak stores both in lower case, so comparing as typed in AD would rewrite them at every sync.
        changed |= setIgnoringCase(user.getUsername(), first(wanted, UserModel.USERNAME), user::setUsername);
        changed |= setIgnoringCase(user.getEmail(), first(wanted, UserModel.EMAIL), user::setEmail);
        changed |= set(user.getFirstName(), first(wanted, UserModel.FIRST_NAME), user::setFirstName);
        changed |= set(user.getLastName(), first(wanted, UserModel.LAST_NAME), user::setLastName);
        if (user.getEmail() != null && !user.isEmailVerified()) {
            // AD is the authority for mail in this mode, as in connector mode.
            user.setEmailVerified(true);
            changed = true;
        }
        boolean enabled = UserAttributes.enabled(adUser);
        if (user.isEnabled() != enabled) {
            user.setEnabled(enabled);
            changed = true;
        }
        for (String name : ImportedAttributes.NAMES) {
            changed |= setAttribute(user, name, name.equals(UserImport.COMPONENT) ? componentId : first(wanted, name));
        }
        // Kept so that the next sync can tell this user unchanged without comparing its attributes.
        changed |= setAttribute(user, SyncDigest.ATTRIBUTE, SyncDigest.of(adUser, domain));
        return changed;
    }

    private static boolean setAttribute(UserModel user, String name, String value) {
        if (Objects.equals(value, user.getFirstAttribute(name))) return false;
        if (value == null) user.removeAttribute(name);
        else user.setSingleAttribute(name, value);
        return true;
    }

    private static boolean setIgnoringCase(String current, String wanted, Consumer<String> setter) {
        if (current == null ? wanted == null : current.equalsIgnoreCase(wanted)) return false;
        setter.accept(wanted);
        return true;
    }

    private static boolean set(String current, String wanted, Consumer<String> setter) {
        if (Objects.equals(current, wanted)) return false;
        setter.accept(wanted);
        return true;
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }
}
