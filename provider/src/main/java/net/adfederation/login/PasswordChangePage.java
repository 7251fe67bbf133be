package net.adfederation.login;

import java.util.List;

import net.adfederation.account.PasswordRuleTexts;
import net.adfederation.account.PasswordRulesLookup;
import net.adfederation.common.UserTexts;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.forms.login.LoginFormsProvider;

/**
 * The page that takes a new AD password as the user's own change (current password, new, again),
 * worded from the ad-portal bundles so that any login theme can show it
 * ({@value #TEMPLATE}, from the JAR's theme-resources). Its fields are {@value #CURRENT},
 * {@value #NEW} and {@value #CONFIRM}.
 *
 * @param rules AD's password rules to show before the user types; empty when unknown
 */
public record PasswordChangePage(String title, String currentLabel, String newLabel, String confirmLabel,
                                 String submitLabel, String rulesIntro, List<String> rules) {

    public static final String ATTRIBUTE = "adPasswordChange";
    public static final String TEMPLATE = "login-ad-password-change.ftl";
    public static final String CURRENT = "password-current";
    public static final String NEW = "password-new";
    public static final String CONFIRM = "password-confirm";

    public PasswordChangePage {
        rules = List.copyOf(rules);
    }

    /** The page for this user, with AD's rules for the user's new password read from the user's domain. */
    public static PasswordChangePage of(KeycloakSession session, RealmModel realm, UserModel user) {
        UserTexts texts = UserTexts.of(session, user);
        List<String> rules = PasswordRulesLookup.of(session, realm, user).map(r -> PasswordRuleTexts.of(r, texts)).orElse(List.of());
        return new PasswordChangePage(texts.get("adChangeTitle"), texts.get("adChangeCurrent"), texts.get("adChangeNew"),
                texts.get("adChangeConfirm"), texts.get("adChangeSubmit"), texts.get("adChangeRulesIntro"), rules);
    }

    /** Puts the page's texts on the form; the caller adds a message and renders {@link #TEMPLATE}. */
    public LoginFormsProvider applyTo(LoginFormsProvider form) {
        return form.setAttribute(ATTRIBUTE, this);
    }
}
