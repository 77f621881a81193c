package org.overturn.letters;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.overturn.denial.RootCause;
import org.overturn.denial.WorkPath;
import org.springframework.stereotype.Component;

/**
 * Finds the template for a letter: a payer's own ({@code payers/<payer id>/<name>.ftlh}) before the default
 * ({@code <name>.ftlh}), and an office's edited copy (in {@code overturn.letters.template-dir}) before the
 * shipped one. Templates are HTML with auto-escaping on, so nothing in an 835 or a user's text becomes markup.
 */
@Component
public class LetterTemplates {

    private final Configuration freemarker;

    LetterTemplates(LettersProperties properties) {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (properties.templateDir() != null && !properties.templateDir().isBlank()) {
            try {
                loaders.add(new FileTemplateLoader(new File(properties.templateDir())));
            } catch (IOException e) {
                throw new UncheckedIOException("overturn.letters.template-dir " + properties.templateDir(), e);
            }
        }
        loaders.add(new ClassTemplateLoader(LetterTemplates.class, "/templates/letters"));
        freemarker.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocale(Locale.US);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        // an office may edit templates: none may instantiate Java classes (?new of Execute runs commands) or
        // reach the Java API behind the facts (?api)
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
    }

    /**
     * The template for the work path the denial took: a Medicare reopening (a clerical error, timely filing with
     * proof) is a request for reopening, never an appeal; otherwise the template of the root cause.
     */
    public static String nameFor(LetterKind kind, RootCause rootCause, WorkPath path) {
        return kind == LetterKind.APPEAL && path == WorkPath.REOPENING ? "reopening" : nameFor(kind, rootCause);
    }

    /** The template's name for a kind of letter and root cause, without folder or extension. */
    public static String nameFor(LetterKind kind, RootCause rootCause) {
        switch (kind) {
            case CORRECTED_CLAIM_COVER -> {
                return "corrected-claim-cover";
            }
            case PARITY_ANALYSIS_REQUEST -> {
                return "parity/analysis-request";
            }
            case PARITY_COMPLAINT -> {
                return "parity/complaint";
            }
            default -> {
            }
        }
        return switch (rootCause) {
            case MEDICAL_NECESSITY -> "medical-necessity";
            case AUTHORIZATION -> "authorization";
            case TIMELY_FILING -> "timely-filing";
            case BENEFIT_LIMIT -> "benefit-limit";
            case NON_COVERED -> "non-covered";
            case CODING -> "coding-correction";
            case TELEHEALTH -> "telehealth";
            case BUNDLING -> "bundling";
            case MISSING_INFORMATION -> "missing-information";
            case DUPLICATE -> "duplicate";
            case ELIGIBILITY -> "eligibility";
            case CREDENTIALING -> "credentialing";
            case COORDINATION_OF_BENEFITS -> "coordination-of-benefits";
            case OTHER -> "reconsideration";
        };
    }

    /** The payer's own template if it has one, else the default; the template's path tells which. */
    public Template find(String payerId, String name) {
        try {
            if (payerId != null && payerId.matches("[A-Za-z0-9._-]{1,80}")) {
                Template own = freemarker.getTemplate("payers/" + payerId + "/" + name + ".ftlh", null, null,
                        null, true, true);
                if (own != null) {
                    return own;
                }
            }
            return freemarker.getTemplate(name + ".ftlh");
        } catch (IOException e) {
            throw new UncheckedIOException("letter template " + name, e);
        }
    }
}
