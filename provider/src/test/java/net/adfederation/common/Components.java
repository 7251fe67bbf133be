package net.adfederation.common;

import java.util.Map;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;

/** Component configurations as an admin saves them, and the refusals an admin reads, for the tests of both modes. */
public final class Components {

    private Components() {
    }

    /** A component with these settings, then the overrides (key, value pairs; a null value removes the key). */
    public static ComponentModel model(String name, Map<String, String> values, String... overrides) {
        ComponentModel model = new ComponentModel();
        model.setName(name);
        values.forEach((key, value) -> model.getConfig().putSingle(key, value));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) model.getConfig().remove(overrides[i]);
            else model.getConfig().putSingle(overrides[i], overrides[i + 1]);
        }
        return model;
    }

    /** The admin-facing text of the refusal the action must make. */
    public static String refusalOf(Runnable action) {
        try {
            action.run();
        } catch (ComponentValidationException e) {
            return ConfigValues.describe(e);
        }
        throw new AssertionError("expected the configuration to be refused");
    }
}
