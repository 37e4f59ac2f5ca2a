package asyncbench.layers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers read top to bottom: cli -> {runner, report} -> catalog -> experiments -> {model, os, sync,
 * load, server}; results (the saved format) and the statistics depend on nothing above them.
 */
class LayersTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMain() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("asyncbench");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void theReportDoesNotReachIntoTheRunner() {
        check(noClasses().that().resideInAPackage("asyncbench.report..").should().dependOnClassesThat()
                .resideInAPackage("asyncbench.runner.."));
    }

    @Test
    void savedResultsDependOnNothingAbove() {
        check(noClasses().that().resideInAPackage("asyncbench.result..").should().dependOnClassesThat()
                .resideInAnyPackage("asyncbench.experiment..", "asyncbench.runner..", "asyncbench.report..",
                        "asyncbench.cli..", "asyncbench.catalog..", "asyncbench.stats..", "asyncbench.model.."));
    }

    @Test
    void theCommandLineUsesNoExperimentsInternals() {
        check(noClasses().that().resideInAPackage("asyncbench.cli..").should().dependOnClassesThat()
                .resideInAPackage("asyncbench.experiment.(*).."));
    }

    @Test
    void experimentsKnowNothingOfRunsOrReports() {
        check(noClasses().that().resideInAPackage("asyncbench.experiment..").should().dependOnClassesThat()
                .resideInAnyPackage("asyncbench.runner..", "asyncbench.report..", "asyncbench.cli..", "asyncbench.catalog.."));
    }

    @Test
    void theFoundationsKnowNothingOfExperiments() {
        check(noClasses().that().resideInAnyPackage("asyncbench.model..", "asyncbench.os..", "asyncbench.sync..",
                "asyncbench.load..", "asyncbench.server..").should().dependOnClassesThat()
                .resideInAnyPackage("asyncbench.experiment..", "asyncbench.runner..", "asyncbench.report..", "asyncbench.cli.."));
    }
}
