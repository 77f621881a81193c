package org.overturn.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks every row it inserts for an id that is null or the reserved {@code *}, but first writes the
 * message it would throw, {@code "Entity " + entity + " has an invalid id"}: the entity's {@code toString()}, all
 * its fields, for every execution, variable, task and history row. In stack samples of a 50,000-claim file's
 * ingestion that string was 5% of the ingesting thread's CPU (issue 20). This plugin gives the engine an entity
 * manager that asks the engine's own check only for an id that fails it, so the same ids are refused with the same
 * exception and message, and no message is built for the others.
 * <p>
 * {@code DbEntityManager} and its factory are the engine's internal classes ({@code impl.db}), replaced through
 * the documented custom session factories: the factory is registered for the same session type and overrides the
 * engine's. The Operaton fork keeps both under the same names.
 */
@Component
class LazyInsertIdCheck extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new Factory());
        configuration.setCustomSessionFactories(factories);
    }

    /** Opens the engine's entity manager, with the id check below; the id generator is read when it exists. */
    static final class Factory extends DbEntityManagerFactory {

        Factory() {
            super(null);
        }

        @Override
        public DbEntityManager openSession() {
            return new EntityManager(Context.getProcessEngineConfiguration().getIdGenerator(),
                    Context.getCommandContext().getSession(PersistenceSession.class));
        }
    }

    static final class EntityManager extends DbEntityManager {

        EntityManager(org.camunda.bpm.engine.impl.cfg.IdGenerator ids, PersistenceSession persistence) {
            super(ids, persistence);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(entity);
            }
        }
    }
}
