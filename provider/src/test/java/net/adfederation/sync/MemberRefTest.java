package net.adfederation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class MemberRefTest {

    private static final Set<String> GROUPS = Set.of("cn=backend,ou=groups,dc=corp,dc=example,dc=test");

    @Test
    void aForeignSecurityPrincipalIsNamedByItsSid() {
        assertThat(MemberRef.of("CN=S-1-5-21-2-2-2-1001,CN=ForeignSecurityPrincipals,DC=corp,DC=example,DC=test", GROUPS))
                .isEqualTo(new MemberRef.Foreign("S-1-5-21-2-2-2-1001"));
        assertThat(MemberRef.of("cn=s-1-5-21-2-2-2-1001,cn=foreignsecurityprincipals,dc=corp,dc=example,dc=test", GROUPS))
                .isEqualTo(new MemberRef.Foreign("S-1-5-21-2-2-2-1001"));
    }

    @Test
    void aGroupOfTheReadIsNesting() {
        assertThat(MemberRef.of("CN=Backend,OU=Groups,DC=corp,DC=example,DC=test", GROUPS)).isInstanceOf(MemberRef.Group.class);
    }

    @Test
    void anythingElseIsTakenForAUserOfTheDomain() {
        assertThat(MemberRef.of("CN=alice,OU=Staff,DC=corp,DC=example,DC=test", GROUPS)).isInstanceOf(MemberRef.User.class);
        assertThat(MemberRef.of("CN=S-1-5-21-1,OU=Staff,DC=corp,DC=example,DC=test", GROUPS)).isInstanceOf(MemberRef.User.class);
    }
}
