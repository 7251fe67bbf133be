package net.adfederation.embeddedad;

import java.util.List;

/**
 * The accounts `ad-dc.sh up` and `up-trust` seed into the Samba DCs, with the same names,
 * passwords and states, so a test written against one directory passes against the other.
 * {@link #forDomain} picks PARTNER's seed for partner.example.test and CORP's for any other domain.
 */
final class SeedAccounts {

    /** A seeded user; {@code ou} is relative to the base DN, null for CN=Users. */
    record SeedUser(String sam, String password, String givenName, String surname, String mail,
                    String ou, boolean disabled, boolean mustChangePassword, String description) {

        String cn() {
            return givenName == null ? sam : givenName + " " + surname;
        }
    }

    /** A seeded group and the sAMAccountNames of its direct members. */
    record SeedGroup(String name, String description, List<String> members) {
    }

    /** One domain's seed: organizational units (relative to the base DN, parents first), users, groups. */
    record Seed(List<String> organizationalUnits, List<SeedUser> users, List<SeedGroup> groups) {
    }

    static final String ADMINISTRATOR_PASSWORD = "Passw0rd!Admin";

    static final List<SeedUser> USERS = List.of(
            new SeedUser("svc-keycloak", "Passw0rd!Svc1", null, null, null, null, false, false,
                    "Keycloak service account"),
            new SeedUser("alice", "Passw0rd!Alice", "Alice", "Smith", "alice@corp.example.test", null,
                    false, false, null),
            new SeedUser("bob", "Passw0rd!Bob1", "Bob", "Jones", null, null, false, true, null),
            new SeedUser("carol", "Passw0rd!Carol", "Carol", "White", null, null, true, false, null),
            new SeedUser("dave", "Passw0rd!Dave", "Dave", "Brown", null, null, false, false, null),
            new SeedUser("erin", "Passw0rd!Erin", "Erin", "Green", null, "OU=Contractors,OU=People",
                    false, false, null));

    /** In creation order (Samba gives Engineering, Developers, Testers consecutive RIDs). */
    static final List<SeedGroup> GROUPS = List.of(
            new SeedGroup("Engineering", "All engineering", List.of("Developers", "Testers")),
            new SeedGroup("Developers", null, List.of("alice", "dave")),
            new SeedGroup("Testers", null, List.of("bob")));

    static final Seed CORP = new Seed(List.of("OU=People", "OU=Contractors,OU=People"), USERS, GROUPS);

    /** `seed_partner_and_trust`: pat, and an alice with CORP's alice's sAMAccountName, in PartnerStaff. */
    static final Seed PARTNER = new Seed(List.of(),
            List.of(new SeedUser("pat", "Passw0rd!Pat1", "Pat", "Partner", "pat@partner.example.test", null,
                            false, false, null),
                    new SeedUser("alice", "Passw0rd!Alice2", "Alice", "Partner", null, null, false, false, null)),
            List.of(new SeedGroup("PartnerStaff", null, List.of("pat", "alice"))));

    private SeedAccounts() {
    }

    static Seed forDomain(AdDomainSpec domain) {
        return domain.dnsName().equals(AdDomainSpec.PARTNER.dnsName()) ? PARTNER : CORP;
    }
}
