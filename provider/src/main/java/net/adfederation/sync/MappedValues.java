package net.adfederation.sync;

import java.util.Optional;
import java.util.function.Function;

import net.adfederation.account.AttributeMappings;

/**
 * A trust component's attribute mappings with how a DN-valued one finds the referenced account's
 * UPN: from the users this component has imported (their stored distinguishedName, no LDAP
 * operation), else from the directory ({@link ForestUpns}). Only a user whose digest changed is
 * written, so an unchanged user costs neither.
 */
record MappedValues(AttributeMappings mappings, Function<String, Optional<String>> upnOfDn) {

    static final MappedValues NONE = new MappedValues(AttributeMappings.NONE, dn -> Optional.empty());
}
