package io.skiff.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins join through ServiceLoader alone, and the module stays free of everything but core (and RoaringBitmap). */
class PluginsTest {

    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void aThirdPartyOperatorOnTheClasspathIsFoundWithoutTouchingSkiff() {
        DistanceOperator plugin = DistanceOperators.load().find("length_difference").orElseThrow();
        assertThat(plugin.getClass().getName()).isEqualTo("com.example.skiffplugin.LengthDifference");
        assertThat(plugin.distance(AttributeValue.s("ab"), AttributeValue.s("abcde")).getAsDouble()).isEqualTo(3);
    }

    @Test
    void twoOperatorsWithOneNameAreRefused() throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(DistanceOperator.class.getName()), "com.example.skiffplugin.ImpostorLevenshtein\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                DistanceOperators.class.getClassLoader())) {
            assertThatThrownBy(() -> DistanceOperators.load(loader)).isInstanceOf(SkiffException.class)
                    .hasMessageContaining("Two distance operators are named 'levenshtein'");
        }
    }

    @Test
    void theModuleImportsOnlyTheJdkCoreRoaringBitmapAndItself() throws IOException {
        Path sources = Path.of("src/main/java");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Matcher imports = IMPORT.matcher(Files.readString(file));
            while (imports.find()) {
                assertThat(imports.group(2)).as(file + " imports " + imports.group(2))
                        .matches("(java\\.|io\\.skiff\\.core\\.|io\\.skiff\\.functions\\.|org\\.roaringbitmap\\.).*");
            }
        }
    }
}
