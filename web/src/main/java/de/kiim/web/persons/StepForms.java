package de.kiim.web.persons;

import static de.kiim.web.persons.StepForm.Field.choice;
import static de.kiim.web.persons.StepForm.Field.choices;
import static de.kiim.web.persons.StepForm.Field.date;
import static de.kiim.web.persons.StepForm.Field.longText;
import static de.kiim.web.persons.StepForm.Field.text;

import de.kiim.events.vocabulary.ConsentPurpose;
import de.kiim.events.vocabulary.CounsellingTopic;
import de.kiim.events.vocabulary.LegalBasis;
import de.kiim.events.vocabulary.ResidenceStatus;
import java.util.List;
import java.util.Optional;

/**
 * The steps the UI has forms for, each as the command service takes it (README, "Every integration step has its
 * resource"). A new step is one entry here and its labels in the message bundles.
 */
final class StepForms {

    static final List<StepForm> ALL = List.of(
            new StepForm(
                    "counselling-sessions",
                    "RecordCounsellingSession",
                    List.of(
                            choices("topics", CounsellingTopic.class),
                            longText("agreedNextSteps"),
                            date("heldOn", false))),
            new StepForm(
                    "consents",
                    "GiveConsent",
                    List.of(
                            choice("purpose", ConsentPurpose.class, true),
                            text("recipientAgency", true),
                            choice("legalBasis", LegalBasis.class, false),
                            text("evidenceReference", true),
                            date("givenOn", false))),
            new StepForm(
                    "consent-withdrawals",
                    "WithdrawConsent",
                    List.of(
                            choice("purpose", ConsentPurpose.class, true),
                            text("recipientAgency", true),
                            date("withdrawnOn", false))),
            new StepForm(
                    "case-shares",
                    "ShareCase",
                    List.of(
                            text("agency", true),
                            choice("legalBasis", LegalBasis.class, true),
                            date("sharedOn", false))),
            new StepForm(
                    "residence-status",
                    "ChangeResidenceStatus",
                    List.of(
                            choice("status", ResidenceStatus.class, true),
                            date("validFrom", false),
                            date("validUntil", false))),
            new StepForm("moves", "MovePerson", List.of(text("municipality", true), date("movedOn", false))));

    private StepForms() {}

    static Optional<StepForm> at(String path) {
        return ALL.stream().filter(form -> form.path().equals(path)).findFirst();
    }
}
