package net.adfederation.sync;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import net.adfederation.account.AdAttributes;
import net.adfederation.account.AttributeMapping;
import net.adfederation.account.AttributeMappings;
import net.adfederation.account.UserAttributes;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import org.keycloak.models.UserModel;

/**
 * The user attributes trust mode copies from AD (besides username, e-mail and names), and how a
 * Keycloak user is brought in line with its AD entry. They are AD's to change: edits in Keycloak
 * would be overwritten by the next sync, so they are read-only.
 */
public final class ImportedAttributes {

    /**
     * AD's disabled state ("true" or "false"), kept apart from Keycloak's enabled flag, which is
     * Keycloak's own (an admin's switch, a brute-force lockout) and never written from AD.
     */
    public static final String AD_DISABLED = "adAccountDisabled";

    /**
     * AD's accountExpires as an ISO-8601 instant, absent for never: kept so that an account refuses
     * sign-in and token refresh the moment it expires, without waiting for a sync or a bind.
     */
    public static final String AD_ACCOUNT_EXPIRES = "adAccountExpires";

    public static final List<String> NAMES = List.of(AdAttributes.UPN, AdAttributes.DOMAIN, AdAttributes.NETBIOS_DOMAIN,
            AdAttributes.GUID, AdAttributes.SID, AdAttributes.SAM_ACCOUNT_NAME, AdAttributes.DISPLAY_NAME, AdAttributes.DEPARTMENT,
            AdAttributes.TITLE, AdAttributes.DN, AdAttributes.COMPONENT, AD_DISABLED, AD_ACCOUNT_EXPIRES);

    private ImportedAttributes() {
    }

    /**
     * Brings a Keycloak user in line with its AD entry (username, e-mail, names, AD's disabled state,
     * the copied attributes, the {@link SyncDigest}); writes only what differs, so an unchanged user costs
     * no database write. Keycloak's enabled flag is left alone, so an admin's disable survives every sync and sign-in.
     * @return true when something was written
     */
    static boolean apply(UserModel user, AdUser adUser, DomainInfo domain, String componentId) {
        return apply(user, adUser, domain, componentId, MappedValues.NONE);
    }

    /** As {@link #apply(UserModel, AdUser, DomainInfo, String)}, with the component's attribute mappings. */
    static boolean apply(UserModel user, AdUser adUser, DomainInfo domain, String componentId, MappedValues mapped) {
        return reconcile(user, adUser, domain, componentId, mapped, true);
    }

    /** Whether the Keycloak user already shows its AD entry as {@link #apply} would write it; reads only. */
    static boolean isCurrent(UserModel user, AdUser adUser, DomainInfo domain, String componentId) {
        return isCurrent(user, adUser, domain, componentId, MappedValues.NONE);
    }

    static boolean isCurrent(UserModel user, AdUser adUser, DomainInfo domain, String componentId, MappedValues mapped) {
        return !reconcile(user, adUser, domain, componentId, mapped, false);
    }

