package net.adfederation.directory;

/** Runs AdDomain.connect where a test expects it to fail, and hands back the failure. */
final class ConnectAttempt {

    private ConnectAttempt() {
    }

    static DirectoryException failure(DomainSettings settings) {
        try (AdDomain unexpected = AdDomain.connect(settings)) {
            throw new AssertionError("connected, but expected a failure: " + unexpected.info());
        } catch (DirectoryException expected) {
            return expected;
        }
    }
}
