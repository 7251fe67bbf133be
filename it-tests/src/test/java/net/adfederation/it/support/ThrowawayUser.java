package net.adfederation.it.support;

import net.adfederation.embeddedad.DirectoryAdmin;

/**
 * An AD user made for one test under a fresh name, so the test can run again against the same
 * Samba forests; closing it deletes the user unless the test already did.
 */
public final class ThrowawayUser implements AutoCloseable {

    private final DirectoryAdmin ad;
    private final String sam;
    private final String password;
    private boolean deleted;

    private ThrowawayUser(DirectoryAdmin ad, String sam, String password) {
        this.ad = ad;
        this.sam = sam;
        this.password = password;
    }

    /** Creates an enabled user named prefix + a short random suffix (sAMAccountName stays under AD's 20 characters). */
    public static ThrowawayUser create(DirectoryAdmin ad, String prefix) {
        String sam = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String password = "Passw0rd!" + Long.toString(System.nanoTime() % 100_000, 36);
        ad.createUser(sam, password, "Tess", "Throwaway", null);
        return new ThrowawayUser(ad, sam, password);
    }

    /** The same in another container, e.g. "OU=People", where the rights delegated on CN=Users do not reach. */
    public static ThrowawayUser createIn(DirectoryAdmin ad, String container, String prefix) {
        String sam = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String password = "Passw0rd!" + Long.toString(System.nanoTime() % 100_000, 36);
        ad.createUserIn(container, sam, password, "Tess", "Throwaway", null);
        return new ThrowawayUser(ad, sam, password);
    }

    public String sam() {
        return sam;
    }

    /** The UPN, which signs in unambiguously in either mode. */
    public String upn() {
        return ad.upnOf(sam);
    }

    public String password() {
        return password;
    }

    public void disableInAd() {
        ad.disable(sam);
    }

    public void deleteInAd() {
        ad.deleteUser(sam);
        deleted = true;
    }

    @Override
    public void close() {
        if (!deleted) ad.deleteUser(sam);
    }
}
