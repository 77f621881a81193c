package org.overturn.denial.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface DenialRepository extends JpaRepository<Denial, Long>, JpaSpecificationExecutor<Denial> {
}
