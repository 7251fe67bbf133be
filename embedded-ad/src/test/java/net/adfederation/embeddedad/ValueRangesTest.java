package net.adfederation.embeddedad;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import org.junit.jupiter.api.Test;

/** A group with more members than AD's MaxValRange gives them out range by range, as AD does. */
class ValueRangesTest {

    private static final String LARGE = "CN=group0001,OU=Bulk," + EmbeddedAdFixture.BASE;

    @Test
    void aLargeGroupsMembersComeInRangesOf1500UntilTheLastEndsInAStar() throws Exception {
        try (EmbeddedActiveDirectory ad = EmbeddedActiveDirectory.builder().withoutTls().bulkUsers(4_800, 40).start();
             LDAPConnection reader = EmbeddedAdFixture.ldapAsAdmin(ad)) {
            Entry plain = reader.getEntry(LARGE, "member", "sAMAccountName");
            Entry rest = reader.getEntry(LARGE, "member;range=1500-*");
            Entry window = reader.getEntry(LARGE, "member;range=10-19");

            Attribute first = plain.getAttributes().stream().filter(a -> a.getBaseName().equals("member")).findFirst().orElseThrow();
            assertThat(first.getName()).isEqualTo("member;range=0-1499");
            assertThat(first.size()).isEqualTo(1500);
            assertThat(plain.getAttributeValue("sAMAccountName")).isEqualTo("group0001");
            Attribute last = rest.getAttributes().iterator().next();
            assertThat(last.getName()).matches("member;range=1500-\\*");
            assertThat(first.size() + last.size()).isGreaterThan(1600);
            assertThat(window.getAttributes().iterator().next().getName()).isEqualTo("member;range=10-19");
            assertThat(reader.getEntry("CN=group0002,OU=Bulk," + EmbeddedAdFixture.BASE, "member").hasAttribute("member"))
                    .as("a small group as it is").isTrue();
        }
    }
}
