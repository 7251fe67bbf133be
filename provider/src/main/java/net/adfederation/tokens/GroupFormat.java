package net.adfederation.tokens;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How the groups claim writes each AD group, as the admin chose in the mapper's {@code format}. */
public enum GroupFormat {
    /** The group's name: Developers. */
    NAME,
    /** NetBIOS domain and name: CORP\Developers. */
    QUALIFIED,
    /** The distinguished name. */
    DN,
    /** The group's SID. */
    SID;

    /** The format named in the config; {@link #NAME} when blank or unknown. */
    public static GroupFormat of(String value) {
        if (value == null || value.isBlank()) return NAME;
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NAME;
        }
    }

    /** One group in this format; null when the group lacks what the format needs. */
    public String format(ClaimGroup group) {
        return switch (this) {
            case NAME -> blankToNull(group.name());
            case QUALIFIED -> group.netbiosDomain() == null || group.netbiosDomain().isBlank() || blankToNull(group.name()) == null
                    ? null : group.netbiosDomain() + "\\" + group.name();
            case DN -> blankToNull(group.dn());
            case SID -> blankToNull(group.sid());
        };
    }

    /** The groups in this format, in order, without repeats, skipping those lacking the needed value. */
    public List<String> formatAll(Collection<ClaimGroup> groups) {
        Set<String> values = new LinkedHashSet<>();
        for (ClaimGroup group : groups) {
            String value = format(group);
            if (value != null) values.add(value);
        }
        return new ArrayList<>(values);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
