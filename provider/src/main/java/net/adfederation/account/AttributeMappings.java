package net.adfederation.account;

import org.keycloak.component.ComponentValidationException;
import net.adfederation.common.ConfigRefusal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.adfederation.directory.read.AdUser;
import org.keycloak.common.util.MultivaluedHashMap;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The setting {@value #KEY} both modes share: which further AD attributes become read-only Keycloak
 * user attributes. Each entry is {@code adAttribute=userAttribute} with an optional
 * {@code :text}, {@code :base64}, {@code :dn} or {@code :upn} (manager=manager:upn). The
 * attributes are read with the user (no LDAP operation of their own), declared in the user
 * profile read-only, and put into tokens by Keycloak's own User Attribute mapper.
 */
public final class AttributeMappings {

    public static final String KEY = "attributeMappings";
    public static final AttributeMappings NONE = new AttributeMappings(List.of());
    /** More would make every user read heavy; 50 is far beyond what applications ask for. */
    static final int MAX = 50;

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(KEY).label("Attribute mappings")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .helpText("Further Active Directory attributes as read-only user attributes, one per line: "
                    + "adAttribute=userAttribute, for example employeeID=employeeId or department=department. "
                    + "Add :upn to a DN-valued attribute for the referenced account's UPN (manager=manager:upn), "
                    + ":dn to keep the DN, :base64 for binary ones (known binary attributes are base64 anyway). "
                    + "They are read with the user at no extra cost, shown read-only in the user profile, "
                    + "and reach tokens through Keycloak's User Attribute mapper.")
            .add()
            .build();

    /** LDAP's attribute description (RFC 4512 descr), as AD names attributes. */
    private static final Pattern AD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");
    /** What Keycloak's user profile accepts as a plain attribute name. */
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Pattern ENTRY = Pattern.compile("\\s*([^=\\s]*)\\s*=\\s*([^:\\s]*)\\s*(?::\\s*(\\S*))?\\s*");

    /** AD attributes whose values are bytes, not text. */
    private static final Set<String> BINARY = Set.of("objectguid", "objectsid", "thumbnailphoto", "jpegphoto",
            "usercertificate", "ms-ds-consistencyguid", "msexchmailboxguid", "sidhistory", "usersmimecertificate",
            "msds-keycredentiallink", "logonhours", "tokengroups");
    /** AD attributes whose values are DNs; written as the DN unless :upn is asked for. */
    private static final Set<String> DN_VALUED = Set.of("manager", "directreports", "secretary", "assistant",
            "memberof", "seealso", "managedobjects", "msds-resultantpso");
    /** AD's password attributes: never readable, and never to be asked for. */
    private static final Set<String> SECRET = Set.of("unicodepwd", "userpassword", "ntpwdhistory", "lmpwdhistory",
            "dbcspwd", "supplementalcredentials", "msds-managedpassword");
    /** Keycloak's own fields and the attributes both modes write themselves. */
    private static final Set<String> RESERVED = Set.of("username", "email", "firstname", "lastname", "emailverified",
            "enabled", "createdtimestamp", "locale", "disabledreason",
            AdAttributes.UPN.toLowerCase(Locale.ROOT), AdAttributes.DOMAIN.toLowerCase(Locale.ROOT),
            AdAttributes.NETBIOS_DOMAIN.toLowerCase(Locale.ROOT), AdAttributes.GUID.toLowerCase(Locale.ROOT),
            AdAttributes.SID.toLowerCase(Locale.ROOT), AdAttributes.SAM_ACCOUNT_NAME.toLowerCase(Locale.ROOT),
            AdAttributes.DN.toLowerCase(Locale.ROOT), AdAttributes.COMPONENT.toLowerCase(Locale.ROOT),
            // trust mode's own (sync.ImportedAttributes, sync.SyncDigest) and the connector's (KeycloakLockState)
            "adaccountdisabled", "adaccountexpires", "adsyncdigest", "adkeycloakdisabled");
    /** Filled from the AD attribute of the same name already: a mapping may only name that same one. */
    private static final Map<String, String> FILLED = Map.of(AdAttributes.DISPLAY_NAME.toLowerCase(Locale.ROOT), "displayname",
            AdAttributes.DEPARTMENT.toLowerCase(Locale.ROOT), "department", AdAttributes.TITLE.toLowerCase(Locale.ROOT), "title");

    private final List<AttributeMapping> mappings;

    private AttributeMappings(List<AttributeMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    /** The component's mappings; throws with an admin-readable message naming the bad entry. */
    public static AttributeMappings of(MultivaluedHashMap<String, String> config) {
        List<String> raw = config == null ? null : config.get(KEY);
        if (raw == null || raw.isEmpty()) return NONE;
        List<String> entries = new ArrayList<>();
        // One value per entry (the admin console's list); a realm file may also put several on lines of one value.
        for (String value : raw) {
            if (value == null) continue;
            for (String line : value.split("[\\r\\n]+")) if (!line.isBlank()) entries.add(line.trim());
        }
        if (entries.size() > MAX) {
            throw new ConfigRefusal(KEY + ": {0} entries; at most " + MAX + " are read with each user",
                    Integer.toString(entries.size()));
        }
        List<AttributeMapping> parsed = new ArrayList<>();
        Map<String, String> targets = new HashMap<>();
        for (String entry : entries) {
            AttributeMapping mapping = parse(entry);
            String earlier = targets.putIfAbsent(mapping.userAttribute().toLowerCase(Locale.ROOT), entry);
            if (earlier != null) {
                throw new ConfigRefusal(KEY + ": {0} and {1} both fill the user attribute {2}; keep one",
                        earlier, entry, mapping.userAttribute());
            }
            parsed.add(mapping);
        }
        return new AttributeMappings(parsed);
    }

    /** A stored (so already checked) configuration; none when it would not validate. */
    public static AttributeMappings orNone(MultivaluedHashMap<String, String> config) {
        try {
            return of(config);
        } catch (ComponentValidationException e) {
            return NONE;
        }
    }

    static AttributeMapping parse(String entry) {
        Matcher matcher = ENTRY.matcher(entry);
        if (!matcher.matches() || matcher.group(1).isEmpty() || matcher.group(2).isEmpty()) {
            throw new ConfigRefusal(KEY + ": {0} is not adAttribute=userAttribute"
                    + " (for example employeeID=employeeId or manager=manager:upn)", entry);
        }
        String ad = matcher.group(1);
        String user = matcher.group(2);
        String adLower = ad.toLowerCase(Locale.ROOT);
        if (!AD_NAME.matcher(ad).matches()) {
            throw new ConfigRefusal(KEY + ": in {0}, {1} is not an LDAP attribute name"
                    + " (letters, digits and hyphens, starting with a letter)", entry, ad);
        }
        if (SECRET.contains(adLower)) {
            throw new ConfigRefusal(KEY + ": in {0}, {1} is a password attribute, which is never read", entry, ad);
        }
        if (!USER_NAME.matcher(user).matches()) {
            throw new ConfigRefusal(KEY + ": in {0}, {1} is not a user attribute name"
                    + " (letters, digits, _ . -, starting with a letter)", entry, user);
        }
        String userLower = user.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(userLower)) {
            throw new ConfigRefusal(KEY + ": in {0}, the user attribute {1} is already filled from"
                    + " Active Directory (or kept by Keycloak); choose another name", entry, user);
        }
        if (FILLED.containsKey(userLower) && !FILLED.get(userLower).equals(adLower)) {
            throw new ConfigRefusal(KEY + ": in {0}, the user attribute {1} is already filled from"
                    + " the AD attribute " + FILLED.get(userLower) + "; choose another name", entry, user);
        }
        AttributeMapping.Format format = BINARY.contains(adLower) ? AttributeMapping.Format.BASE64
                : DN_VALUED.contains(adLower) ? AttributeMapping.Format.DN : AttributeMapping.Format.TEXT;
        String option = matcher.group(3);
        if (option != null) {
            format = AttributeMapping.Format.named(option).orElseThrow(() -> new ConfigRefusal(KEY
                    + ": in {0}, :{1} is not one of :text, :base64, :dn, :upn", entry, option));
        }
        return new AttributeMapping(ad, user, format);
    }

    public List<AttributeMapping> all() {
        return mappings;
    }

    public boolean isEmpty() {
        return mappings.isEmpty();
    }

    /** The AD attributes to read with each user. */
    public List<String> adAttributes() {
        return mappings.stream().map(AttributeMapping::adAttribute).toList();
    }

    /** The Keycloak user attributes they fill. */
    public List<String> userAttributes() {
        return mappings.stream().map(AttributeMapping::userAttribute).toList();
    }

    /** The mapped values of one user, by user attribute; attributes AD has no value for are left out. */
    public Map<String, List<String>> values(AdUser user, Function<String, Optional<String>> upnOfDn) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (AttributeMapping mapping : mappings) {
            List<String> texts = values(user, mapping, upnOfDn);
            if (!texts.isEmpty()) values.put(mapping.userAttribute(), texts);
        }
        return values;
    }

    /** One mapping's values for the user, in AD's order; empty when none. */
    public static List<String> values(AdUser user, AttributeMapping mapping, Function<String, Optional<String>> upnOfDn) {
        List<String> texts = new ArrayList<>();
        for (byte[] value : user.raw().values(mapping.adAttribute())) {
            mapping.text(value, upnOfDn).filter(text -> !text.isBlank()).ifPresent(texts::add);
        }
        return texts;
    }

    /** The entries as text, for a digest: a changed mapping changes it. */
    public String describe() {
        return String.join(";", mappings.stream().map(AttributeMapping::toString).toList());
    }

    /** Whether a user attribute is one a mapping fills (read-only, AD's). */
    public boolean fills(String userAttribute) {
        return mappings.stream().anyMatch(mapping -> mapping.userAttribute().equals(userAttribute));
    }
}
