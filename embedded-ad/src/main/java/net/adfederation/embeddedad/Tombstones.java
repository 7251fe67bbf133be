package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import java.util.List;
import java.util.UUID;

/**
 * What AD keeps of a deleted object: a tombstone under CN=Deleted Objects with isDeleted TRUE,
 * the RDN mangled to {@code <name>\0ADEL:<objectGUID>} so names can be reused, the identity
 * attributes (objectGUID, objectSid, sAMAccountName) kept, lastKnownParent pointing where it
 * lived, and a new uSNChanged. Everything else, links and password included, is stripped, as
 * the Samba DC strips it (it also sets isRecycled, the recycle bin being off).
 */
final class Tombstones {

    /** The attributes a tombstone keeps, as seen on Samba 4.17's tombstones of users and groups. */
    private static final List<String> KEPT = List.of("objectClass", "objectGUID", "objectSid", "sAMAccountName",
            "userAccountControl", "instanceType", "whenCreated", "uSNCreated");

    private final InternalDirectory directory;
    private final DN domain;
    private final DN configuration;
    private final DN container;

    Tombstones(InternalDirectory directory) throws LDAPException {
        this.directory = directory;
        this.domain = new DN(directory.domain().baseDn());
        this.configuration = new DN(directory.domain().configurationDn());
        this.container = new DN(deletedObjectsDn(directory.domain()));
    }

    static String deletedObjectsDn(AdDomainSpec domain) {
        return "CN=Deleted Objects," + domain.baseDn();
    }

    /** Objects of the domain partition leave tombstones; the emulated configuration partition does not. */
    boolean keepsTombstoneOf(DN dn) {
        return dn.isDescendantOf(domain, false) && !dn.isDescendantOf(configuration, true);
    }

    /** Writes the tombstone of an entry that has just been removed. */
    void bury(Entry deleted) throws LDAPException {
        byte[] guidBytes = deleted.getAttributeValueBytes("objectGUID");
        UUID guid = guidBytes == null ? UUID.randomUUID() : AdBinary.guidOf(guidBytes);
        RDN rdn = deleted.getParsedDN().getRDN();
        String mangled = rdn.getAttributeValues()[0] + "\nDEL:" + guid;
        // Spelled as AD spells it, "\0A" in upper case (UnboundID would escape it as "\0a").
        String tombstone = new RDN(rdn.getAttributeNames()[0], rdn.getAttributeValues()[0]) + "\\0ADEL:" + guid
                + "," + container;
        Entry entry = new Entry(tombstone);
        for (String name : KEPT) {
            Attribute kept = deleted.getAttribute(name);
            if (kept != null) entry.addAttribute(kept);
        }
        if (guidBytes == null) entry.addAttribute("objectGUID", AdBinary.guidBytes(guid));
        entry.setAttribute(rdn.getAttributeNames()[0], mangled);
        entry.setAttribute("name", mangled);
        entry.setAttribute("distinguishedName", tombstone);
        entry.setAttribute("isDeleted", "TRUE");
        entry.setAttribute("isRecycled", "TRUE");
        entry.setAttribute("lastKnownParent", deleted.getParsedDN().getParent().toString());
        entry.setAttribute("whenChanged", FileTime.generalized(directory.stamp().now()));
        entry.setAttribute("uSNChanged", Long.toString(directory.stamp().nextUsn()));
        directory.add(entry);
    }
}
