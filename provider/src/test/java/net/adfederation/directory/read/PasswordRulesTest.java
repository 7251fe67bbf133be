package net.adfederation.directory.read;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRulesTest {

    @Test
    void theDomainObjectsRules() {
        PasswordRules rules = PasswordRules.ofDomain(new Entry("DC=corp", new Attribute("minPwdLength", "7"),
                new Attribute("pwdProperties", "1"), new Attribute("pwdHistoryLength", "24"),
                new Attribute("minPwdAge", "-864000000000")));
        assertThat(rules).isEqualTo(new PasswordRules(7, true, 24, Duration.ofDays(1), false));
    }

    @Test
    void aFineGrainedPolicyOnlyWhereItsValuesCanBeRead() {
        Entry pso = new Entry("CN=strict", new Attribute("msDS-MinimumPasswordLength", "12"),
                new Attribute("msDS-PasswordComplexityEnabled", "TRUE"), new Attribute("msDS-PasswordHistoryLength", "5"),
                new Attribute("msDS-MinimumPasswordAge", "0"));
        assertThat(PasswordRules.ofPso(pso)).hasValue(new PasswordRules(12, true, 5, Duration.ZERO, true));
        assertThat(PasswordRules.ofPso(new Entry("CN=unreadable"))).isEmpty();
        assertThat(PasswordRules.ofPso(null)).isEmpty();
    }
}
