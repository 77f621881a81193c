package org.overturn.remittance.x12;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamReader;

import org.overturn.remittance.MalformedRemittanceException;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;

/**
 * Reads 835 files with StAEDI's streaming reader: one pass over the events, building the records as the
 * segments go by. StAEDI checks the envelope (control counts and numbers); the loops are followed here.
 */
public final class StaediRemittanceParser implements RemittanceParser {

    @Override
    public RemittanceFile parse(InputStream in) throws MalformedRemittanceException {
        Objects.requireNonNull(in, "in");
        try {
            InterchangeStream source = InterchangeStream.open(in);
            try (EDIStreamReader reader = newFactory().createEDIStreamReader(source, "UTF-8")) {
                SegmentStream segments = new SegmentStream(reader, source);
                Envelope envelope = new Envelope();
                for (Segment segment = segments.next(); segment != null; segment = segments.next()) {
                    envelope.accept(segment);
                }
                return new RemittanceFile(envelope.finish(segments.lastNumber(), segments.lastTag()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (io.xlate.edi.stream.EDIStreamException e) {
            // only the reader's creation throws this: "UTF-8" is always supported
            throw new IllegalStateException(e);
        }
    }

    private static EDIInputFactory newFactory() {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        // code values and lengths of envelope elements vary harmlessly between payers; what matters is checked here
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        return factory;
    }
}
