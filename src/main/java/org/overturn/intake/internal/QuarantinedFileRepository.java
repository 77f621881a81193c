package org.overturn.intake.internal;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface QuarantinedFileRepository extends JpaRepository<QuarantinedFile, Long> {

    Page<QuarantinedFile> findAllByOrderByIdDesc(Pageable pageable);

    @Query("select min(f.id) from QuarantinedFile f where f.sha256 = :sha256")
    Optional<Long> findIdBySha256(String sha256);
}
