package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.ALICE;
import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static net.adfederation.embeddedad.EmbeddedAdFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeedTest {

    private static EmbeddedActiveDirectory ad;
    private static LDAPConnection admin;

    @BeforeAll
    static void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().withoutTls().start();
        admin = EmbeddedAdFixture.ldapAsAdmin(ad);
    }

    @AfterAll
    static void stop() {
        admin.close();
        ad.close();
    }

    @Test
    void aliceCarriesTheAttributesSambaGivesHer() throws Exception {
        Entry alice = admin.getEntry(ALICE, "*");

        assertThat(alice.getObjectClassValues()).containsExactly("top", "person", "organizationalPerson", "user");
        assertThat(alice.getAttributeValue("sAMAccountName")).isEqualTo("alice");
        assertThat(alice.getAttributeValue("userPrincipalName")).isEqualTo("alice@corp.example.test");
        assertThat(alice.getAttributeValue("mail")).isEqualTo("alice@corp.example.test");
        assertThat(alice.getAttributeValue("givenName")).isEqualTo("Alice");
        assertThat(alice.getAttributeValue("sn")).isEqualTo("Smith");
        assertThat(alice.getAttributeValue("cn")).isEqualTo("Alice Smith");
        assertThat(alice.getAttributeValue("name")).isEqualTo("Alice Smith");
        assertThat(alice.getAttributeValue("distinguishedName")).isEqualTo(ALICE);
        assertThat(alice.getAttributeValueAsInteger("sAMAccountType")).isEqualTo(805306368);
        assertThat(alice.getAttributeValueAsInteger("userAccountControl")).isEqualTo(512);
        assertThat(alice.getAttributeValueAsLong("accountExpires")).isEqualTo(Long.MAX_VALUE);
        assertThat(alice.getAttributeValueBytes("objectGUID")).hasSize(16);
        assertThat(AdBinary.sidString(alice.getAttributeValueBytes("objectSid")))
                .isEqualTo(AdDomainSpec.CORP.sidOf(1104));
        assertThat(alice.getAttributeValues("memberOf")).containsExactly("CN=Developers," + USERS);
        assertThat(alice.getAttributeValueAsLong("uSNChanged")).isPositive();
        assertThat(alice.getAttributeValue("whenCreated")).matches("\\d{14}\\.0Z");
    }

    @Test
    void pwdLastSetIsAFileTimeOfTheSeedForAliceAndZeroForBob() throws Exception {
        long aliceSet = admin.getEntry(ALICE, "pwdLastSet").getAttributeValueAsLong("pwdLastSet");
        long bobSet = admin.getEntry("CN=Bob Jones," + USERS, "pwdLastSet").getAttributeValueAsLong("pwdLastSet");

        assertThat(FileTime.toInstant(aliceSet)).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(bobSet).isZero();
    }

    @Test
    void carolIsDisabledAndErinLivesInContractors() throws Exception {
        assertThat(admin.getEntry("CN=Carol White," + USERS).getAttributeValueAsInteger("userAccountControl"))
                .isEqualTo(514);
        assertThat(admin.searchForEntry(BASE, SearchScope.SUB, "(sAMAccountName=erin)").getDN())
                .isEqualTo("CN=Erin Green,OU=Contractors,OU=People," + BASE);
    }

    @Test
    void groupsAreNestedAsInTheSambaSeed() throws Exception {
        Entry engineering = admin.getEntry("CN=Engineering," + USERS);
        Entry developers = admin.getEntry("CN=Developers," + USERS);

        assertThat(engineering.getAttributeValues("member"))
                .containsExactlyInAnyOrder("CN=Developers," + USERS, "CN=Testers," + USERS);
        assertThat(engineering.getAttributeValue("description")).isEqualTo("All engineering");
        assertThat(engineering.getAttributeValueAsInteger("sAMAccountType")).isEqualTo(268435456);
        assertThat(engineering.getAttributeValueAsInteger("groupType")).isEqualTo(-2147483646);
        assertThat(developers.getAttributeValues("member"))
                .containsExactlyInAnyOrder(ALICE, "CN=Dave Brown," + USERS);
        assertThat(developers.getAttributeValues("memberOf")).containsExactly("CN=Engineering," + USERS);
        assertThat(admin.getEntry("CN=Testers," + USERS).getAttributeValues("member"))
                .containsExactly("CN=Bob Jones," + USERS);
    }

    @Test
    void administratorHasWellKnownRid500AndIsADomainAdmin() throws Exception {
        Entry administrator = admin.getEntry("CN=Administrator," + USERS, "*");

        assertThat(AdBinary.sidString(administrator.getAttributeValueBytes("objectSid")))
                .isEqualTo(AdDomainSpec.CORP.sidOf(500));
        assertThat(administrator.getAttributeValues("memberOf")).contains("CN=Domain Admins," + USERS);
    }

    @Test
    void passwordsAreNeverReturnedEvenWhenAskedFor() throws Exception {
        Entry alice = admin.getEntry(ALICE, "unicodePwd", "*", "+");

        assertThat(alice.hasAttribute("unicodePwd")).isFalse();
        assertThat(admin.search(BASE, SearchScope.SUB, "(unicodePwd=*)").getEntryCount()).isZero();
    }

    @Test
    void domainObjectCarriesTheDomainSidAndSambasDefaultPolicy() throws Exception {
        Entry domain = admin.getEntry(BASE, "*");

        assertThat(AdBinary.sidString(domain.getAttributeValueBytes("objectSid"))).isEqualTo(AdDomainSpec.CORP.domainSid());
        assertThat(domain.getAttributeValueAsInteger("lockoutThreshold")).isZero();
        assertThat(domain.getAttributeValueAsLong("maxPwdAge")).isEqualTo(-36288000000000L);
        assertThat(domain.getAttributeValueAsLong("lockoutDuration")).isEqualTo(-18000000000L);
    }
}
