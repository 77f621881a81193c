package org.overturn.workflow.internal;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own XML datatype factory before the engine starts. The engine reads each timer's ISO 8601
 * duration (every user task has an SLA timer) with a new {@link DatatypeFactory}, and without this property
 * {@code DatatypeFactory.newInstance()} looks for a provider by scanning every jar on the class path: 14% of the
 * job executor's time while a file's denials reached their first tasks. A factory named on the command line wins.
 */
@Component
class TimerDurationFactory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }
}
