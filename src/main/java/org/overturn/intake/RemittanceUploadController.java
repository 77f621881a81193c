package org.overturn.intake;

import java.io.IOException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/remittances}: upload one 835 file and get back what happened to it. */
@RestController
@RequestMapping("/api/remittances")
class RemittanceUploadController {

    private final RemittanceIntake intake;

    RemittanceUploadController(RemittanceIntake intake) {
        this.intake = intake;
    }

    /** 200 when stored or already on file ({@code "duplicate": true}), 422 when the file is not a usable 835. */
    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<IntakeResult> upload(@RequestParam("file") MultipartFile file, Principal user) throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload.835" : file.getOriginalFilename();
        var result = intake.ingest(name, file.getBytes(), "UPLOAD", user == null ? null : user.getName());
        var status = result.outcome() == IntakeResult.Outcome.REJECTED ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK;
        return ResponseEntity.status(status).body(result);
    }
}
