package de.kiim.command.keys;

import de.kiim.platform.crypto.KeyEncryptionKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Key administration")
class KeyRotationController {

    private final KeyRewrapping rewrapping;
    private final KeyEncryptionKeys keks;

    KeyRotationController(KeyRewrapping rewrapping, KeyEncryptionKeys keks) {
        this.rewrapping = rewrapping;
        this.keks = keks;
    }

    record Rotation(String currentKek, int rewrapped) {}

    @PostMapping("/api/v1/admin/key-rotation")
    @Operation(
            summary = "Re-wrap every data and deployment key with the current KEK (DATA_STEWARD)",
            description = "Start the services with the new KEK as current and the old one as previous "
                    + "(KIIM_PREVIOUS_KEK_FILES), then call this; afterwards the old KEK can be retired. Events are "
                    + "not touched. The command service also re-wraps at start-up.")
    Rotation rotate() {
        return new Rotation(keks.current().id(), rewrapping.rewrapAll());
    }
}
