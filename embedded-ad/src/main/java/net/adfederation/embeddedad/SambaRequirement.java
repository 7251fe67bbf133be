package net.adfederation.embeddedad;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need a real component (a Samba AD DC, or Chromium, which CI installs
 * beside it): skipped where it is missing, but failed where it is required, so that a dead DC cannot
 * pass as green in CI. Required means -Dadfed.requireSamba=true (the parent pom sets it when CI=true);
 * outside Maven, where the property is unset, CI=true alone. Used by the tests of embedded-ad, provider
 * and it-tests; JUnit is an optional dependency of this module, so only test classpaths load this class.
 */
public final class SambaRequirement {

    public static final String REQUIRED_PROPERTY = "adfed.requireSamba";
    /** Where the shared Samba script is, when it is not at ../shared/samba/ad-dc.sh beside the repository. */
    public static final String SCRIPT_PROPERTY = "adfed.sambaScript";
    public static final String SCRIPT_ENV = "ADFED_SAMBA_SCRIPT";
    static final String SCRIPT_BESIDE_REPOSITORY = "shared/samba/ad-dc.sh";

    private static final Map<String, Boolean> PROBED = new ConcurrentHashMap<>();

    private final boolean required;
    private final Path script;

    SambaRequirement(boolean required, Path script) {
        this.required = required;
        this.script = script;
    }

    /** The rule as this JVM is configured (system properties, then environment). */
    public static SambaRequirement here() {
        return new SambaRequirement(
                required(System.getProperty(REQUIRED_PROPERTY), System.getenv("CI")),
                script(firstSet(System.getProperty(SCRIPT_PROPERTY), System.getenv(SCRIPT_ENV)),
                        Path.of(System.getProperty("user.dir"))));
    }

    /** The property decides when set (Maven always sets it); only without it does CI=true count. */
    static boolean required(String property, String ciEnv) {
        return property != null ? Boolean.parseBoolean(property) : "true".equalsIgnoreCase(ciEnv);
    }

    /**
     * The configured path, else ../shared/samba/ad-dc.sh beside the repository, whose root is the
     * outermost directory of the unbroken chain of pom.xml files above the working directory (a module
     * directory under Surefire, the repository itself under ./demo.sh or .ci/run).
     */
    static Path script(String configured, Path workingDirectory) {
        if (configured != null) return Path.of(configured).toAbsolutePath().normalize();
        Path root = workingDirectory.toAbsolutePath().normalize();
        while (root.getParent() != null && Files.isRegularFile(root.getParent().resolve("pom.xml"))) {
            root = root.getParent();
        }
        return root.resolveSibling(SCRIPT_BESIDE_REPOSITORY);
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) return value;
        }
        return null;
    }

    public boolean required() {
        return required;
    }

    public Path script() {
        return script;
    }

    /** Skips the calling test when WHAT is missing, saying how to get it; fails it where WHAT is required. */
    public void require(boolean available, String what, String howToGetIt) {
        if (available) return;
        if (required) {
            Assertions.fail(what + " is required here (" + REQUIRED_PROPERTY + "=true, which CI=true sets)"
                    + " but is not available; " + howToGetIt);
        }
        Assumptions.abort(what + " is not available, so this test is skipped; " + howToGetIt + " to include it");
    }

    /** As {@link #require}, for what the shared Samba script provides with COMMAND (up, up-trust, ...). */
    public void requireSamba(boolean available, String what, String command) {
        require(available, what, startWith(command));
    }

    /** Skips or fails (see {@link #require}) unless a DC accepts connections on HOST:PORT. */
    public void requireDc(String host, int port, String command) {
        requireSamba(reachable(host, port), "the Samba AD DC on " + host + ":" + port, command);
    }

    /** How to start the DCs: the script's path, or where it was looked for and how to point to it. */
    String startWith(String command) {
        if (Files.isRegularFile(script)) return "start it with " + script + " " + command;
        return "start it with ../" + SCRIPT_BESIDE_REPOSITORY + " " + command + " (not found at " + script
                + "; set -D" + SCRIPT_PROPERTY + " or " + SCRIPT_ENV + " to its path)";
    }

    /**
     * Whether HOST:PORT accepts a TCP connection within a second; asked once per JVM and address,
     * as a DC does not come or go during a test run and each probe of a down one costs that second.
     */
    public static boolean reachable(String host, int port) {
        return PROBED.computeIfAbsent(host + ":" + port, address -> connects(host, port));
    }

    private static boolean connects(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
