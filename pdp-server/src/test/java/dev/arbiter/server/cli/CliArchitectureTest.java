package dev.arbiter.server.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The policy tool runs without a server: offline commands use the engine, the check codec and
 * the policy documents the server uses, and never its database, its sync or its HTTP server.
 */
class CliArchitectureTest {

    @Test
    void theToolNeedsNoServerParts() {
        noClasses().that().resideInAPackage("dev.arbiter.server.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "java.sql..", "javax.sql..",
                        "dev.arbiter.store.jdbc..", "dev.arbiter.server.db..", "dev.arbiter.server.sync..",
                        "dev.arbiter.server.http..", "dev.arbiter.server.service..", "dev.arbiter.server.audit..",
                        "dev.arbiter.server.auth..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.arbiter.server"));
    }
}
