package net.adfederation.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Assumptions;

/**
 * Decides what a test does when a real component (a Samba DC, Chromium) is missing: skip on a laptop,
 * fail where it is required (CI sets adfed.requireSamba=true, so nothing silently skips there).
 */
public final class Availability {

    private Availability() {
    }

    public static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void require(boolean available, String what) {
        require(available, what, "run ../shared/samba/ad-dc.sh up");
    }

    /** Skips when WHAT is missing (saying how to get it), or fails where real components are required. */
    public static void require(boolean available, String what, String howToGetIt) {
        if (available) return;
        if (Boolean.getBoolean("adfed.requireSamba")) {
            throw new AssertionError(what + " is required here (adfed.requireSamba=true) but is not available");
        }
        Assumptions.abort(what + " is not available; " + howToGetIt + " to include these tests");
    }
}
