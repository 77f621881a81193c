package org.overturn.intake.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuarantinedFileRepository extends JpaRepository<QuarantinedFile, Long> {

    Page<QuarantinedFile> findAllByOrderByIdDesc(Pageable pageable);
}
