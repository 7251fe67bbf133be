package net.adfederation.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.adfederation.account.AccountOwner;
import net.adfederation.account.AdAttributes;
import net.adfederation.account.AttributeMappings;
import net.adfederation.common.KeycloakCompat;
import net.adfederation.tokens.AdUsers;
import net.adfederation.tokens.ClaimGroup;
import org.keycloak.models.UserModel;

/**
 * What the directory says about the signed-in user, read-only, each fact with where it comes from:
 * read live through the connector at this very request, copied by trust mode (attributes at each
 * password sign-in and sync, groups at each sync, with the time of the last one), or Keycloak's own
 * record for a user who is not in AD.
 *
 * @param summary      one sentence on where this account's data lives
 * @param facts        name, e-mail, UPN, domain, ... (absent values left out)
 * @param groups       AD groups, nested ones included, as DOMAIN\name; null for a user not in AD
 * @param groupsSource where the groups come from
 */
public record DirectoryProfile(String summary, List<Fact> facts, List<String> groups, String groupsSource) {

    public record Fact(String label, String value, String source) {
    }

    /** @param passwordExpiry when the AD password expires, worded ({@link PasswordExpiryText}); null for never or unknown */
    static DirectoryProfile of(UserModel user, AccountOwner owner, PortalTexts texts, String passwordExpiry) {
        String netbios = user.getFirstAttribute(AdAttributes.NETBIOS_DOMAIN);
        String component = owner.componentName();
        String factSource;
        String summary;
        String groupsSource;
        switch (owner.mode()) {
            case CONNECTOR -> {
                factSource = texts.get("sourceConnector", netbios, component);
                summary = texts.get("summaryConnector", netbios, component, PortalTexts.time(Instant.now()));
                groupsSource = factSource;
            }
            case TRUST -> {
                factSource = texts.get("sourceTrust", netbios, component);
                String lastSync = owner.lastSync().map(PortalTexts::time).orElse(null);
                summary = lastSync == null ? texts.get("summaryTrustNeverSynced", netbios, component)
                        : texts.get("summaryTrust", netbios, component, lastSync);
                groupsSource = lastSync == null ? texts.get("sourceTrustGroupsNeverSynced", component)
                        : texts.get("sourceTrustGroups", component, lastSync);
            }
            default -> {
                factSource = component == null ? texts.get("sourceKeycloak")
                        : texts.get("sourceFederation", component);
                summary = texts.get("summaryKeycloak");
                groupsSource = null;
            }
        }
        List<Fact> facts = new ArrayList<>();
        add(facts, texts.get("profileName"), name(user), factSource);
        add(facts, texts.get("profileEmail"), user.getEmail(), factSource);
        if (owner.mode() == AccountOwner.Mode.KEYCLOAK) {
            add(facts, texts.get("profileUsername"), user.getUsername(), factSource);
        } else {
            add(facts, texts.get("profileUpn"), user.getFirstAttribute(AdAttributes.UPN), factSource);
            String domain = user.getFirstAttribute(AdAttributes.DOMAIN);
            add(facts, texts.get("profileDomain"), domain == null ? null : texts.get("profileDomainValue", domain, netbios), factSource);
            add(facts, texts.get("profileDepartment"), user.getFirstAttribute(AdAttributes.DEPARTMENT), factSource);
            add(facts, texts.get("profileJobTitle"), user.getFirstAttribute(AdAttributes.TITLE), factSource);
            mappedFacts(facts, user, owner, texts, factSource);
            // Read live in both modes (trust mode does not copy it), so its source is the directory now.
            add(facts, texts.get("profilePasswordExpires"), passwordExpiry, texts.get("sourcePasswordExpiry", netbios));
        }
        List<String> groups = owner.mode() == AccountOwner.Mode.KEYCLOAK ? null : groups(owner, user);
        if (groups == null && owner.mode() != AccountOwner.Mode.KEYCLOAK) groupsSource = texts.get("groupsUnavailable");
        return new DirectoryProfile(summary, facts, groups, groupsSource);
    }

    /**
     * The component's mapped attributes (attributeMappings), labelled from the theme's messages
     * (profileAttribute.employeeId) where it has one, else by the attribute's name; several values joined.
     */
    private static void mappedFacts(List<Fact> facts, UserModel user, AccountOwner owner, PortalTexts texts, String source) {
        if (owner.component() == null) return;
        for (String name : AttributeMappings.orNone(owner.component().getConfig()).userAttributes()) {
            // Shown above already, with their own labels.
            if (name.equals(AdAttributes.DEPARTMENT) || name.equals(AdAttributes.TITLE) || name.equals(AdAttributes.DISPLAY_NAME)) continue;
            List<String> values = user.getAttributeStream(name).toList();
            add(facts, texts.labelOr("profileAttribute." + name, name), String.join(", ", values), source);
        }
    }

    /** DOMAIN\name, sorted; null when the directory did not answer. */
    private static List<String> groups(AccountOwner owner, UserModel user) {
        try {
            List<ClaimGroup> groups = AdUsers.groups(owner, user);
            if (groups == null) return List.of();
            return groups.stream().map(g -> g.netbiosDomain() == null ? g.name() : g.netbiosDomain() + "\\" + g.name())
                    .filter(Objects::nonNull).distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        } catch (RuntimeException e) {
            if (!KeycloakCompat.isStorageUnavailable(e)) throw e;
            return null;
        }
    }

    private static String name(UserModel user) {
        String display = user.getFirstAttribute(AdAttributes.DISPLAY_NAME);
        if (display != null && !display.isBlank()) return display;
        String joined = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return joined.isEmpty() ? null : joined;
    }

    private static void add(List<Fact> facts, String label, String value, String source) {
        if (value != null && !value.isBlank()) facts.add(new Fact(label, value, source));
    }
}
