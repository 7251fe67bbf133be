package net.adfederation.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.storage.StorageId;

/**
 * The Keycloak ids of connector users, in the two forms a component may use. Keycloak makes the
 * WebAuthn user handle of the user id, and a handle has at most 64 bytes: the first form
 * ({@code f:<component>:<objectGUID as 36 characters>}, 75 bytes) does not fit, the second
 * ({@code f:<component>:<objectGUID's 16 bytes as 22 characters of base64url>}, 61 bytes with
 * Keycloak's 36-character component ids) does. Both name the same account for ever (the objectGUID
 * never changes), and both are understood, so ids in old tokens and sessions keep resolving.
 * A component records its form in its configuration ({@link #FORM_KEY}); without it the component
 * is one written by a release before the short form, whose stored data the migration moves.
 */
public final class ConnectorUserIds {

    /** The component setting that records the id form; absent on a component of an earlier release. */
    public static final String FORM_KEY = "userIdForm";

    /**
     * The session attribute (the component's id) under which the migration writes a component's id
     * form: the connector's factory then lets that write pass unchecked (no directory probe at
     * start-up, no other setting re-validated); any other save keeps the id form as stored.
     */
    public static final String MIGRATION_WRITES_FORM = ConnectorUserIds.class.getName() + ".migrationWritesForm";

    /** WebAuthn's limit on the user handle (user.id of the creation options). */
    public static final int USER_HANDLE_BYTES = 64;

    /** The id forms. */
    public enum Form {
        /** {@code f:<component>:<objectGUID as 36 characters>}: earlier releases; too long for passkeys. */
        GUID("guid"),
        /** {@code f:<component>:<objectGUID as 22 characters of base64url>}: fits a WebAuthn user handle. */
        GUID_BASE64URL("guid-base64url");

        private final String value;

        Form(String value) {
            this.value = value;
        }

        /** The value of {@link #FORM_KEY}. */
        public String value() {
            return value;
        }
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int LONG_LENGTH = 36;
    private static final int SHORT_LENGTH = 22;

    private ConnectorUserIds() {
    }

    /** The form a component's configuration records; {@link Form#GUID} when it records none (a component not yet migrated). */
    public static Form formOf(MultivaluedHashMap<String, String> config) {
        return Form.GUID_BASE64URL.value().equals(config.getFirst(FORM_KEY)) ? Form.GUID_BASE64URL : Form.GUID;
    }

    /** The id of the account with this objectGUID, in the component's form. */
    public static String id(String componentId, UUID objectGuid, Form form) {
        return new StorageId(componentId, form == Form.GUID ? objectGuid.toString() : shortGuid(objectGuid)).getId();
    }

    /** The objectGUID an id of either form names; empty for anything else. */
    public static Optional<UUID> guidOf(String id) {
        if (id == null) return Optional.empty();
        String external = StorageId.externalId(id);
        try {
            if (external.length() == LONG_LENGTH) return Optional.of(strictUuid(external));
            if (external.length() == SHORT_LENGTH) {
                ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(external));
                UUID guid = new UUID(bytes.getLong(), bytes.getLong());
                // One spelling per account: a handle with other trailing bits would decode to the same GUID.
                return shortGuid(guid).equals(external) ? Optional.of(guid) : Optional.empty();
            }
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException notAGuid) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The id an id of the first form has in the second; empty when it is not an id of the first form. */
    public static Optional<String> shortFormOf(String longId) {
        if (longId == null || StorageId.externalId(longId).length() != LONG_LENGTH) return Optional.empty();
        String component = StorageId.providerId(longId);
        return component == null ? Optional.empty() : guidOf(longId).map(guid -> id(component, guid, Form.GUID_BASE64URL));
    }

    /** Whether Keycloak's WebAuthn registration can use this id as the user handle. */
    public static boolean fitsUserHandle(String id) {
        return id.getBytes(StandardCharsets.UTF_8).length <= USER_HANDLE_BYTES;
    }

    private static String shortGuid(UUID guid) {
        return ENCODER.encodeToString(ByteBuffer.allocate(16).putLong(guid.getMostSignificantBits())
                .putLong(guid.getLeastSignificantBits()).array());
    }

    /** UUID.fromString accepts short groups ("1-2-3-4-5"); an id has the canonical spelling only. */
    private static UUID strictUuid(String text) {
        UUID guid = UUID.fromString(text);
        if (!guid.toString().equalsIgnoreCase(text)) throw new IllegalArgumentException(text);
        return guid;
    }
}
