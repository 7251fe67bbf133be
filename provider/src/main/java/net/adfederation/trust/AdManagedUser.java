package net.adfederation.trust;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import net.adfederation.account.AdAttributes;
import net.adfederation.events.SignInEvents;
import net.adfederation.sync.GracePeriod;
import net.adfederation.sync.ImportedAttributes;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.UserModelDelegate;
import org.keycloak.storage.ReadOnlyException;

/**
 * An imported trust-mode user as Keycloak's pages and APIs see it: what AD owns (username, e-mail,
 * names, the copied AD attributes) cannot be changed here, since the next sync would silently undo
 * it; everything Keycloak owns (roles, groups, required actions, other attributes, enabled for
 * brute-force lockout) stays writable. Writing an unchanged value passes, so a profile form that
 * sends every field back still saves.
 * <p>
 * Enabled means enabled in both and not expired: AD's state is the {@link ImportedAttributes#AD_DISABLED}
 * and {@link ImportedAttributes#AD_ACCOUNT_EXPIRES} attributes, Keycloak's is the user's own flag,
 * which only an admin or a brute-force lockout changes.
 */
final class AdManagedUser extends UserModelDelegate {

    private final KeycloakSession session;

    /** @param session where a refusal for an expired account is described (null: not described) */
    AdManagedUser(UserModel delegate, KeycloakSession session) {
        super(delegate);
        this.session = session;
    }

    AdManagedUser(UserModel delegate) {
        this(delegate, null);
    }

    /**
     * Checked at every request, so an account past its accountExpires loses sign-in by any
     * credential and token refresh at once, as in connector mode, with the same event details.
     */
    @Override
    public boolean isEnabled() {
        boolean enabled = super.isEnabled() && !"true".equals(getFirstAttribute(ImportedAttributes.AD_DISABLED))
                // Missing from AD, kept for the grace period: no sign-in until AD has the account again.
                && getFirstAttribute(GracePeriod.MISSING_SINCE) == null;
        if (!enabled) return false;
        if (!ImportedAttributes.expired(this, Instant.now())) return true;
        if (session != null) SignInEvents.storedAccountExpired(session, getFirstAttribute(AdAttributes.DOMAIN));
        return false;
    }

    @Override
    public void setUsername(String username) {
        refuseChange(UserModel.USERNAME, getUsername(), username);
    }

    @Override
    public void setEmail(String email) {
        refuseChange(UserModel.EMAIL, getEmail(), email);
    }

    @Override
    public void setFirstName(String firstName) {
        refuseChange(UserModel.FIRST_NAME, getFirstName(), firstName);
    }

    @Override
    public void setLastName(String lastName) {
        refuseChange(UserModel.LAST_NAME, getLastName(), lastName);
    }

    @Override
    public void setSingleAttribute(String name, String value) {
        if (managed(name)) refuseChange(name, getFirstAttribute(name), value);
        else super.setSingleAttribute(name, value);
    }

    @Override
    public void setAttribute(String name, List<String> values) {
        if (!managed(name)) {
            super.setAttribute(name, values);
            return;
        }
        String value = values == null || values.isEmpty() ? null : values.get(0);
        if (values != null && values.size() > 1) refuseChange(name, null, "several values");
        refuseChange(name, getFirstAttribute(name), value);
    }

    @Override
    public void removeAttribute(String name) {
        if (managed(name)) refuseChange(name, getFirstAttribute(name), null);
        else super.removeAttribute(name);
    }

    private static boolean managed(String name) {
        return ImportedAttributes.NAMES.contains(name) || UserModel.USERNAME.equals(name) || UserModel.EMAIL.equals(name)
                || UserModel.FIRST_NAME.equals(name) || UserModel.LAST_NAME.equals(name);
    }

    private static void refuseChange(String name, String current, String wanted) {
        if (Objects.equals(current, wanted) || (isBlank(current) && isBlank(wanted))) return;
        throw new ReadOnlyException(name + " comes from Active Directory and is changed there; "
                + "the next synchronisation would undo a change made in Keycloak.");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
