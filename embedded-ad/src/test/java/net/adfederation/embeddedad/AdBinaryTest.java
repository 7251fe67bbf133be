package net.adfederation.embeddedad;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdBinaryTest {

    @Test
    void sidBytesAreThoseSambaReturnsForAlice() {
        byte[] sambaAlice = Base64.getDecoder().decode("AQUAAAAAAAUVAAAAh5JV9UzKPoA9wZpRUAQAAA==");

        assertThat(AdBinary.sidString(sambaAlice)).isEqualTo("S-1-5-21-4116025991-2151598668-1369096509-1104");
        assertThat(AdBinary.sidBytes("S-1-5-21-4116025991-2151598668-1369096509-1104")).isEqualTo(sambaAlice);
    }

    @Test
    void guidBytesPutTheFirstThreeFieldsLittleEndian() {
        UUID guid = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");

        byte[] bytes = AdBinary.guidBytes(guid);

        assertThat(bytes).containsExactly(0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66,
                0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff);
        assertThat(AdBinary.guidOf(bytes)).isEqualTo(guid);
    }

    @Test
    void fileTimeCountsHundredNanosecondsSince1601() {
        assertThat(FileTime.of(Instant.parse("1970-01-01T00:00:00Z"))).isEqualTo(116_444_736_000_000_000L);
        assertThat(FileTime.toInstant(134400748619997490L)).isEqualTo(Instant.parse("2026-11-25T10:07:41.999749Z"));
        assertThat(FileTime.interval(-18000000000L)).isEqualTo(Duration.ofMinutes(30));
        assertThat(FileTime.interval(Long.MIN_VALUE)).isEqualTo(Duration.ZERO);
    }

    @Test
    void unicodePwdIsTheQuotedPasswordInUtf16le() {
        byte[] encoded = UnicodePwd.encode("Pw1!");

        assertThat(encoded).containsExactly('"', 0, 'P', 0, 'w', 0, '1', 0, '!', 0, '"', 0);
        assertThat(UnicodePwd.decode(encoded)).isEqualTo("Pw1!");
    }
}
