package net.adfederation.trust;

import java.util.List;
import java.util.Objects;

import net.adfederation.sync.ImportedAttributes;
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
 * Enabled means enabled in both: AD's state is the {@link ImportedAttributes#AD_DISABLED} attribute,
 * Keycloak's is the user's own flag, which only an admin or a brute-force lockout changes.
 */
final class AdManagedUser extends UserModelDelegate {

    AdManagedUser(UserModel delegate) {
        super(delegate);
    }

    @Override
    public boolean isEnabled() {
        return super.isEnabled() && !"true".equals(getFirstAttribute(ImportedAttributes.AD_DISABLED));
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
