package org.overturn.remittance.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RemittanceRepository extends JpaRepository<StoredRemittance, Long> {

    @Query("select count(r) > 0 from StoredRemittance r where r.traceNumber = :trace "
            + "and (r.payerId = :payerId or (r.payerId is null and :payerId is null))")
    boolean existsPayment(@Param("payerId") String payerId, @Param("trace") String trace);

    @Query("select r from StoredRemittance r join fetch r.file order by r.id desc")
    Page<StoredRemittance> findLatest(Pageable pageable);

    /** The latest remittances of these practices (the access gate's practices of a user). */
    @Query(value = "select r from StoredRemittance r join fetch r.file where r.practiceId in :practiceIds order by r.id desc",
            countQuery = "select count(r) from StoredRemittance r where r.practiceId in :practiceIds")
    Page<StoredRemittance> findLatestOf(@Param("practiceIds") java.util.Collection<Long> practiceIds,
                                        Pageable pageable);

    /**
     * Points each reversal (CLP02 22) of the file at the payment it takes back: the latest earlier payment from
     * the same payer for the same patient control number, with the same payer claim control number when the
     * reversal carries one.
     */
    @Modifying(flushAutomatically = true)
    @NativeQuery("""
            update claim_payment r set reverses_id = (
                select o.id from claim_payment o join remittance ro on ro.id = o.remittance_id
                 where o.patient_control_number = r.patient_control_number
                   and ro.payer_id is not distinct from rr.payer_id
                   and o.status <> '22' and o.id < r.id
                   and (r.payer_claim_control_number is null
                        or o.payer_claim_control_number = r.payer_claim_control_number)
                 order by o.id desc limit 1)
              from remittance rr
             where rr.id = r.remittance_id and rr.file_id = :fileId and r.status = '22'
            """)
    int linkReversalsOf(@Param("fileId") long fileId);

    @NativeQuery("""
            select r.id, r.reverses_id from claim_payment r join remittance rr on rr.id = r.remittance_id
             where rr.file_id = :fileId and r.reverses_id is not null
            """)
    List<Object[]> reversalLinks(@Param("fileId") long fileId);

    default Map<Long, Long> linkReversals(long fileId) {
        linkReversalsOf(fileId);
        return reversalLinks(fileId).stream().collect(Collectors.toMap(
                row -> ((Number) row[0]).longValue(), row -> ((Number) row[1]).longValue()));
    }
}
