package org.overturn.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Attachments are recognised by their bytes and get names safe for mail headers and downloads. */
class LetterAttachmentsTest {

    @Test
    void recognisesPdfAndImagesByContentWhateverTheName() {
        assertThat(LetterAttachments.contentType("%PDF-1.7\n".getBytes())).contains("application/pdf");
        assertThat(LetterAttachments.contentType(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}))
                .contains("image/png");
        assertThat(LetterAttachments.contentType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains("image/jpeg");
        assertThat(LetterAttachments.contentType(new byte[] {'I', 'I', 0x2A, 0})).contains("image/tiff");
        assertThat(LetterAttachments.contentType("MZ\u0090 an executable".getBytes())).isEmpty();
        assertThat(LetterAttachments.contentType("<html><script>".getBytes())).isEmpty();
    }

    @Test
    void namesLoseTheirPathsAndOddCharactersAndGainTheRightExtension() {
        assertThat(LetterAttachments.safeName("C:\\notes\\..\\session note.pdf", "application/pdf"))
                .isEqualTo("session note.pdf");
        assertThat(LetterAttachments.safeName("../../etc/passwd", "image/png")).isEqualTo("passwd.png");
        assertThat(LetterAttachments.safeName("auth\r\nBcc: x@y.z.jpg", "image/jpeg")).isEqualTo("auth__Bcc_ x_y.z.jpg");
        assertThat(LetterAttachments.safeName("..", "application/pdf")).isEqualTo("document.pdf");
        assertThat(LetterAttachments.safeName(null, "image/tiff")).isEqualTo("document.tif");
    }
}
