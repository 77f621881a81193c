package org.overturn.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.junit.jupiter.api.Test;

/** Inserted rows' ids are checked as the engine checks them, without writing out every row first. */
class LazyInsertIdCheckTest {

    private final LazyInsertIdCheck.EntityManager entities =
            new LazyInsertIdCheck.EntityManager(mock(IdGenerator.class), mock(PersistenceSession.class));

    @Test
    void insertsARowWithAnIdWithoutWritingItOut() {
        Row row = new Row("4f2c-aa");

        entities.insert(row);

        assertThat(row.writtenOut).as("toString() of a row with a valid id").isZero();
    }

    @Test
    void refusesTheReservedIdWithTheEnginesOwnMessage() {
        assertThatThrownBy(() -> entities.insert(new Row("*"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Entity row * has an invalid id").hasMessageContaining("* is a reserved identifier");
    }

    /** A row whose id its generator left null is given one first, as the engine does, and then checked. */
    @Test
    void givesARowWithoutIdOneFromTheGeneratorFirst() {
        IdGenerator ids = () -> "generated-1";
        var withGenerator = new LazyInsertIdCheck.EntityManager(ids, mock(PersistenceSession.class));
        Row row = new Row(null);

        withGenerator.insert(row);

        assertThat(row.getId()).isEqualTo("generated-1");
        assertThat(row.writtenOut).isZero();
    }

    private static final class Row implements DbEntity {
        private String id;
        private int writtenOut;

        Row(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public Object getPersistentState() {
            return id;
        }

        @Override
        public String toString() {
            writtenOut++;
            return "row " + id;
        }
    }
}
