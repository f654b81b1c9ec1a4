package io.idp.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.idp.platform.config.wrongway.ConfigReadingTheStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The product's classes hold to {@link Architecture}; and the same rules, given one class that
 * imports the wrong way, fail naming it and the class it should not use.
 */
class ArchitectureTest {
    static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(Architecture.ROOT);
    }

    @Test
    void theProductHasThePackagesTheRulesName() {
        for (var pkg : new String[]{"config", "support", "contract", "components", "gitops", "stacks",
                "local", "local.cloud", "cli", "policy", "graph", "validation", "bench"}) {
            assertTrue(product.containPackage(Architecture.ROOT + "." + pkg), "no package " + pkg + ": the rules would guard nothing");
        }
        assertTrue(product.contain(Architecture.ROOT + ".PlatformProgram"));
        assertTrue(product.contain(Architecture.ROOT + ".Main"));
    }

    @Test
    void everyDependencyGoesDownTheLayers() {
        Architecture.layers().check(product);
    }

    @Test
    void noPackagesDependOnEachOther() {
        Architecture.noCycles().check(product);
    }

    @Test
    void aWrongWayImportFailsTheLayersNamingBothClasses() {
        var withFixture = withWrongWayFixture();
        var result = Architecture.layers().evaluate(withFixture);
        assertTrue(result.hasViolation(), "a config class using the stacks passed the layers");
        var violations = result.getFailureReport().getDetails();
        assertEquals(1, violations.stream().filter(line -> line.contains(ConfigReadingTheStacks.class.getName())).count(),
                String.join("\n", violations));
        var line = violations.stream().filter(l -> l.contains(ConfigReadingTheStacks.class.getName())).findFirst().orElseThrow();
        assertTrue(line.contains("<io.idp.platform.stacks.ManagementStack>"), line);
        assertEquals(1, violations.size(), "only the fixture is wrong:\n" + String.join("\n", violations));
    }

    @Test
    void aWrongWayImportFailsTheCycleRuleNamingBothClasses() {
        var result = Architecture.noCycles().evaluate(withWrongWayFixture());
        assertTrue(result.hasViolation(), "config -> stacks -> config passed as no cycle");
        var report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains("package config") && report.contains("package stacks"), report);
        assertTrue(report.contains(ConfigReadingTheStacks.class.getName()) && report.contains("io.idp.platform.stacks.ManagementStack"), report);
    }

    /** The product's classes and the one test class that imports the wrong way. */
    private static JavaClasses withWrongWayFixture() {
        var fixturePackage = "/" + ConfigReadingTheStacks.class.getPackageName().replace('.', '/') + "/";
        return new ClassFileImporter()
                .withImportOption(location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                        || location.contains(fixturePackage))
                .importPackages(Architecture.ROOT);
    }
}
