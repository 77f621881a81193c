package org.overturn;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each top-level package is a module: no cycles, and nobody reaches into another module's internals. */
class ModularityTests {

    final ApplicationModules modules = ApplicationModules.of(OverturnApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
