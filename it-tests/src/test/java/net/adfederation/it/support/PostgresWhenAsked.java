package net.adfederation.it.support;

import java.util.Optional;

import net.adfederation.demo.cluster.PostgresDatabase;
import net.adfederation.embeddedad.SambaRequirement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class run on PostgreSQL (-Dadfed.database=postgres, it-tests/pom.xml) skips where there is
 * none, before the test server is started on it; where real components are required (CI) it runs,
 * and Keycloak's failed start names the database.
 */
public final class PostgresWhenAsked implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"postgres".equals(System.getProperty("adfed.database"))) return ConditionEvaluationResult.enabled("on H2");
        Optional<String> missing = PostgresDatabase.unavailable();
        if (missing.isEmpty() || SambaRequirement.here().required()) return ConditionEvaluationResult.enabled("on PostgreSQL");
        return ConditionEvaluationResult.disabled(missing.get() + " cannot be used; " + PostgresDatabase.HOW_TO_START);
    }
}
