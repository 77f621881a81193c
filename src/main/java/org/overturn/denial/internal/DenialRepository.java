package org.overturn.denial.internal;

import jakarta.persistence.QueryHint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

public interface DenialRepository extends JpaRepository<Denial, Long>, JpaSpecificationExecutor<Denial> {

    /**
     * For reading only: loaded read-only, so that the thousands a file's ingestion looks at cost nothing when
     * its transaction flushes.
     */
    @Query("select d from Denial d where d.id = :id")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    Optional<Denial> findForReading(@Param("id") long id);

    @Query("select d from Denial d where d.id in :ids")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    List<Denial> findAllForReading(@Param("ids") Collection<Long> ids);
}
