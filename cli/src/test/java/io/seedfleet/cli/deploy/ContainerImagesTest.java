package io.seedfleet.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service's Dockerfile.jvm (images cannot be built here: no Docker engine) is what the manifests assume. */
class ContainerImagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"coordinator", "generator-worker", "validator-worker", "masking-worker"})
    void dockerfileRunsTheQuarkusAppAsNonRootOnTheServicesPort(String module) throws Exception {
        ServiceCode code = ServiceCode.of(module);
        String dockerfile = Files.readString(code.dir().resolve("src/main/docker/Dockerfile.jvm"));
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre")
                .containsPattern("(?m)^COPY .*target/quarkus-app/lib/ ")
                .containsPattern("(?m)^EXPOSE " + code.httpPort() + "$")
                .contains("/q/health/ready")
                .contains("-XX:MaxRAMPercentage=")
                .contains("exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar");
        assertThat(dockerfile).as("a numeric, non-root USER (Kubernetes' runAsNonRoot checks the id)").containsPattern("(?m)^USER [1-9][0-9]{3,}$");
    }
}
