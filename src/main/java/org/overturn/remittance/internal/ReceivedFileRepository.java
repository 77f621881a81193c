package org.overturn.remittance.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReceivedFileRepository extends JpaRepository<ReceivedFile, Long> {

    Optional<ReceivedFile> findBySha256(String sha256);

    List<ReceivedFile> findBySha256In(Collection<String> sha256s);
}
