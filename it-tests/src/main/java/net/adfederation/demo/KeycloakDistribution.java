package net.adfederation.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Keycloak distribution unpacked from the zip that Maven fetched, with our provider JAR in
 * providers/ and a realm file in data/import/. Unpacked once; the JAR and realm are refreshed
 * at every start so a rebuilt provider is what runs. The demo and the realm-file import test use it.
 */
public final class KeycloakDistribution {

    private final Path home;

    private KeycloakDistribution(Path home) {
        this.home = home;
    }

    /** Unpacks the zip under {@code into} unless an earlier run already did. */
    public static KeycloakDistribution unpack(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry first = in.getNextEntry();
            if (first == null) throw new IOException("empty Keycloak distribution: " + zip);
            Path home = into.resolve(Path.of(first.getName()).getName(0).toString());
            if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
                for (ZipEntry e = first; e != null; e = in.getNextEntry()) {
                    extract(in, e, into);
                }
                home.resolve("bin/kc.sh").toFile().setExecutable(true);
            }
            return new KeycloakDistribution(home);
        }
    }

    private static void extract(InputStream in, ZipEntry entry, Path into) throws IOException {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) throw new IOException("zip entry outside the target: " + entry.getName());
        if (entry.isDirectory()) {
            Files.createDirectories(target);
        } else {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public Path home() {
        return home;
    }

    public void deployProvider(Path jar) throws IOException {
        Files.createDirectories(home.resolve("providers"));
        Files.copy(jar, home.resolve("providers").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    public void addRealmImport(Path realmFile) throws IOException {
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
