package net.adfederation.sync;

import java.util.List;

/**
 * The user attributes trust mode copies from AD (besides username, e-mail and names). They are
 * AD's to change: edits in Keycloak would be overwritten by the next sync, so they are read-only.
 */
public final class ImportedAttributes {

    public static final List<String> NAMES = List.of("upn", UserImport.DOMAIN, "netbiosDomain", UserImport.GUID,
            UserImport.SID, "sAMAccountName", "displayName", "department", "title", UserImport.DN, UserImport.COMPONENT);

    private ImportedAttributes() {
    }
}
