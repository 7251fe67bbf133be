package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import net.adfederation.directory.AdCodecs;

class AdEntryMapperTest {

    private static final UUID GUID = UUID.fromString("12345678-1234-5678-9abc-def012345678");
    private static final String SID = "S-1-5-21-1004336348-1177238915-682003330-1104";

    @Test
    void userEntryFillsEveryField() {
        Entry entry = new Entry("CN=Alice Smith,CN=Users,DC=corp,DC=example,DC=test",
                new Attribute("objectGUID", AdCodecs.uuidToGuid(GUID)),
                new Attribute("objectSid", AdCodecs.stringToSid(SID)),
                new Attribute("sAMAccountName", "alice"),
                new Attribute("userPrincipalName", "alice@corp.example.test"),
                new Attribute("mail", "alice@corp.example.test"),
                new Attribute("givenName", "Alice"),
                new Attribute("sn", "Smith"),
                new Attribute("displayName", "Alice Smith"),
                new Attribute("department", "R&D"),
                new Attribute("title", "Engineer"),
                new Attribute("userAccountControl", "66048"),
                new Attribute("pwdLastSet", "116444736000000000"),
                new Attribute("accountExpires", "9223372036854775807"),
                new Attribute("lockoutTime", "0"),
                new Attribute("memberOf", "CN=Developers,CN=Users,DC=corp,DC=example,DC=test",
                        "CN=VPN,CN=Users,DC=corp,DC=example,DC=test"));

        AdUser user = AdEntryMapper.user(entry);

        assertThat(user).isEqualTo(new AdUser("CN=Alice Smith,CN=Users,DC=corp,DC=example,DC=test", GUID, SID,
                "alice", "alice@corp.example.test", "alice@corp.example.test", "Alice", "Smith", "Alice Smith",
                "R&D", "Engineer", 66048, Instant.EPOCH, false, null, null,
                java.util.List.of("CN=Developers,CN=Users,DC=corp,DC=example,DC=test",
                        "CN=VPN,CN=Users,DC=corp,DC=example,DC=test")));
    }

    @Test
    void pwdLastSetZeroMeansMustChangePassword() {
        AdUser user = AdEntryMapper.user(new Entry("CN=bob,DC=x", new Attribute("pwdLastSet", "0")));

        assertThat(user.mustChangePassword()).isTrue();
        assertThat(user.pwdLastSet()).isNull();
    }

    @Test
    void absentAttributesAreNullZeroOrEmpty() {
        AdUser user = AdEntryMapper.user(new Entry("CN=bare,DC=x"));

        assertThat(user.objectGuid()).isNull();
        assertThat(user.objectSid()).isNull();
        assertThat(user.userPrincipalName()).isNull();
        assertThat(user.userAccountControl()).isZero();
        assertThat(user.pwdLastSet()).isNull();
        assertThat(user.mustChangePassword()).isFalse();
        assertThat(user.accountExpires()).isNull();
        assertThat(user.memberOf()).isEmpty();
    }

    @Test
    void accountExpiresAndLockoutTimeBecomeInstants() {
        AdUser user = AdEntryMapper.user(new Entry("CN=x,DC=x",
                new Attribute("accountExpires", "116444736000000000"),
                new Attribute("lockoutTime", "116444736010000000")));

        assertThat(user.accountExpires()).isEqualTo(Instant.EPOCH);
        assertThat(user.lockoutTime()).isEqualTo(Instant.ofEpochSecond(1));
    }

    @Test
    void passwordExpiryIsAnInstantAndNeverOrMustChangeIsNull() {
        AdUser expiring = AdEntryMapper.user(new Entry("CN=a,DC=x",
                new Attribute("msDS-UserPasswordExpiryTimeComputed", "116444736000000000")));
        assertThat(expiring.passwordExpires()).isEqualTo(java.time.Instant.EPOCH);
        assertThat(AdEntryMapper.user(new Entry("CN=b,DC=x", new Attribute("msDS-UserPasswordExpiryTimeComputed", "0")))
                .passwordExpires()).isNull();
        assertThat(AdEntryMapper.user(new Entry("CN=c,DC=x",
                new Attribute("msDS-UserPasswordExpiryTimeComputed", Long.toString(Long.MAX_VALUE)))).passwordExpires()).isNull();
        assertThat(java.util.Arrays.asList(AdEntryMapper.LOOKUP_ATTRIBUTES)).contains("msDS-UserPasswordExpiryTimeComputed");
        assertThat(java.util.Arrays.asList(AdEntryMapper.USER_ATTRIBUTES)).as("not in a sync's read").doesNotContain("msDS-UserPasswordExpiryTimeComputed");
    }

    @Test
    void groupEntryGivesNameSidAndCanonicalGuid() {
        AdGroup group = AdEntryMapper.group(new Entry("CN=Developers,CN=Users,DC=corp,DC=example,DC=test",
                new Attribute("sAMAccountName", "Developers"),
                new Attribute("objectSid", AdCodecs.stringToSid(SID)),
                new Attribute("objectGUID", AdCodecs.uuidToGuid(GUID))));

        assertThat(group).isEqualTo(new AdGroup("CN=Developers,CN=Users,DC=corp,DC=example,DC=test", "Developers",
                SID, "12345678-1234-5678-9abc-def012345678"));
    }
}
