package org.overturn.worklist;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.overturn.correction.ClaimChangeFields;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.form.TaskFormData;
import org.springframework.stereotype.Component;

/**
 * Checks what a user submits for a task against the task's form, as declared once in the BPMN model
 * (types, required, enum values, maximum length), plus the rules that tie fields together, and converts the
 * values to the types the process decides on. Messages are written for the person filling in the form.
 */
@Component
public class TaskForms {

    /** A field of a task's form, for pages and API clients that draw it. */
    /**
     * A form field; {@code current} is the value the process already holds for it (a suggestion the process made,
     * such as the proof of timely filing found on file), shown as the field's starting value, or null.
     */
    public record Field(String id, String label, String type, boolean required, Integer maxLength,
                        Map<String, String> options, String current) {
    }

    private static final String CORRECT_CLAIM = "overturn:correct-claim";
    private static final String CORRECTION_OUTCOME = "correctionOutcome";
    private static final String RETRO_AUTHORIZATION = "RETRO_AUTHORIZATION";
    private static final String AUTHORIZATION = "AUTHORIZATION";

    /** Fields that become required when another field has a given value: field -> (other field, value). */
    private static final Map<String, List<Rule>> RULES = Map.of(
            "overturn:correct-claim", List.of(
                    new Rule("correctionReason", "correctionOutcome", "CORRECTED", "Say why the change is right")),
            "overturn:prepare-appeal", List.of(
                    new Rule("appealArgument", "appealAction", "SUBMIT", "Write the argument for the appeal")),
            "overturn:approve-appeal", List.of(
                    new Rule("approvalComment", "appealApproved", "false", "Tell the biller what to rework")),
            "overturn:decide-write-off", List.of(
                    new Rule("writeOffReason", "writeOffDecision", "WRITE_OFF", "Give the reason for the write-off"),
                    new Rule("noLossReason", "writeOffDecision", "NO_LOSS", "Say why nothing was lost"),
                    new Rule("writeOffReason", "writeOffDecision", "NO_LOSS",
                            "Say where the payment is (payer, check or ERA trace) or which recoupment")),
            "overturn:follow-up-retro-authorization", List.of(
                    new Rule("retroAuthorizationNumber", "retroAuthorizationDecision", "APPROVED",
                            "Give the authorization number the payer approved")),
            "overturn:obtain-consent", List.of(
                    new Rule("consentSignedOn", "consentOutcome", "RECORDED", "Give the date the patient signed"),
                    new Rule("consentPurpose", "consentOutcome", "RECORDED", "Say what the disclosure is for"),
                    new Rule("consentInformation", "consentOutcome", "RECORDED",
                            "Say what information the form permits to disclose"),
                    new Rule("consentSignedBy", "consentOutcome", "RECORDED", "Say who signed the form"),
                    new Rule("consentPatientBirthDate", "consentOutcome", "RECORDED",
                            "Give the patient's date of birth as on the form")));

    private record Rule(String field, String whenField, String hasValue, String message) {
    }

    private final FormService forms;

    private final org.camunda.bpm.engine.TaskService tasks;
    private final org.overturn.denial.CorrectedClaimLimits correctedClaims;
    private final org.overturn.denial.Denials denials;

    TaskForms(FormService forms, org.camunda.bpm.engine.TaskService tasks,
              org.overturn.denial.CorrectedClaimLimits correctedClaims, org.overturn.denial.Denials denials) {
        this.denials = denials;
        this.tasks = tasks;
        this.correctedClaims = correctedClaims;
        this.forms = forms;
    }

    public List<Field> fieldsOf(String taskId) {
        TaskFormData form = forms.getTaskFormData(taskId);
        return form.getFormFields().stream().map(f -> offered(taskId, form, describe(f))).toList();
    }

    /** The root cause of the task's denial, as the register gave it (the process does not keep it). */
    private String rootCauseOf(String taskId) {
        Object denialId = tasks.getVariable(taskId, org.overturn.workflow.DenialLifecycle.Variables.DENIAL_ID);
        return denialId == null ? null : denials.find(((Number) denialId).longValue())
                .map(denial -> denial.rootCause().name()).orElse(null);
    }

    /**
     * A retro authorization is asked for a claim no valid authorization covers: Correct claim offers it only for an
     * authorization denial, where the register's finding says what is missing.
     */
    private Field offered(String taskId, TaskFormData form, Field field) {
        if (!CORRECT_CLAIM.equals(form.getFormKey()) || !CORRECTION_OUTCOME.equals(field.id())
                || !field.options().containsKey(RETRO_AUTHORIZATION)
                || AUTHORIZATION.equals(rootCauseOf(taskId))) {
            return field;
        }
        Map<String, String> options = new LinkedHashMap<>(field.options());
        options.remove(RETRO_AUTHORIZATION);
        return new Field(field.id(), field.label(), field.type(), field.required(), field.maxLength(), options,
                field.current());
    }

