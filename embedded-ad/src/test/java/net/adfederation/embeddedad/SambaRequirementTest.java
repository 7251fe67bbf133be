package net.adfederation.embeddedad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SambaRequirementTest {

    @TempDir
    Path checkout;

    @Test
    void aMissingDcFailsWhereSambaIsRequiredNamingWhatIsMissingAndTheScript() throws IOException {
        Path script = sharedScriptBeside(repository());

        Throwable thrown = catchThrowable(() -> new SambaRequirement(true, script)
                .requireSamba(false, "the Samba AD DC on 127.0.0.2:389", "up"));

        // A failure, not an abort: JUnit would count an abort as skipped and CI would stay green.
        assertThat(thrown).isExactlyInstanceOf(AssertionFailedError.class).hasMessage(
                "the Samba AD DC on 127.0.0.2:389 is required here (adfed.requireSamba=true, which CI=true sets)"
                        + " but is not available; start it with " + script + " up");
    }

    @Test
    void aMissingDcSkipsWhereSambaIsNotRequired() throws IOException {
        Path script = sharedScriptBeside(repository());

        Throwable thrown = catchThrowable(() -> new SambaRequirement(false, script)
                .requireSamba(false, "the Samba AD DC on 127.0.0.2:389", "up-trust"));

        assertThat(thrown).isExactlyInstanceOf(TestAbortedException.class).hasMessage(
                "the Samba AD DC on 127.0.0.2:389 is not available, so this test is skipped;"
                        + " start it with " + script + " up-trust to include it");
    }

    @Test
    void anAvailableComponentNeitherSkipsNorFails() {
        assertThatCode(() -> new SambaRequirement(true, checkout).require(true, "Chromium", "install it"))
                .doesNotThrowAnyException();
        assertThatCode(() -> new SambaRequirement(false, checkout).require(true, "Chromium", "install it"))
                .doesNotThrowAnyException();
    }

    @Test
    void requiredFollowsThePropertyWhereSetAndCiOnlyWithoutIt() {
        assertThat(SambaRequirement.required("true", null)).isTrue();
        assertThat(SambaRequirement.required("false", "true")).isFalse();
        assertThat(SambaRequirement.required(null, "true")).isTrue();
        assertThat(SambaRequirement.required(null, null)).isFalse();
    }

    @Test
    void theScriptIsFoundBesideTheRepositoryFromAModuleOrItsRoot() throws IOException {
        Path repository = repository();
        Path script = sharedScriptBeside(repository);

        assertThat(SambaRequirement.script(null, repository.resolve("provider"))).isEqualTo(script);
        assertThat(SambaRequirement.script(null, repository)).isEqualTo(script);
        assertThat(SambaRequirement.script("/opt/samba/ad-dc.sh", repository)).isEqualTo(Path.of("/opt/samba/ad-dc.sh"));
    }

    @Test
    void aScriptThatIsNotThereIsNamedWithWhereItWasLookedForAndHowToPointToIt() {
        Path missing = checkout.resolve("shared/samba/ad-dc.sh");

        assertThat(new SambaRequirement(false, missing).startWith("up")).isEqualTo("start it with ../shared/samba/ad-dc.sh up"
                + " (not found at " + missing + "; set -Dadfed.sambaScript or ADFED_SAMBA_SCRIPT to its path)");
    }

    @Test
    void aPortIsReachableOnlyWhileSomethingListens() throws IOException {
        // Both ports are taken at once, so they differ (reachable() remembers each address's answer).
        try (ServerSocket listening = new ServerSocket(0)) {
            int closedPort;
            try (ServerSocket closed = new ServerSocket(0)) {
                closedPort = closed.getLocalPort();
            }
            assertThat(SambaRequirement.reachable("127.0.0.1", listening.getLocalPort())).isTrue();
            assertThat(SambaRequirement.reachable("127.0.0.1", closedPort)).isFalse();
        }
    }

    /** A clone as CI lays it out: checkout/repo with a module, and checkout/shared/samba beside it. */
    private Path repository() throws IOException {
        Path repository = Files.createDirectories(checkout.resolve("repo"));
        Files.writeString(repository.resolve("pom.xml"), "<project/>");
        Files.writeString(Files.createDirectories(repository.resolve("provider")).resolve("pom.xml"), "<project/>");
        return repository;
    }

    private Path sharedScriptBeside(Path repository) throws IOException {
        Path script = Files.createDirectories(repository.resolveSibling("shared/samba")).resolve("ad-dc.sh");
        Files.writeString(script, "#!/bin/sh\n");
        return script;
    }
}
