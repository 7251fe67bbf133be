package net.adfederation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of {@link PackageRules}, checked on every build so they cannot drift: the code
 * against the table, the floors of ARCHITECTURE.md (metrics <- directory and its rooms <- common <-
 * account/events <- {connector, trust, sync} <- {login, password, tokens, portal}), and the texts
 * (each package-info, the README's "Layout" block) against the table. With
 * {@code -Dpackage.rules.write=true} the texts are rewritten from the table instead.
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

    /** The rooms of directory share its types but not its entry point, which builds them. */
    @Test
    void directoryRoomsDoNotUseTheirFacade() {
        noClasses().that().resideInAnyPackage("net.adfederation.directory.*..")
                .should().dependOnClassesThat().haveFullyQualifiedName("net.adfederation.directory.AdDomain")
                .check(provider);
    }

    /** AD semantics stay testable with a directory alone. */
    @Test
    void directoryKnowsNothingOfKeycloak() {
        noClasses().that().resideInAPackage("net.adfederation.directory..")
                .should().dependOnClassesThat().resideInAPackage("org.keycloak..")
                .check(provider);
    }
    private static final boolean WRITE = Boolean.getBoolean("package.rules.write");
    /** Surefire runs in the provider module. */
    private static final Path SOURCES = Path.of("src/main/java/net/adfederation");
    private static final Path README = Path.of("../README.md");

    @Test
    void everyPackageHasARule() {
        Set<String> packages = provider.stream().map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(PackageRules.ROOT + "."))
                .map(name -> name.substring(PackageRules.ROOT.length() + 1))
                // the provider's own packages, not those of modules on its class path (embedded-ad)
                .filter(pkg -> Files.isDirectory(SOURCES.resolve(pkg.replace('.', '/'))))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).containsExactlyInAnyOrderElementsOf(PackageRules.USES.keySet());
    }

    @Test
    void eachPackageUsesOnlyWhatItsRuleSays() {
        PackageRules.USES.forEach((pkg, uses) -> {
            List<String> others = PackageRules.USES.keySet().stream()
                    .filter(other -> !other.equals(pkg) && !uses.contains(other))
                    .map(other -> PackageRules.ROOT + "." + other)
                    .toList();
            noClasses().that().resideInAPackage(PackageRules.ROOT + "." + pkg)
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .because("its rule in PackageRules: " + PackageRules.text(pkg))
                    .check(provider);
        });
    }

    @Test
    void eachPackageInfoStatesItsRule() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String pkg : PackageRules.USES.keySet()) {
            Path file = SOURCES.resolve(pkg.replace('.', '/')).resolve("package-info.java");
            String text = Files.readString(file);
            String line = PackageRules.packageInfoLine(pkg);
            if (text.contains(line + "\n")) continue;
            if (WRITE) {
                Files.writeString(file, withRuleLine(text, line));
            } else {
                wrong.add(file + " should say: " + line);
            }
        }
        assertThat(wrong).as("package-info texts that differ from PackageRules (-Dpackage.rules.write=true rewrites them)")
                .isEmpty();
    }

    @Test
    void readmeLayoutStatesTheRules() throws IOException {
        String readme = Files.readString(README);
        String block = PackageRules.readmeBlock();
        if (readme.contains(block)) return;
        int start = readme.indexOf(PackageRules.README_HEADER);
        if (WRITE && start >= 0) {
            int end = readme.indexOf("\n\n", start);
            int fence = readme.indexOf("\n```", start);
            end = end < 0 || (fence >= 0 && fence < end) ? fence + 1 : end + 1;
            Files.writeString(README, readme.substring(0, start) + block + readme.substring(end));
            return;
        }
        assertThat(readme).as("README.md's Layout block (-Dpackage.rules.write=true rewrites it)").contains(block);
    }

    /** Replaces the rule line (or an older "May use" sentence), or adds it at the end of the comment. */
    private static String withRuleLine(String text, String line) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(" * Package rule:") || lines.get(i).startsWith(" * May use")) {
                lines.set(i, line);
                return String.join("\n", lines);
            }
        }
        int close = lines.indexOf(" */");
        lines.add(close, line);
        return String.join("\n", lines);
    }
}
