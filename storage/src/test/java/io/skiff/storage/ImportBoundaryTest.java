package io.skiff.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Storage knows nothing of SQL, Calcite, Ratis or gRPC: the module arrows point one way. It uses
 * the index plugin contracts of {@code functions} to maintain indexes.
 */
class ImportBoundaryTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> ALLOWED = List.of("java.", "io.skiff.core.", "io.skiff.functions.", "io.skiff.storage.",
            "org.rocksdb.", "org.slf4j.", "com.fasterxml.jackson.");

    @Test
    void storageImportsOnlyCoreRocksDbLoggingAndJackson() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> violations = sources.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(ImportBoundaryTest::forbiddenImports)
                    .collect(Collectors.toList());
            assertThat(violations).isEmpty();
        }
    }

    private static Stream<String> forbiddenImports(Path source) {
        try {
            return IMPORT.matcher(Files.readString(source)).results().map(m -> m.group(2))
                    .filter(imported -> ALLOWED.stream().noneMatch(imported::startsWith))
                    .map(imported -> source.getFileName() + " imports " + imported);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
