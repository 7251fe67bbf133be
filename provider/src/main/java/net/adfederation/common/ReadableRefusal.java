package net.adfederation.common;

import java.text.MessageFormat;

import org.keycloak.component.ComponentValidationException;

/**
 * Makes a refused setting readable on Keycloak's command line as well as in the admin console.
 * The console formats a {@link ComponentValidationException}'s message pattern with its
 * parameters; {@code kc.sh import} and {@code --import-realm} print the bare pattern
 * ({@code ERROR: {0}}) but also the message of each cause. So the refusal keeps its pattern and
 * parameters, and gains a cause that carries the formatted reason.
 */
public final class ReadableRefusal {

    private ReadableRefusal() {
    }

    /** Runs a settings check; a refusal it throws leaves here readable on the command line too. */
    public static void explain(Runnable check) {
        try {
            check.run();
        } catch (ComponentValidationException refused) {
            throw of(refused);
        }
    }

    public static ComponentValidationException of(ComponentValidationException refusal) {
        ComponentValidationException readable = new ConfigRefusal(refusal.getMessage(), refusal.getParameters());
        readable.initCause(new IllegalArgumentException(formatted(refusal)));
        return readable;
    }

    static String formatted(ComponentValidationException refusal) {
        Object[] parameters = refusal.getParameters();
        if (parameters == null || parameters.length == 0) return refusal.getMessage();
        return new MessageFormat(refusal.getMessage()).format(parameters);
    }
}
