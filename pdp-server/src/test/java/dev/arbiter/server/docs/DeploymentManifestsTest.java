package dev.arbiter.server.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests of docs/deployment.md parse, and say what an operator needs: probes on
 * the health endpoints, resources, a disruption budget, secrets for credentials, no jar in a
 * ConfigMap, and the image run as its user 65532 on a read-only root with its /data volume.
 */
class DeploymentManifestsTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    private static final Map<String, JsonNode> BY_KIND = new TreeMap<>();

    @BeforeAll
    static void manifests() throws IOException {
        String guide = Files.readString(Path.of("../docs/deployment.md"));
        Matcher block = YAML_BLOCK.matcher(guide);
        List<JsonNode> documents = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        while (block.find()) {
            documents.addAll(yaml.readValues(yaml.createParser(block.group(1)), JsonNode.class).readAll());
        }
        for (JsonNode document : documents) {
            assertTrue(document.path("apiVersion").isTextual(), document.toString());
            assertTrue(document.path("metadata").path("name").isTextual(), document.toString());
            BY_KIND.merge(document.path("kind").asText(), document, (first, second) -> first);
        }
    }

    private static JsonNode container() {
        return BY_KIND.get("Deployment").path("spec").path("template").path("spec").path("containers").get(0);
    }

    @Test
    void aDeploymentAServiceADisruptionBudgetAndSecrets() {
        assertEquals(List.of("Deployment", "PodDisruptionBudget", "Secret", "Service"), List.copyOf(BY_KIND.keySet()));
        JsonNode budget = BY_KIND.get("PodDisruptionBudget").path("spec");
        assertTrue(budget.path("minAvailable").asInt() >= 1);
        assertEquals(BY_KIND.get("Deployment").path("spec").path("selector"), budget.path("selector"));
    }

    @Test
    void theProbesAskTheHealthEndpointsAndResourcesAreSet() {
        JsonNode container = container();
        assertTrue(container.path("readinessProbe").path("httpGet").path("path").asText().startsWith("/health/ready"));
        assertEquals("/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals("/health/live", container.path("startupProbe").path("httpGet").path("path").asText());
        assertTrue(container.path("resources").path("requests").has("memory"));
        assertTrue(container.path("resources").path("limits").has("memory"));
    }

    @Test
    void credentialsComeFromSecretsAndNoJarFromAConfigMap() {
        JsonNode container = container();
        List<String> fromSecrets = new ArrayList<>();
        container.path("env").forEach(variable -> {
            if (variable.path("valueFrom").has("secretKeyRef")) {
                fromSecrets.add(variable.path("name").asText());
            }
        });
        assertEquals(List.of("ARBITER_DB_PASSWORD", "ARBITER_ADMIN_TOKEN"), fromSecrets);
        BY_KIND.get("Deployment").path("spec").path("template").path("spec").path("volumes")
                .forEach(volume -> assertFalse(volume.has("configMap"), volume.toString()));
        assertTrue(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean());
    }

    @Test
    void theImageRunsAsItsOwnUserWithItsDataVolumeAndTimeToDrain() {
        JsonNode pod = BY_KIND.get("Deployment").path("spec").path("template").path("spec");
        JsonNode container = container();
        JsonNode security = container.path("securityContext");
        assertTrue(security.path("runAsNonRoot").asBoolean());
        assertEquals(65532, security.path("runAsUser").asInt());
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
        assertFalse(container.has("command"), "the image's entry point starts the server");
        List<String> mounts = new ArrayList<>();
        container.path("volumeMounts").forEach(mount -> mounts.add(mount.path("mountPath").asText()));
        assertEquals(List.of("/data"), mounts);
        assertEquals(30, pod.path("terminationGracePeriodSeconds").asInt());
    }
}
