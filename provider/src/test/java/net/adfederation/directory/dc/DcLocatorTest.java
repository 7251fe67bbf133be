package net.adfederation.directory.dc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.List;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.SambaDc;
import org.junit.jupiter.api.Test;

/** DC location by SRV records: ordering rules alone, and Samba's internal DNS on 127.0.0.2. */
class DcLocatorTest {

    private static DcLocator.SrvRecord srv(String text) {
        return DcLocator.SrvRecord.parse(text);
    }

    @Test
    void lowerPriorityFirstThenHigherWeight() {
        List<DcLocator.SrvRecord> records = List.of(srv("10 100 389 dc3.corp.example.test."),
                srv("0 10 389 dc2.corp.example.test."), srv("0 90 389 DC1.corp.example.test."));

        assertThat(DcLocator.urls(records, false)).containsExactly(URI.create("ldap://dc1.corp.example.test:389"),
                URI.create("ldap://dc2.corp.example.test:389"), URI.create("ldap://dc3.corp.example.test:389"));
        assertThat(DcLocator.urls(records, true)).first().isEqualTo(URI.create("ldaps://dc1.corp.example.test:636"));
    }

    @Test
    void aHostListedTwiceIsTriedOnce() {
        assertThat(DcLocator.urls(List.of(srv("0 100 389 dc1.corp.example.test."),
                srv("5 100 389 dc1.corp.example.test.")), false)).hasSize(1);
    }

    @Test
    void locatesCorpDcThroughSambaDns() {
        SambaDc.assumeRunning();

        assertThat(new DcLocator("dns://127.0.0.2").locate("CORP.example.test", true))
                .containsExactly(URI.create("ldaps://dc1.corp.example.test:636"));
        assertThat(new DcLocator("dns://127.0.0.2").locate(SambaDc.DOMAIN, false))
                .containsExactly(URI.create("ldap://dc1.corp.example.test:389"));
    }

    @Test
    void locatedUrlsOpenTheDomain() {
        SambaDc.assumeRunning();
        List<URI> urls = new DcLocator("dns://127.0.0.2").locate(SambaDc.DOMAIN, true);

        try (AdDomain corp = AdDomain.connect(SambaDc.settings(urls.stream().map(URI::toString).toArray(String[]::new)))) {
            assertThat(corp.info().netbiosName()).isEqualTo(SambaDc.NETBIOS);
        }
    }

    @Test
    void domainWithoutSrvRecordIsUnreachableSayingSo() {
        SambaDc.assumeRunning();
        DirectoryException missing = catchThrowableOfType(
                () -> new DcLocator("dns://127.0.0.2").locate("nowhere.corp.example.test", false), DirectoryException.class);

        assertThat(missing.problem()).isEqualTo(DirectoryProblem.UNREACHABLE);
        assertThat(missing.getMessage()).contains("_ldap._tcp.dc._msdcs.nowhere.corp.example.test");
    }
}
