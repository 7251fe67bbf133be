package net.adfederation.it.support;

import net.adfederation.embeddedad.SambaRequirement;

/**
 * The two calls the benchmark's BenchDirectory still makes after the tests moved to
 * {@link SambaRequirement} (merging h4 into h10 brought the benchmark without the move):
 * delegates to it. To go once BenchDirectory calls SambaRequirement itself.
 */
public final class Availability {

    private Availability() {
    }

    public static boolean reachable(String host, int port) {
        return SambaRequirement.reachable(host, port);
    }

    public static void require(boolean available, String what) {
        SambaRequirement.here().requireSamba(available, what, "up-trust");
    }
}
