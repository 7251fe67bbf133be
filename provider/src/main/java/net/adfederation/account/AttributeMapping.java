package net.adfederation.account;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One entry of {@value AttributeMappings#KEY}: the AD attribute read, the Keycloak user attribute
 * it fills, and how each value is written.
 *
 * @param adAttribute   the LDAP attribute as AD names it (employeeID)
 * @param userAttribute the Keycloak user attribute (employeeId)
 * @param format        how a value becomes text
 */
public record AttributeMapping(String adAttribute, String userAttribute, Format format) {

    /** How an AD value becomes the text of a user attribute. */
    public enum Format {
        /** UTF-8 text, as AD stores strings; a value that is no valid UTF-8 is written as base64 rather than garbled. */
        TEXT,
        /** base64 of the bytes (binary attributes: objectGUID, thumbnailPhoto, certificates). */
        BASE64,
        /** A DN-valued attribute (manager) as the DN, written as AD stores it. */
        DN,
        /** A DN-valued attribute as the referenced account's userPrincipalName (empty when it has none). */
        UPN;

        static Optional<Format> named(String name) {
            try {
                return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * One AD value as the user attribute's text; empty when it has none (a UPN that could not be found).
     * @param upnOfDn the referenced account's UPN, asked only for {@link Format#UPN}
     */
    public Optional<String> text(byte[] value, Function<String, Optional<String>> upnOfDn) {
        return switch (format) {
            case BASE64 -> Optional.of(Base64.getEncoder().encodeToString(value));
            case TEXT -> Optional.of(utf8(value).orElseGet(() -> Base64.getEncoder().encodeToString(value)));
            case DN -> utf8(value);
            case UPN -> utf8(value).flatMap(upnOfDn).map(upn -> upn.toLowerCase(Locale.ROOT));
        };
    }

    /** The entry as an admin writes it. */
    @Override
    public String toString() {
        return adAttribute + "=" + userAttribute + (format == Format.TEXT ? "" : ":" + format.name().toLowerCase(Locale.ROOT));
    }

    private static Optional<String> utf8(byte[] value) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
