package org.overturn.payer.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PayerRepository extends JpaRepository<Payer, String> {
}
