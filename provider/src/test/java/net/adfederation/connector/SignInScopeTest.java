package net.adfederation.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.adfederation.directory.read.AdUser;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentValidationException;

class SignInScopeTest {

    private static final String BASE = "DC=corp,DC=example,DC=test";

    private static AdUser at(String dn) {
        return new AdUser(dn, null, null, "x", null, null, null, null, null, null, null, 512, null, false, null, null, List.of());
    }

    @Test
    void groupNamesAreWordsQuotedNamesOrADnOnALine() {
        assertThat(SignInScope.groupNames("Staff \"VPN Users\"\nCN=Ops,OU=Groups," + BASE + "\n Staff"))
                .containsExactly("Staff", "VPN Users", "CN=Ops,OU=Groups," + BASE);
    }

    @Test
    void anAccountMustLiveUnderAnAllowedOu() {
        SignInScope scope = SignInScope.parse(null, "OU=Staff," + BASE + "\nou=Contractors," + BASE.toLowerCase(), BASE);
        assertThat(scope.placeAdmits(at("CN=alice,OU=Sales,OU=Staff," + BASE))).isTrue();
        assertThat(scope.placeAdmits(at("CN=bob,OU=Contractors," + BASE))).isTrue();
        assertThat(scope.placeAdmits(at("CN=carol,CN=Users," + BASE))).isFalse();
        assertThat(scope.placeAdmits(at("CN=OU=Staff\\,x,CN=Users," + BASE))).as("a look-alike name").isFalse();
    }

    @Test
    void anOuOutsideTheDomainOrNotADnIsRefused() {
        assertThatThrownBy(() -> SignInScope.parse(null, "OU=Staff,DC=other,DC=test", BASE))
                .isInstanceOf(ComponentValidationException.class);
        assertThatThrownBy(() -> SignInScope.parse(null, "Staff", BASE)).isInstanceOf(ComponentValidationException.class);
    }

    @Test
    void groupsAreMatchedAgainstTheTokenSidsAndNothingIsReadWithoutAGroupScope() {
        AtomicInteger reads = new AtomicInteger();
        SignInScope none = SignInScope.parse(null, "OU=Staff," + BASE, BASE);
        assertThat(none.groupsAdmit(() -> { reads.incrementAndGet(); return Set.of(); },
                () -> { reads.incrementAndGet(); return Set.of(); })).isTrue();
        assertThat(reads).hasValue(0);

        SignInScope staff = SignInScope.parse("Staff", null, BASE);
        assertThat(staff.groupsAdmit(() -> Set.of("S-1-5-21-1-1105"), () -> Set.of("S-1-5-21-1-513", "S-1-5-21-1-1105"))).isTrue();
        assertThat(staff.groupsAdmit(() -> Set.of("S-1-5-21-1-1105"), () -> Set.of("S-1-5-21-1-513"))).isFalse();
        assertThat(staff.groupsAdmit(Set::of, () -> Set.of("S-1-5-21-1-513"))).as("a group that names none").isFalse();
    }
}
