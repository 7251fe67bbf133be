package net.adfederation.account;

import java.util.ArrayList;
import java.util.List;

import net.adfederation.common.UserTexts;
import net.adfederation.directory.read.PasswordRules;

/** AD's password rules as the lines a page lists before the user types: "At least 7 characters", ... */
public final class PasswordRuleTexts {

    private PasswordRuleTexts() {
    }

    public static List<String> of(PasswordRules rules, UserTexts texts) {
        List<String> lines = new ArrayList<>();
        if (rules.minLength() > 0) lines.add(texts.get("adRuleMinLength", Integer.toString(rules.minLength())));
        if (rules.complexity()) lines.add(texts.get("adRuleComplexity"));
        if (rules.historyLength() > 0) lines.add(texts.get("adRuleHistory", Integer.toString(rules.historyLength())));
        if (!rules.minAge().isZero()) {
            long days = rules.minAge().toDays();
            lines.add(days >= 1 ? texts.get("adRuleMinAgeDays", days)
                    : texts.get("adRuleMinAgeHours", Math.max(1, rules.minAge().toHours())));
        }
        return lines;
    }
}
