package net.adfederation.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.AttributeValidatorMetadata;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileMetadata;
import org.keycloak.userprofile.validator.DuplicateEmailValidator;
import org.keycloak.userprofile.validator.DuplicateUsernameValidator;

class ReadOnlyProfileTest {

    private static List<String> validatorIds(UserProfileMetadata metadata, String attribute) {
        return metadata.getAttribute(attribute).stream().flatMap(a -> a.getValidators().stream())
                .map(AttributeValidatorMetadata::getValidatorId).toList();
    }

    private static UserProfileMetadata keycloaksDefaults(UserProfileContext context) {
        UserProfileMetadata metadata = new UserProfileMetadata(context);
        metadata.addAttribute("username", -2, List.of(new AttributeValidatorMetadata("up-username-has-value"),
                        new AttributeValidatorMetadata(DuplicateUsernameValidator.ID), new AttributeValidatorMetadata("up-username-mutation")),
                AttributeMetadata.ALWAYS_TRUE, AttributeMetadata.ALWAYS_TRUE, AttributeMetadata.ALWAYS_TRUE, AttributeMetadata.ALWAYS_TRUE);
        metadata.addAttribute("email", -1, List.of(new AttributeValidatorMetadata("email"),
                        new AttributeValidatorMetadata(DuplicateEmailValidator.ID)),
                AttributeMetadata.ALWAYS_TRUE, AttributeMetadata.ALWAYS_TRUE, AttributeMetadata.ALWAYS_TRUE, AttributeMetadata.ALWAYS_TRUE);
        metadata.addAttribute("firstName", 1, List.of(), AttributeMetadata.ALWAYS_TRUE, AttributeMetadata.ALWAYS_TRUE,
                AttributeMetadata.ALWAYS_TRUE, AttributeMetadata.ALWAYS_TRUE);
        return metadata;
    }

    @Test
    void theVerifyProfileCheckAtSignInNoLongerLooksTheUserUpByUsernameOrEmail() {
        for (UserProfileContext context : List.of(UserProfileContext.UPDATE_PROFILE, UserProfileContext.ACCOUNT, UserProfileContext.USER_API)) {
            UserProfileMetadata metadata = keycloaksDefaults(context);

            ReadOnlyProfile.withoutDuplicateChecks(metadata);

            assertThat(validatorIds(metadata, "username")).as(context.name()).containsExactly("up-username-has-value", "up-username-mutation");
            assertThat(validatorIds(metadata, "email")).as(context.name()).containsExactly("email");
            assertThat(validatorIds(metadata, "firstName")).as(context.name()).isEmpty();
        }
    }

    @Test
    void theRealmsOwnMetadataKeepsItsChecksForOtherUsers() {
        UserProfileMetadata realms = keycloaksDefaults(UserProfileContext.UPDATE_PROFILE);
        // Keycloak hands a decorator the profile's own copy (UserProfileMetadata.clone copies each attribute's validators)
        UserProfileMetadata connectorUsersCopy = realms.clone();

        ReadOnlyProfile.withoutDuplicateChecks(connectorUsersCopy);

        assertThat(validatorIds(realms, "username")).contains(DuplicateUsernameValidator.ID);
        assertThat(validatorIds(realms, "email")).contains(DuplicateEmailValidator.ID);
    }
}
