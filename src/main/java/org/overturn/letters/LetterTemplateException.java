package org.overturn.letters;

/** A template that cannot be rendered (an edit broke it): says which template and where. */
public class LetterTemplateException extends RuntimeException {

    LetterTemplateException(String template, Exception cause) {
        super("Letter template " + template + " could not be rendered: " + cause.getMessage(), cause);
    }
}
