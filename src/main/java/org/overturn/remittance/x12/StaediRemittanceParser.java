package org.overturn.remittance.x12;

import java.io.InputStream;

import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;
import org.overturn.x12.X12Envelope;
import org.overturn.x12.X12Segments;

/**
 * Reads 835 files with StAEDI's streaming reader: one pass over the events, building the records as the
 * segments go by. StAEDI checks the envelope (control counts and numbers, which are warnings here); the loops are
 * followed here.
 */
public final class StaediRemittanceParser implements RemittanceParser {

    @Override
    public RemittanceFile parse(InputStream in) throws MalformedX12Exception {
        Reading reading = new Reading();
        try {
            X12Segments.read(in, reading);
        } catch (MalformedX12Exception e) {
            throw reading.envelope.refusal(e);
        }
        return reading.file;
    }

    private static final class Reading implements X12Segments.Handler {
        private final Envelope payments = new Envelope();
        private final X12Envelope<TransactionAssembler> envelope = new X12Envelope<>(payments);
        private RemittanceFile file;

        @Override
        public void accept(Segment segment) throws MalformedX12Exception {
            envelope.accept(segment);
        }

        @Override
        public void end(int lastNumber, String lastTag) throws MalformedX12Exception {
            envelope.finish(lastNumber, lastTag);
            file = payments.file();
        }
    }
}
