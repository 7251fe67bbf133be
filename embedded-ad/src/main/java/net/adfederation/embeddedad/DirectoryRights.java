package net.adfederation.embeddedad;

/**
 * Gives and takes back a {@link DirectoryRight} on a directory, for tests of what a service
 * account can read with and without it: the embedded AD records it in memory, {@link SambaAcl}
 * writes the ACE a Windows admin would write into the Samba DC's security descriptors.
 */
public interface DirectoryRights {

    void grant(DirectoryRight right, String samAccountName);

    /** Takes back exactly what {@link #grant} gave; taking back what was never given does nothing. */
    void revoke(DirectoryRight right, String samAccountName);
}
