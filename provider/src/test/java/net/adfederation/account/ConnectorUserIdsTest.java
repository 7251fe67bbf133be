package net.adfederation.account;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import net.adfederation.account.ConnectorUserIds.Form;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorUserIdsTest {

    private static final String COMPONENT = "0b4e6f2a-53c1-4d7e-9a21-6c3f0e8d2b17";
    private static final UUID GUID = UUID.fromString("a1b2c3d4-e5f6-4789-8abc-def012345678");

    @Test
    void theShortFormFitsAWebAuthnUserHandleAndTheLongOneDoesNot() {
        String longId = ConnectorUserIds.id(COMPONENT, GUID, Form.GUID);
        String shortId = ConnectorUserIds.id(COMPONENT, GUID, Form.GUID_BASE64URL);

        assertThat(longId).isEqualTo("f:" + COMPONENT + ":" + GUID).hasSize(75);
        assertThat(ConnectorUserIds.fitsUserHandle(longId)).isFalse();
        assertThat(shortId).isEqualTo("f:" + COMPONENT + ":obLD1OX2R4mKvN7wEjRWeA").hasSize(61);
        assertThat(shortId.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64);
        assertThat(ConnectorUserIds.fitsUserHandle(shortId)).isTrue();
    }

    @Test
    void bothFormsNameTheSameAccount() {
        assertThat(ConnectorUserIds.guidOf(ConnectorUserIds.id(COMPONENT, GUID, Form.GUID))).contains(GUID);
        assertThat(ConnectorUserIds.guidOf(ConnectorUserIds.id(COMPONENT, GUID, Form.GUID_BASE64URL))).contains(GUID);
        assertThat(ConnectorUserIds.shortFormOf(ConnectorUserIds.id(COMPONENT, GUID, Form.GUID)))
                .contains(ConnectorUserIds.id(COMPONENT, GUID, Form.GUID_BASE64URL));
        for (int i = 0; i < 1000; i++) {
            UUID any = UUID.randomUUID();
            assertThat(ConnectorUserIds.guidOf(ConnectorUserIds.id(COMPONENT, any, Form.GUID_BASE64URL))).contains(any);
        }
    }

    @Test
    void anythingElseNamesNobody() {
        assertThat(ConnectorUserIds.guidOf(null)).isEmpty();
        assertThat(ConnectorUserIds.guidOf("f:" + COMPONENT + ":not-a-guid")).isEmpty();
        assertThat(ConnectorUserIds.guidOf("f:" + COMPONENT + ":1-2-3-4-5")).isEmpty();
        // 22 characters that are not base64url, and a second spelling of the same 16 bytes (other trailing bits).
        assertThat(ConnectorUserIds.guidOf("f:" + COMPONENT + ":obLD1OX2R4mKvN7wEjRWe!")).isEmpty();
        assertThat(ConnectorUserIds.guidOf("f:" + COMPONENT + ":obLD1OX2R4mKvN7wEjRWeB")).isEmpty();
        assertThat(ConnectorUserIds.guidOf(GUID.toString())).as("Keycloak routes only f:<component>: ids here; a bare one reads as its external part").contains(GUID);
        assertThat(ConnectorUserIds.shortFormOf(ConnectorUserIds.id(COMPONENT, GUID, Form.GUID_BASE64URL))).isEmpty();
        assertThat(ConnectorUserIds.shortFormOf(GUID.toString())).as("not a federated id").isEmpty();
    }

    @Test
    void aComponentWithoutTheSettingIsOnTheFirstForm() {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        assertThat(ConnectorUserIds.formOf(config)).isEqualTo(Form.GUID);
        config.putSingle(ConnectorUserIds.FORM_KEY, "guid-base64url");
        assertThat(ConnectorUserIds.formOf(config)).isEqualTo(Form.GUID_BASE64URL);
        config.putSingle(ConnectorUserIds.FORM_KEY, "something-else");
        assertThat(ConnectorUserIds.formOf(config)).isEqualTo(Form.GUID);
    }
}
