package de.kiim.query.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every target set for the indicators, for analysts and data stewards; they are set on the command service. */
@RestController
@Tag(name = "Targets", description = "The indicators' targets (ANALYST, DATA_STEWARD)")
class TargetListController {

    private final Targets targets;

    TargetListController(Targets targets) {
        this.targets = targets;
    }

    @GetMapping("/api/v1/targets")
    @Operation(summary = "Every target, with the day it was set and, if withdrawn, the day it was withdrawn")
    List<Targets.Target> all() {
        return targets.all();
    }
}
