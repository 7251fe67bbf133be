package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AdCodecsTest {

    private static final byte[] GUID_BYTES = {
        0x78, 0x56, 0x34, 0x12, 0x34, 0x12, 0x78, 0x56,
        (byte) 0x9a, (byte) 0xbc, (byte) 0xde, (byte) 0xf0, 0x12, 0x34, 0x56, 0x78};
    private static final String DOMAIN_ADMINS_SID = "S-1-5-21-1004336348-1177238915-682003330-512";
    private static final byte[] DOMAIN_ADMINS_SID_BYTES =
            HexFormat.of().parseHex("010500000000000515000000dcf4dc3b833d2b46828ba62800020000");

    @Test
    void guidBytesReadFirstThreeFieldsLittleEndian() {
        assertThat(AdCodecs.guidToUuid(GUID_BYTES)).hasToString("12345678-1234-5678-9abc-def012345678");
    }

    @Test
    void uuidWritesBackTheBytesAdStores() {
        assertThat(AdCodecs.uuidToGuid(UUID.fromString("12345678-1234-5678-9abc-def012345678"))).isEqualTo(GUID_BYTES);
    }

    @Test
    void guidRoundTripsForAnyUuid() {
        UUID uuid = UUID.randomUUID();

        assertThat(AdCodecs.guidToUuid(AdCodecs.uuidToGuid(uuid))).isEqualTo(uuid);
    }

    @Test
    void guidOfWrongLengthIsRejected() {
        assertThatThrownBy(() -> AdCodecs.guidToUuid(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sidBytesDecodeToTextForm() {
        assertThat(AdCodecs.sidToString(DOMAIN_ADMINS_SID_BYTES)).isEqualTo(DOMAIN_ADMINS_SID);
    }

    @Test
    void sidTextEncodesToBytesAdStores() {
        assertThat(AdCodecs.stringToSid(DOMAIN_ADMINS_SID)).isEqualTo(DOMAIN_ADMINS_SID_BYTES);
    }

    @Test
    void wellKnownSidsRoundTrip() {
        for (String sid : new String[] {"S-1-5-32-544", "S-1-1-0", "S-1-5-18", DOMAIN_ADMINS_SID}) {
            assertThat(AdCodecs.sidToString(AdCodecs.stringToSid(sid))).isEqualTo(sid);
        }
        assertThat(AdCodecs.stringToSid("S-1-5-32-544")).isEqualTo(HexFormat.of().parseHex("01020000000000052000000020020000"));
    }

    @Test
    void sidSubAuthoritiesAreUnsigned() {
        assertThat(AdCodecs.sidToString(AdCodecs.stringToSid("S-1-5-21-4294967295-1"))).isEqualTo("S-1-5-21-4294967295-1");
    }

    @Test
    void malformedSidsAreRejected() {
        assertThatThrownBy(() -> AdCodecs.sidToString(new byte[] {1, 2, 0, 0, 0, 0, 0, 5}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdCodecs.stringToSid("X-1-5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fileTimeCountsHundredNanosecondsSince1601() {
        assertThat(AdCodecs.fileTimeToInstant(116_444_736_000_000_000L)).isEqualTo(Instant.EPOCH);
        assertThat(AdCodecs.fileTimeToInstant(134_400_748_619_997_490L))
                .isEqualTo(Instant.parse("2026-11-25T10:07:41.999749Z"));
    }

    @Test
    void fileTimeZeroAndMaxMeanNone() {
        assertThat(AdCodecs.fileTimeToInstant(0)).isNull();
        assertThat(AdCodecs.fileTimeToInstant(0x7FFFFFFFFFFFFFFFL)).isNull();
    }

    @Test
    void fileTimeIsReadToTheTick() {
        // 100 ns ticks since 1601-01-01 for 2024-02-29T12:34:56Z, plus 1,234,567 ticks
        assertThat(AdCodecs.fileTimeToInstant(133_536_836_961_234_567L))
                .isEqualTo(Instant.parse("2024-02-29T12:34:56.1234567Z"));
    }
}