    /** The submitted values converted to their form types; {@link TaskProblem} INVALID with every error found. */
    public Map<String, Object> validate(String taskId, Map<String, Object> submitted) {
        TaskFormData form = forms.getTaskFormData(taskId);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> values = new HashMap<>();
        for (FormField field : form.getFormFields()) {
            Object raw = submitted.get(field.getId());
            String text = raw == null ? "" : raw.toString().trim();
            Field described = offered(taskId, form, describe(field));
            if (text.isEmpty()) {
                if (described.required()) {
                    errors.put(field.getId(), described.label() + " is required");
                }
                continue;
            }
            convert(described, text, errors).ifPresent(v -> values.put(field.getId(), v));
        }
        for (Rule rule : RULES.getOrDefault(form.getFormKey(), List.of())) {
            Object when = values.get(rule.whenField());
            boolean applies = when != null && when.toString().equals(rule.hasValue());
            if (applies && !values.containsKey(rule.field()) && !errors.containsKey(rule.field())) {
                errors.put(rule.field(), rule.message());
            }
        }
        if ("overturn:obtain-consent".equals(form.getFormKey()) && "RECORDED".equals(values.get("consentOutcome"))
                && !values.containsKey("consentExpiresOn") && !values.containsKey("consentExpiryEvent")) {
            // 42 CFR 2.31(a): a consent expires on a date, an event or a condition
            errors.putIfAbsent("consentExpiresOn", "Give the expiry date, or the event on which it expires");
        }
        if (CORRECT_CLAIM.equals(form.getFormKey())) {
            checkCorrection(values, errors);
            checkFilingLimit(taskId, values, errors);
        }
        List<String> unknown = submitted.keySet().stream()
                .filter(k -> form.getFormFields().stream().noneMatch(f -> f.getId().equals(k))).toList();
        unknown.forEach(k -> errors.put(k, "This task has no field " + k));
        if (!errors.isEmpty()) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Please correct the form", errors);
        }
        return values;
    }

    /**
     * A correction says what changed: in the structured fields (which must be readable), as a void, or in words.
     * Only for a claim the biller says is corrected.
     */
    private static void checkCorrection(Map<String, Object> values, Map<String, String> errors) {
        Map<String, String> problems = ClaimChangeFields.problems(values);
        problems.forEach(errors::putIfAbsent);
        boolean corrected = "CORRECTED".equals(String.valueOf(values.get("correctionOutcome")));
        if (corrected && problems.isEmpty() && !values.containsKey("whatChanged")) {
            var changes = ClaimChangeFields.changes(values);
            if (changes.isEmpty() && !changes.voidClaim()) {
                errors.putIfAbsent("whatChanged", "Say what you changed on the claim");
            }
        }
    }

    /**
     * A corrected claim past its payer's confirmed filing limit would be denied for timely filing again: refused
     * before it goes out (default terms nobody confirmed are shown on the page, not enforced).
     */
    private void checkFilingLimit(String taskId, Map<String, Object> values, Map<String, String> errors) {
        if (!"CORRECTED".equals(String.valueOf(values.get("correctionOutcome")))) {
            return;
        }
        if (tasks.getVariable(taskId, "denialId") instanceof Number denialId) {
            correctedClaims.refusal(denialId.longValue()).ifPresent(why -> errors.putIfAbsent("correctionOutcome", why));
        }
    }

    private static java.util.Optional<Object> convert(Field field, String text, Map<String, String> errors) {
        switch (field.type()) {
            case "boolean" -> {
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return java.util.Optional.of(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)));
                }
                errors.put(field.id(), field.label() + ": answer yes or no");
            }
            case "enum" -> {
                if (field.options().containsKey(text)) {
                    return java.util.Optional.of(text);
                }
                errors.put(field.id(), field.label() + ": choose one of " + String.join(", ", field.options().values()));
            }
            case "date" -> {
                try {
                    java.time.LocalDate date = java.time.LocalDate.parse(text);
                    if (date.getYear() < 1900 || date.getYear() > 2999) {
                        errors.put(field.id(), field.label() + ": enter a real date");
                    } else {
                        // kept as ISO text: process variables hold small plain facts
                        return java.util.Optional.of(date.toString());
                    }
                } catch (java.time.format.DateTimeParseException e) {
                    errors.put(field.id(), field.label() + ": enter a date as YYYY-MM-DD");
                }
            }
            case "long" -> {
                try {
                    return java.util.Optional.of(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    errors.put(field.id(), field.label() + ": enter a whole number");
                }
            }
            default -> {
                if (field.maxLength() != null && text.length() > field.maxLength()) {
                    errors.put(field.id(), field.label() + ": at most " + field.maxLength() + " characters");
                } else {
                    return java.util.Optional.of(text);
                }
            }
        }
        return java.util.Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Field describe(FormField field) {
        boolean required = false;
        Integer maxLength = null;
        for (FormFieldValidationConstraint constraint : field.getValidationConstraints()) {
            if (constraint.getName().equals("required")) {
                required = true;
            } else if (constraint.getName().equals("maxlength")) {
                maxLength = Integer.valueOf(constraint.getConfiguration().toString());
            }
        }
        Map<String, String> options = Map.of();
        if (field.getType().getName().equals("enum")) {
            options = new LinkedHashMap<>((Map<String, String>) field.getType().getInformation("values"));
        }
        Object current = field.getValue() == null ? null : field.getValue().getValue();
        return new Field(field.getId(), field.getLabel(), field.getTypeName(), required, maxLength, options,
                current == null ? null : current.toString());
    }
}
