package org.overturn.claim.x12;

import java.util.ArrayList;
import java.util.List;
import org.overturn.claim.ClaimStatusResponse;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;
import org.overturn.x12.X12Envelope;

/**
 * What a 277 claim status response makes of the shared {@link X12Envelope}: every group GS01 HN with GS08 005010X212,
 * every transaction set ST01 277. A 277CA (005010X214) is an acknowledgement and is refused here with that reason.
 * Trailer counts and control numbers that disagree are dropped, as real files carry them wrong (the stupidedi
 * sample's IEA02 differs from its ISA13).
 */
final class StatusResponseEnvelope implements X12Envelope.Kind<ClaimStatusAssembler> {

    private final List<ClaimStatusResponse> responses = new ArrayList<>();
    private String transactionType;

    List<ClaimStatusResponse> responses() {
        return responses;
    }

    @Override
    public void checkGroup(Segment gs) throws MalformedX12Exception {
        String functionalId = gs.requiredText(1, 2);
        if (!"HN".equals(functionalId)) {
            throw gs.error("functional group GS01 '" + functionalId + "' is not a 277 claim status response (GS01 HN)");
        }
        String version = gs.requiredText(8, 12);
        if (version.endsWith("X214")) {
            throw gs.error("a 277CA claim acknowledgement (GS08 " + version + "), not a 277 claim status response "
                    + "(005010X212)");
        }
        if (!version.endsWith("5010X212")) {
            throw gs.error("GS08 version '" + version + "' is not a 277 version this parser reads (005010X212)");
        }
    }

    @Override
    public void checkTransaction(Segment st) throws MalformedX12Exception {
        transactionType = st.requiredText(1, 3);
        if (!"277".equals(transactionType)) {
            throw st.error("transaction set ST01 '" + transactionType + "' is not a 277 (claim status response)");
        }
    }

    @Override
    public ClaimStatusAssembler openTransaction(Segment st, String controlNumber) {
        return new ClaimStatusAssembler(controlNumber);
    }

    @Override
    public void closeTransaction(ClaimStatusAssembler transaction, Segment se, List<String> warnings)
            throws MalformedX12Exception {
        responses.addAll(transaction.finish(se));
    }

    @Override
    public void outsideTransaction(Segment segment, boolean betweenGroups) throws MalformedX12Exception {
        throw segment.error(segment.tag() + " outside any transaction set (no open ST..SE)");
    }

    @Override
    public void end(int lastNumber, String lastTag) throws MalformedX12Exception {
        if (responses.isEmpty()) {
            throw new MalformedX12Exception(lastNumber, lastTag, "the file holds no claim status (STC) of a claim");
        }
    }
}
