package org.overturn.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerDurationFactoryTest {

    private final String before = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        } else {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
        }
    }

    @Test
    void namesTheJdksFactorySoTimersAreReadWithoutAClassPathScan() throws Exception {
        System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);

        new TimerDurationFactory().preInit(null);

        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
                .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        assertThat(DatatypeFactory.newInstance().getClass().getName())
                .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        // an SLA of three days, as the engine reads it
        Date start = new Date(0);
        assertThat(new DurationHelper("P3D", start).getDateAfter(start).getTime()).isEqualTo(3 * 86_400_000L);
    }

    @Test
    void leavesAFactoryNamedOnTheCommandLine() {
        System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "com.example.TheirFactory");

        new TimerDurationFactory().preInit(null);

        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo("com.example.TheirFactory");
    }
}
