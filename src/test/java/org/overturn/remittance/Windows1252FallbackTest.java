package org.overturn.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class Windows1252FallbackTest {

    static final String FILE = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *260101*1200*^*00501*000000321*0*P*:~"
            + "GS*HP*PAYER*CLINIC*20260101*1200*321*X*005010X221A1~ST*835*0001~"
            + "BPR*I*100*C*ACH*CCP*01*111*DA*33*1234567890**01*111*DA*22*20260101~TRN*1*W1252-1*1234567890~"
            + "N1*PR*ACME HEALTH~REF*2U*ACME01~N1*PE*CLINIC*XX*1234567893~LX*1~"
            + "CLP*PCN-1*1*150*100*0*12*ICN-1~CAS*CO*45*50~NM1*QC*1*NU\u00d1EZ*JOS\u00c9****MI*M1~"
            + "SVC*HC:90837*150*100**1~DTM*472*20251215~"
            + "SE*13*0001~GE*1*321~IEA*1*000000321~";

    @Test
    void readsANameWrittenInWindows1252InsteadOfRefusingTheFile() throws Exception {
        byte[] bytes = FILE.getBytes(Charset.forName("windows-1252"));

        RemittanceFile parsed = RemittanceParser.standard().parse(bytes);

        assertThat(parsed.transactions().get(0).claims().get(0).patient().last()).isEqualTo("NU\u00d1EZ");
        assertThat(parsed.transactions().get(0).claims().get(0).patient().first()).isEqualTo("JOS\u00c9");
    }

    @Test
    void readsUtf8AsUtf8() throws Exception {
        RemittanceFile parsed = RemittanceParser.standard().parse(FILE.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(parsed.transactions().get(0).claims().get(0).patient().last()).isEqualTo("NU\u00d1EZ");
    }
}
