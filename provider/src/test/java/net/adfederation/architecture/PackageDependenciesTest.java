package net.adfederation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rule of ARCHITECTURE.md, checked on every build so it cannot drift back into
 * cycles: metrics <- directory <- common <- account <- {connector, trust, sync} <- {login, password, tokens, portal}.
 */
class PackageDependenciesTest {

    private static JavaClasses provider;

    @BeforeAll
    static void importProviderClasses() {
        provider = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("net.adfederation");
    }

    @Test
    void noPackageCycles() {
        slices().matching("net.adfederation.(*)..").should().beFreeOfCycles().check(provider);
    }

    @Test
    void dependenciesRunOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                // metrics (Micrometer meters) is below everything, the directory layer included
                .layer("metrics").definedBy("net.adfederation.metrics..")
                .layer("directory").definedBy("net.adfederation.directory..")
                .layer("common").definedBy("net.adfederation.common..")
                // events report what account, the modes and the pages see, so they sit beside account
                .layer("account").definedBy("net.adfederation.account..", "net.adfederation.events..")
                .layer("modes").definedBy("net.adfederation.connector..", "net.adfederation.trust..", "net.adfederation.sync..")
                .layer("pages").definedBy("net.adfederation.login..", "net.adfederation.password..",
                        "net.adfederation.tokens..", "net.adfederation.portal..")
                .whereLayer("pages").mayNotBeAccessedByAnyLayer()
                .whereLayer("modes").mayOnlyBeAccessedByLayers("pages")
                .whereLayer("account").mayOnlyBeAccessedByLayers("modes", "pages")
                .whereLayer("common").mayOnlyBeAccessedByLayers("account", "modes", "pages")
                .whereLayer("directory").mayOnlyBeAccessedByLayers("common", "account", "modes", "pages")
                .whereLayer("metrics").mayNotAccessAnyLayer()
                .check(provider);
    }

    /** The account package answers for both modes, so it may know neither. */
    @Test
    void accountKnowsNeitherMode() {
        noClasses().that().resideInAPackage("net.adfederation.account..")
                .should().dependOnClassesThat().resideInAnyPackage("net.adfederation.connector..", "net.adfederation.trust..")
                .check(provider);
    }

    /** AD semantics stay testable with a directory alone. */
    @Test
    void directoryKnowsNothingOfKeycloak() {
        noClasses().that().resideInAPackage("net.adfederation.directory..")
                .should().dependOnClassesThat().resideInAPackage("org.keycloak..")
                .check(provider);
    }

    /**
     * The sync reads and writes Keycloak's tables directly for speed; one class does it, so every
     * such query is in one place, bounded to the realm and component (sync.SyncStore).
     */
    @Test
    void onlyTheSyncStoreTouchesKeycloaksJpaEntities() {
        noClasses().that().doNotHaveFullyQualifiedName("net.adfederation.sync.SyncStore")
                .and().doNotHaveFullyQualifiedName("net.adfederation.sync.SyncStore$Row")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.keycloak.models.jpa..",
                        "org.keycloak.connections.jpa..")
                .check(provider);
    }
}
