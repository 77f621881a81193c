package org.overturn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module: no cycles, each depends only on the modules its {@code package-info} allows,
 * and nobody reaches into another module's internals. The process engine stays inside the modules that run
 * processes, so that a move to a maintained fork of Camunda 7 touches them and few others.
 */
class ModularityTests {

    final ApplicationModules modules = ApplicationModules.of(OverturnApplication.class);
    final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.overturn");

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    /**
     * The engine's API (processes, tasks, identity, its webapps) is used by workflow, parity, worklist, recoupment and
     * claimstatus, which run processes; by security and accounts, because the engine's identity store holds the users;
     * by the demo, which replays a clinic's months through the engine; and by the one clock. Everything else goes through their APIs.
     * The DMN engine alone (decision tables without processes) is allowed where tables are evaluated.
     */
    @Test
    void onlyTheModulesThatRunProcessesUseTheProcessEngine() {
        noClasses().that().resideOutsideOfPackages("org.overturn.workflow..", "org.overturn.parity..",
                        "org.overturn.worklist..", "org.overturn.security..", "org.overturn.accounts..",
                        "org.overturn.demo..", "org.overturn.recoupment..",
                        "org.overturn.claimstatus..")
                .and().doNotHaveFullyQualifiedName("org.overturn.system.ClockConfiguration")
                .and().doNotHaveFullyQualifiedName("org.overturn.system.ClockConfiguration$EngineClock")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine..",
                        "org.camunda.bpm.webapp..", "org.camunda.bpm.spring..")
                .because("the engine stays behind the modules that run processes")
                .check(classes);
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
