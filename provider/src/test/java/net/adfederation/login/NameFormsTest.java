package net.adfederation.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.adfederation.account.SignInDomain;
import org.junit.jupiter.api.Test;

class NameFormsTest {

    @Test
    void oneDomainGivesTheBareNameTheUpnAndTheDownLevelName() {
        NameForms forms = new NameForms(List.of(new SignInDomain("corp.example.test", "CORP")));

        assertThat(forms.examples("alice")).containsExactly("alice", "alice@corp.example.test", "CORP\\alice");
    }

    @Test
    void everyDomainOfTheForestsFollowsInOrder() {
        NameForms forms = new NameForms(List.of(new SignInDomain("corp.example.test", "CORP"),
                new SignInDomain("partner.example.test", "PARTNER")));

        assertThat(forms.examples("pat")).containsExactly("pat", "pat@corp.example.test", "CORP\\pat",
                "pat@partner.example.test", "PARTNER\\pat");
    }

    @Test
    void aDomainWhoseNetbiosNameIsNotKnownYetOffersNoDownLevelForm() {
        NameForms forms = new NameForms(List.of(new SignInDomain("Corp.Example.Test", null)));

        assertThat(forms.examples("alice")).containsExactly("alice", "alice@corp.example.test");
    }
}
