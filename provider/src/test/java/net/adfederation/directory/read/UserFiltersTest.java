package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Filter;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The filters as sent: typed values are escaped (RFC 4515), never spliced in. */
class UserFiltersTest {

    private static final String USERS = "(sAMAccountType=805306368)";

    @Test
    void bareNameSelectsNormalUserBySamAccountName() {
        assertThat(UserFilters.bySamAccountName("alice")).hasToString("(&" + USERS + "(sAMAccountName=alice))");
    }

    @Test
    void injectionInputIsEscaped() {
        assertThat(UserFilters.bySamAccountName("alice)(|(cn=*"))
                .hasToString("(&" + USERS + "(sAMAccountName=alice\\29\\28|\\28cn=\\2a))");
        assertThat(UserFilters.bySamAccountName("*")).hasToString("(&" + USERS + "(sAMAccountName=\\2a))");
        assertThat(UserFilters.bySamAccountName("a\\b")).hasToString("(&" + USERS + "(sAMAccountName=a\\5cb))");
        assertThat(UserFilters.byUserPrincipalName("*@corp.example.test"))
                .hasToString("(&" + USERS + "(userPrincipalName=\\2a@corp.example.test))");
    }

    @Test
    void mailOrUpnEscapesTheValueInBothClauses() {
        assertThat(UserFilters.byMailOrUpn("x*)(mail=*"))
                .hasToString("(&" + USERS + "(|(mail=x\\2a\\29\\28mail=\\2a)(userPrincipalName=x\\2a\\29\\28mail=\\2a)))");
    }

    @Test
    void guidIsMatchedAsAdByteOrder() {
        UUID guid = UUID.fromString("12345678-1234-5678-9abc-def012345678");

        Filter filter = UserFilters.byGuid(guid);

        Filter clause = filter.getComponents()[1];
        assertThat(clause.getAttributeName()).isEqualTo("objectGUID");
        assertThat(clause.getAssertionValueBytes()).isEqualTo(AdCodecs.uuidToGuid(guid));
    }

    @Test
    void prefixSearchCoversSixNameAttributes() {
        assertThat(UserFilters.byPrefix(" al ")).hasToString("(&" + USERS + "(|(sAMAccountName=al*)"
                + "(userPrincipalName=al*)(mail=al*)(givenName=al*)(sn=al*)(displayName=al*)))");
    }

    @Test
    void prefixSearchTreatsStarsInTextLiterally() {
        assertThat(UserFilters.byPrefix("a*)(cn=").toString()).contains("(sAMAccountName=a\\2a\\29\\28cn=*)");
    }

    @Test
    void starOrBlankSearchSelectsAllUsers() {
        assertThat(UserFilters.byPrefix("*")).hasToString(USERS);
        assertThat(UserFilters.byPrefix(" ")).hasToString(USERS);
        assertThat(UserFilters.byPrefix(null)).hasToString(USERS);
    }

    @Test
    void groupsUseTheInChainMatchingRule() {
        assertThat(UserFilters.groupsWithMember("CN=Alice Smith,CN=Users,DC=corp,DC=example,DC=test"))
                .hasToString("(&(objectClass=group)(member:1.2.840.113556.1.4.1941:="
                        + "CN=Alice Smith,CN=Users,DC=corp,DC=example,DC=test))");
        assertThat(UserFilters.groupsWithMember("CN=x)(cn=*").toString()).contains(":=CN=x\\29\\28cn=\\2a)");
    }
}
