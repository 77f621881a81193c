package org.overturn.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The license level a NUCC taxonomy code tells, as {@code claim/provider-taxonomy.csv} lists it. */
class ProviderCredentialTest {

    private static final Pattern NUCC_CODE = Pattern.compile("[0-9A-Z]{9}X");

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "2084P0800X|PSYCHIATRIST",
            "2084P0802X|PSYCHIATRIST",
            "2084P0804X|PSYCHIATRIST",
            "2084P0805X|PSYCHIATRIST",
            "2084F0202X|PSYCHIATRIST",
            "2084P0015X|PSYCHIATRIST",
            "2084A0401X|PHYSICIAN",
            "207LA0401X|PHYSICIAN",
            "207Q00000X|PHYSICIAN",
            "207R00000X|PHYSICIAN",
            "2084B0040X|PHYSICIAN",
            "103T00000X|PSYCHOLOGIST",
            "103TC0700X|PSYCHOLOGIST",
            "103TC2200X|PSYCHOLOGIST",
            "103G00000X|PSYCHOLOGIST",
            "1041C0700X|LCSW",
            "104100000X|SOCIAL_WORKER",
            "1041S0200X|SOCIAL_WORKER",
            "101YM0800X|LPC",
            "101YP2500X|LPC",
            "101YA0400X|ADDICTION_COUNSELOR",
            "101Y00000X|COUNSELOR",
            "101YP1600X|COUNSELOR",
            "101YS0200X|COUNSELOR",
            "106H00000X|LMFT",
            "363LP0808X|PSYCHIATRIC_NURSE_PRACTITIONER",
            "363L00000X|NURSE_PRACTITIONER",
            "363LF0000X|NURSE_PRACTITIONER",
            "363LP0200X|NURSE_PRACTITIONER",
            "364SP0808X|CLINICAL_NURSE_SPECIALIST",
            "364SP0807X|CLINICAL_NURSE_SPECIALIST",
            "364SP0813X|CLINICAL_NURSE_SPECIALIST",
            "363A00000X|PHYSICIAN_ASSISTANT",
            "363AM0700X|PHYSICIAN_ASSISTANT",
            "103K00000X|BEHAVIOR_ANALYST",
            "106E00000X|ASSISTANT_BEHAVIOR_ANALYST",
            "106S00000X|BEHAVIOR_TECHNICIAN",
            "175T00000X|PEER_SPECIALIST",
            "261QM0801X|FACILITY",
            "261QM0850X|FACILITY",
            "261QR0405X|FACILITY",
            "324500000X|FACILITY",
            "3245S0500X|FACILITY",
            "323P00000X|FACILITY",
            "283Q00000X|FACILITY",
            "273R00000X|FACILITY",
            "251S00000X|FACILITY",
            "320800000X|FACILITY",
            "320900000X|FACILITY",
            // as a hand-typed form may carry them: lower case
            "2084p0800x|PSYCHIATRIST",
            "1041c0700x|LCSW",
            "101ym0800x|LPC",
            "363lp0808x|PSYCHIATRIC_NURSE_PRACTITIONER",
            "3245s0500x|FACILITY"})
    void tellsTheLicenseLevelOfATaxonomyCode(String taxonomy, ProviderCredential expected) {
        assertThat(ProviderCredential.ofTaxonomy(taxonomy)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] padded or lower case")
    @ValueSource(strings = {" 1041C0700X", "1041C0700X ", "\t1041C0700X\t", "\n1041c0700x\r\n", "  1041c0700X  "})
    void readsACodePaddedWithWhitespaceOrInLowerCase(String taxonomy) {
        assertThat(taxonomy).isNotEqualTo("1041C0700X");

        assertThat(ProviderCredential.ofTaxonomy(taxonomy)).isEqualTo(ProviderCredential.LCSW);
    }

    @ParameterizedTest(name = "''{0}'' tells none")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void blankTellsNone(String taxonomy) {
        assertThat(ProviderCredential.ofTaxonomy(taxonomy)).isNull();
    }

    @ParameterizedTest(name = "''{0}'' tells none")
    @ValueSource(strings = {
            "ZZZZZZZZZX", // not a NUCC code
            "2084P0800", // truncated
            "2084P0800XX", // too long
            "2084P 0800X", // a space inside
            "193400000X", // a real code (single-specialty group) that tells no license level
            "207X00000X", // a real physician code (orthopaedic surgery) not in the list
            "101YP0004X", // not a NUCC code, though web pages give it for "Professional Counselor"
            "103TP2700X", // NUCC Psychologist, Psychotherapy: inactive since 2007
            "103GC0700X"}) // NUCC Clinical Neuropsychologist, Clinical: inactive since 2007
    void anUnknownCodeTellsNone(String taxonomy) {
        assertThat(ProviderCredential.ofTaxonomy(taxonomy)).isNull();
    }

    @Test
    void everyLineOfTheListIsAWellFormedNuccCodeWithACredential() throws IOException {
        List<String[]> entries = entries();

        assertThat(entries).hasSizeGreaterThan(100);
        Set<String> codes = new HashSet<>();
        for (String[] entry : entries) {
            assertThat(entry).as("line %s", String.join(",", entry)).hasSize(3);
            String code = entry[0];
            assertThat(code).as("code of %s", String.join(",", entry)).matches(NUCC_CODE);
            assertThat(credentialNamed(entry[1])).as("credential of %s", code).isNotNull();
            assertThat(entry[2]).as("name of %s", code).isNotBlank().isEqualTo(entry[2].strip());
            assertThat(codes.add(code)).as("%s is listed once", code).isTrue();
            assertThat(ProviderCredential.ofTaxonomy(code)).as("credential read for %s", code)
                    .isEqualTo(ProviderCredential.valueOf(entry[1]));
        }
    }

    @Test
    void theListNamesItsSourceAndItsHeader() throws IOException {
        String text = listText();

        assertThat(text).contains("\ncode,credential,name\n")
                .contains("# Source: NUCC Health Care Provider Taxonomy code set, version 25.1")
                .contains("nucc_taxonomy_251.csv")
                .contains("# Mapping rule");
    }

    @Test
    void everyCredentialIsToldBySomeCode() throws IOException {
        Set<ProviderCredential> told = EnumSet.noneOf(ProviderCredential.class);
        for (String[] entry : entries()) {
            told.add(ProviderCredential.valueOf(entry[1]));
        }

        assertThat(told).containsExactlyInAnyOrder(ProviderCredential.values());
    }

    private static ProviderCredential credentialNamed(String name) {
        for (ProviderCredential credential : ProviderCredential.values()) {
            if (credential.name().equals(name)) {
                return credential;
            }
        }
        return null;
    }

    private static List<String[]> entries() throws IOException {
        List<String[]> entries = new ArrayList<>();
        for (String line : listText().split("\n", -1)) {
            if (line.isEmpty() || line.startsWith("#") || line.equals("code,credential,name")) {
                continue;
            }
            entries.add(line.split(",", 3));
        }
        return entries;
    }

    private static String listText() throws IOException {
        try (InputStream in = ProviderCredentialTest.class.getResourceAsStream("/claim/provider-taxonomy.csv")) {
            assertThat(in).as("claim/provider-taxonomy.csv on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
