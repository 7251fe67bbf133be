package net.adfederation.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.adfederation.common.AdUsers;
import net.adfederation.common.UserTexts;
import net.adfederation.directory.read.AccountName;
import net.adfederation.directory.read.AdUser;
import org.junit.jupiter.api.Test;

class NameResolutionTest {

    /** A domain that answers like UserDirectory.findByName: only its own UPNs and NetBIOS name. */
    record Fake(String dns, String netbios, List<AdUser> users) {
        Optional<AdUser> find(AccountName name) {
            return users.stream().filter(u -> switch (name.form()) {
                case UPN -> u.userPrincipalName().equalsIgnoreCase(name.account());
                case DOWN_LEVEL -> name.domain().equalsIgnoreCase(netbios) && u.samAccountName().equalsIgnoreCase(name.account());
                case BARE -> u.samAccountName().equalsIgnoreCase(name.account());
            }).findFirst();
        }
    }

    private final Fake corp = new Fake("corp.example.test", "CORP", List.of(
            AdUsers.user("alice", "DC=corp,DC=example,DC=test", "corp.example.test", "S-1-5-21-1-1-1-1001"),
            AdUsers.user("carol", "DC=corp,DC=example,DC=test", "example.com", "S-1-5-21-1-1-1-1002")));
    private final Fake partner = new Fake("partner.example.test", "PARTNER", List.of(
            AdUsers.user("alice", "DC=partner,DC=example,DC=test", "partner.example.test", "S-1-5-21-2-2-2-1001"),
            AdUsers.user("bob", "DC=partner,DC=example,DC=test", "partner.example.test", "S-1-5-21-2-2-2-1002")));
    private final List<String> asked = new ArrayList<>();
    private final NameResolution<Fake> resolution = new NameResolution<>(List.of(corp, partner), Fake::dns, Fake::netbios,
            (d, n) -> {
                asked.add(d.netbios());
                return d.find(n);
            });

    private NameResolution.Result<Fake> resolve(String typed) {
        return resolution.resolve(AccountName.parse(typed).orElseThrow());
    }

    @Test
    void aUpnGoesOnlyToTheDomainOfItsSuffix() {
        NameResolution.Result<Fake> result = resolve("alice@partner.example.test");

        assertThat(result).isInstanceOfSatisfying(NameResolution.Found.class, f -> assertThat(f.domain()).isEqualTo(partner));
        assertThat(asked).containsExactly("PARTNER");
    }

    @Test
    void aUpnWithASuffixNoDomainHasIsAskedOfEveryDomain() {
        NameResolution.Result<Fake> result = resolve("carol@example.com");

        assertThat(result).isInstanceOfSatisfying(NameResolution.Found.class, f -> assertThat(f.domain()).isEqualTo(corp));
        assertThat(asked).containsExactly("CORP", "PARTNER");
    }

    @Test
    void aDownLevelNameGoesToTheDomainOfItsNetbiosName() {
        assertThat(resolve("partner\\alice")).isInstanceOfSatisfying(NameResolution.Found.class,
                f -> assertThat(f.domain()).isEqualTo(partner));
        assertThat(asked).containsExactly("PARTNER");
    }

    @Test
    void anUnknownNetbiosNameFindsNobodyWithoutAsking() {
        assertThat(resolve("LAB\\alice")).isInstanceOf(NameResolution.NotFound.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void aBareNameInOneDomainIsFound() {
        assertThat(resolve("bob")).isInstanceOfSatisfying(NameResolution.Found.class, f -> assertThat(f.domain()).isEqualTo(partner));
        assertThat(asked).containsExactly("CORP", "PARTNER");
    }

    @Test
    void aBareNameInSeveralDomainsIsRefusedWithTheNamesToType() {
        assertThat(resolve("alice")).isInstanceOfSatisfying(NameResolution.Ambiguous.class, a -> assertThat(a.message(UserTexts.english()))
                .isEqualTo("alice exists in CORP and PARTNER: sign in as CORP\\alice or PARTNER\\alice"));
    }

    @Test
    void aNameNobodyHasIsNotFound() {
        assertThat(resolve("mallory")).isInstanceOf(NameResolution.NotFound.class);
    }
}
