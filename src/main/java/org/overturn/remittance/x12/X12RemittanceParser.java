package org.overturn.remittance.x12;

import java.io.InputStream;

import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.X12Envelope;
import org.overturn.x12.X12Segments;

/**
 * Reads 835 files in one streaming pass over their segments ({@link X12Segments}, which replaced StAEDI's reader
 * for speed and kept the name), building the records as the segments go by. {@link X12Envelope} checks the
 * envelope (control counts and numbers, which are warnings here); the loops are followed here.
 */
public final class X12RemittanceParser implements RemittanceParser {

    @Override
    public RemittanceFile parse(InputStream in) throws MalformedX12Exception {
        Envelope payments = new Envelope();
        X12Envelope<TransactionAssembler> envelope = new X12Envelope<>(payments);
        try {
            X12Segments.read(in, envelope);
        } catch (MalformedX12Exception e) {
            throw envelope.refusal(e);
        }
        return payments.file();
    }
}
