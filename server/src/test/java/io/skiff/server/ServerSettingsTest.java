package io.skiff.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.SkiffException;
import io.skiff.replication.ClusterMember;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each setting comes from its flag, else its SKIFF_* variable, else the YAML file, else its default. */
class ServerSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws Exception {
        Path file = dir.resolve("skiff.yaml");
        Files.writeString(file, "data-dir: /from/file\nport: 1111\nhost: 10.0.0.1\nshutdown-grace: 3s\n");
        ServerSettings settings = ServerSettings.resolve(Map.of("port", "3333"),
                Map.of("SKIFF_PORT", "2222", "SKIFF_DATA_DIR", "/from/env"), Optional.of(file));
        assertThat(settings.port()).isEqualTo(3333);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/from/env"));
        assertThat(settings.host()).isEqualTo("10.0.0.1");
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.sessionIdleTimeout()).isEqualTo(ServerSettings.DEFAULT_SESSION_IDLE_TIMEOUT);

        ServerSettings defaults = ServerSettings.resolve(Map.of(), Map.of(), Optional.empty());
        assertThat(defaults.port()).isEqualTo(7411);
        assertThat(defaults.dataDir()).isEqualTo(Path.of("data"));
        assertThat(defaults.host()).isEqualTo("0.0.0.0");
        assertThat(defaults.syncWrites()).isFalse();
        assertThat(ServerSettings.resolve(Map.of(), Map.of("SKIFF_SYNC_WRITES", "true"), Optional.empty()).syncWrites())
                .isTrue();
    }

    @Test
    void badValuesNameTheSettingAndWhatWasExpected() throws Exception {
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of("port", "http"), Map.of(), Optional.empty()))
                .isInstanceOf(SkiffException.class).hasMessageContaining("port='http'").hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of(), Map.of("SKIFF_SHUTDOWN_GRACE", "soon"),
                Optional.empty())).hasMessageContaining("shutdown-grace='soon'").hasMessageContaining("10s");
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "prot: 1\n");
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of(), Map.of(), Optional.of(unknown)))
                .hasMessageContaining("Unknown setting 'prot'");
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of(), Map.of(), Optional.of(dir.resolve("missing.yaml"))))
                .hasMessageContaining("Cannot read the configuration file");
        assertThat(ServerSettings.duration("x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ServerSettings.duration("x", "PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ServerSettings.duration("x", "1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aClusterNodeNeedsItsIdAmongThePeers() throws Exception {
        Path file = dir.resolve("node.yaml");
        Files.writeString(file, "node-id: n2\npeers: n1=10.0.0.1:7500,n2=10.0.0.2:7500,n3=10.0.0.3:7500\n");
        ServerSettings.Cluster cluster = ServerSettings.resolve(Map.of("raft-port", "7500"), Map.of(),
                Optional.of(file)).cluster().orElseThrow();
        assertThat(cluster.nodeId()).isEqualTo("n2");
        assertThat(cluster.peers()).extracting(ClusterMember::address)
                .containsExactly("10.0.0.1:7500", "10.0.0.2:7500", "10.0.0.3:7500");
        assertThat(cluster.join()).isFalse();
        assertThat(ServerSettings.resolve(Map.of(), Map.of("SKIFF_NODE_ID", "n1", "SKIFF_PEERS", "n1=h:1",
                "SKIFF_JOIN", "true"), Optional.empty()).cluster().orElseThrow().join()).isTrue();
        assertThat(ServerSettings.resolve(Map.of(), Map.of(), Optional.empty()).cluster()).isEmpty();

        assertThatThrownBy(() -> ServerSettings.resolve(Map.of("node-id", "n1"), Map.of(), Optional.empty()))
                .hasMessageContaining("needs both node-id and peers");
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of("node-id", "n9", "peers", "n1=h:1"), Map.of(),
                Optional.empty())).hasMessageContaining("node-id='n9' names none of the peers");
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of("node-id", "n1", "peers", "n1=h"), Map.of(),
                Optional.empty())).hasMessageContaining("peers='n1=h' is invalid").hasMessageContaining("id=host:port");
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of("node-id", "n1", "peers", "n1=h:1", "raft-port", "2"),
                Map.of(), Optional.empty())).hasMessageContaining("raft-port=2 disagrees with peers");
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of("join", "true"), Map.of(), Optional.empty()))
                .hasMessageContaining("need node-id and peers");
        assertThat(ServerSettings.resolve(Map.of("node-id", "n1", "peers", "n1=h:1", "groups", "8"), Map.of(),
                Optional.empty()).cluster().orElseThrow().groups()).isEqualTo(8);
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of("node-id", "n1", "peers", "n1=h:1", "groups", "0"),
                Map.of(), Optional.empty())).hasMessageContaining("groups='0' is invalid");
    }
}
