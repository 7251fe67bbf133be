package net.adfederation.demo;

/**
 * Where the demo listens: Keycloak (HTTP and management), the demo application and the embedded
 * forests' DCs. ./demo.sh uses the defaults; DemoTest moves them so the demo can run beside the
 * test suite's own Keycloak on 8080/9000.
 */
public record DemoPorts(int keycloakHttp, int keycloakManagement, int application, int corpLdap, int partnerLdap) {

    /** 8080, 9000, 8089, 10389 and 11389, each overridable with a system property adfed.demo.*. */
    public static DemoPorts fromSystemProperties() {
        return new DemoPorts(Integer.getInteger("adfed.demo.httpPort", 8080),
                Integer.getInteger("adfed.demo.managementPort", 9000),
                Integer.getInteger("adfed.demo.appPort", 8089),
                Integer.getInteger("adfed.demo.adPort", 10389),
                Integer.getInteger("adfed.demo.partnerAdPort", 11389));
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakHttp;
    }

    public String applicationUrl() {
        return "http://localhost:" + application;
    }
}