    /** @return true when something differs (and, with {@code write}, was written) */
    private static boolean reconcile(UserModel user, AdUser adUser, DomainInfo domain, String componentId,
                                     MappedValues mapped, boolean write) {
        Map<String, List<String>> wanted = UserAttributes.of(adUser, domain);
        boolean changed = false;
        // Keycloak stores both in lower case, so comparing as typed in AD would rewrite them at every sync.
        changed |= setIgnoringCase(user.getUsername(), first(wanted, UserModel.USERNAME), write ? user::setUsername : null);
        changed |= setIgnoringCase(user.getEmail(), first(wanted, UserModel.EMAIL), write ? user::setEmail : null);
        changed |= set(user.getFirstName(), first(wanted, UserModel.FIRST_NAME), write ? user::setFirstName : null);
        changed |= set(user.getLastName(), first(wanted, UserModel.LAST_NAME), write ? user::setLastName : null);
        if ((first(wanted, UserModel.EMAIL) != null) != user.isEmailVerified()) {
            // AD is the authority for mail in this mode, as in connector mode; no address, nothing verified.
            if (write) user.setEmailVerified(first(wanted, UserModel.EMAIL) != null);
            changed = true;
        }
        if (user.getFirstAttribute(GracePeriod.MISSING_SINCE) != null) {
            // Read from AD again within the grace period: the account is back, with all Keycloak kept for it.
            if (write) user.removeAttribute(GracePeriod.MISSING_SINCE);
            changed = true;
        }
        String adDisabled = Boolean.toString(!UserAttributes.enabled(adUser));
        if (user.getFirstAttribute(AD_DISABLED) == null && !user.isEnabled() && !UserAttributes.enabled(adUser)) {
            // Imported before AD's state had an attribute of its own: this disable was the mirrored AD one.
            if (write) user.setEnabled(true);
            changed = true;
        }
        for (String name : ImportedAttributes.NAMES) {
            String value = name.equals(AdAttributes.COMPONENT) ? componentId
                    : name.equals(AD_DISABLED) ? adDisabled
                    : name.equals(AD_ACCOUNT_EXPIRES) ? accountExpires(adUser) : first(wanted, name);
            String current = user.getFirstAttribute(name);
            if (Objects.equals(value, current)) continue;
            if (write && value == null) user.removeAttribute(name);
            else if (write) user.setSingleAttribute(name, value);
            changed = true;
        }
        // Kept so that the next sync can tell this user unchanged without comparing its attributes.
        String digest = SyncDigest.of(adUser, domain, mapped.mappings());
        if (!digest.equals(user.getFirstAttribute(SyncDigest.ATTRIBUTE))) {
            // The mapped values are covered by the digest: only a changed one (or changed mappings) writes them again,
            // so an unchanged user costs no look-up of its manager's UPN.
            if (write) writeMapped(user, adUser, mapped);
            if (write) user.setSingleAttribute(SyncDigest.ATTRIBUTE, digest);
            changed = true;
        }
        return changed;
    }

    private static void writeMapped(UserModel user, AdUser adUser, MappedValues mapped) {
        for (AttributeMapping mapping : mapped.mappings().all()) {
            List<String> wanted = AttributeMappings.values(adUser, mapping, mapped.upnOfDn());
            List<String> current = user.getAttributeStream(mapping.userAttribute()).toList();
            if (wanted.equals(current)) continue;
            if (wanted.isEmpty()) user.removeAttribute(mapping.userAttribute());
            else user.setAttribute(mapping.userAttribute(), wanted);
        }
    }

    static String accountExpires(AdUser adUser) {
        return adUser.accountExpires() == null ? null : adUser.accountExpires().toString();
    }

    /** Whether the stored accountExpires of an imported user has passed. */
    public static boolean expired(UserModel user, Instant now) {
        return expiresAt(user).map(expires -> !expires.isAfter(now)).orElse(false);
    }

    /**
     * The stored accountExpires of an imported user; empty for never. Only this code writes it: an
     * unreadable value counts as expired long ago rather than as never.
     */
    public static Optional<Instant> expiresAt(UserModel user) {
        String expires = user.getFirstAttribute(AD_ACCOUNT_EXPIRES);
        if (expires == null) return Optional.empty();
        try {
            return Optional.of(Instant.parse(expires));
        } catch (DateTimeParseException e) {
            return Optional.of(Instant.EPOCH);
        }
    }

    /** @param setter null: compare only */
    private static boolean setIgnoringCase(String current, String wanted, Consumer<String> setter) {
        if (current == null ? wanted == null : current.equalsIgnoreCase(wanted)) return false;
        if (setter != null) setter.accept(wanted);
        return true;
    }

    /** @param setter null: compare only */
    private static boolean set(String current, String wanted, Consumer<String> setter) {
        if (Objects.equals(current, wanted)) return false;
        if (setter != null) setter.accept(wanted);
        return true;
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }
}
