package dev.arbiter.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers: front doors translate transport to the services' records; the services own each
 * operation; the engine is plain Java that knows nothing of HTTP, JSON or the database; the
 * decision log's write path, queries and integrity checks stand apart.
 */
class ArchitectureTest {

    private static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.arbiter.server", "dev.arbiter.store");
    }

    @Test
    void theEngineIsPlainJava() {
        noClasses().that().resideInAPackage("dev.arbiter.server.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "java.sql..",
                        "javax.sql..", "com.fasterxml.jackson..", "dev.arbiter.store.jdbc..",
                        "dev.arbiter.server.http..", "dev.arbiter.server.service..", "dev.arbiter.server.audit..",
                        "dev.arbiter.server.sync..", "dev.arbiter.server.db..", "dev.arbiter.server.check..")
                .check(server);
    }

    @Test
    void thePolicyModelNeedsNoDatabase() {
        noClasses().that().resideInAPackage("dev.arbiter.store.model..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..",
                        "org.flywaydb..", "dev.arbiter.store.jdbc..")
                .check(server);
    }

    @Test
    void frontDoorsOnlyTranslate() {
        noClasses().that().resideInAnyPackage("dev.arbiter.server.http..", "dev.arbiter.server.authzen..",
                        "dev.arbiter.server.extauthz..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cel..", "dev.arbiter.server.sync..",
                        "dev.arbiter.server.db..", "java.sql..", "javax.sql..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleName("DecisionEngine")
                .orShould().dependOnClassesThat().haveSimpleName("PolicyCompiler")
                .orShould().dependOnClassesThat().haveSimpleName("Blocking")
                .check(server);
    }

    @Test
    void servicesKnowNoTransport() {
        noClasses().that().resideInAnyPackage("dev.arbiter.server.service..", "dev.arbiter.server.check..",
                        "dev.arbiter.server.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx.ext.web..", "io.vertx.core.http..",
                        "dev.arbiter.server.http..")
                .check(server);
    }

    @Test
    void onlyTheMetricsPackageKnowsTheMetricsLibrary() {
        noClasses().that().resideOutsideOfPackage("dev.arbiter.server.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.vertx.micrometer..",
                        "io.prometheus..")
                .check(server);
    }

    @Test
    void onlyTheTracingPackageKnowsOpenTelemetry() {
        noClasses().that().resideOutsideOfPackage("dev.arbiter.server.tracing..")
                .should().dependOnClassesThat().resideInAnyPackage("io.opentelemetry..")
                .check(server);
    }

    @Test
    void theDecisionLogsPartsStandApart() {
        noClasses().that().resideInAnyPackage("dev.arbiter.server.audit.query..",
                        "dev.arbiter.server.audit.integrity..")
                .should().dependOnClassesThat().resideInAPackage("dev.arbiter.server.audit.write..")
                .check(server);
    }

    @Test
    void noClassIsLongerThanThreeHundredLines() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> tooLong = files.filter(path -> path.toString().endsWith(".java"))
                    .filter(ArchitectureTest::longerThanThreeHundredLines)
                    .map(path -> sources.relativize(path).toString())
                    .toList();
            assertEquals(List.of(), tooLong);
        }
    }

    private static boolean longerThanThreeHundredLines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count() > 300;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
