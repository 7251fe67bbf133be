package net.adfederation.embeddedad;

/**
 * The two rights an AD admin can give a synchronising service account beyond reading, which let it
 * learn deletions cheaply. A plain user has neither, as in a default AD.
 */
public enum DirectoryRight {
    /** The extended right 1131f6aa-9c07-11d1-f79f-00c04fc2dcd2 on the domain: DirSync may be used. */
    REPLICATING_DIRECTORY_CHANGES,
    /** List Contents and Read Property on CN=Deleted Objects: tombstones are visible with Show Deleted. */
    LIST_DELETED_OBJECTS
}
