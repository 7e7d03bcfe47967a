package org.example.strix.mish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proves the plugin is a true outsider: no source file of the repository outside this module names its layer type
 * or its model, so everything the registry offers of them comes from this jar alone.
 */
class NoOneElseNamesItTest {
    /** "mish" as an identifier or part of one, but not inside English words such as "mishap". */
    private static final Pattern NAME = Pattern.compile("(?i)mish(?!ap|mash|andl)");
    /** Files that make up the build and the code: sources, kernels, build files, scripts, service lists. */
    private static final Pattern SOURCE = Pattern.compile(
            ".*\\.(java|cl|xml|properties|sh|py|json|kts|gradle)$|.*/META-INF/services/.*|(^|.*/)strix$");
    private static final String MODULE = "examples/third-party-plugin/";

    @Test
    void nothingOutsideThisModuleNamesTheLayerOrTheModel() throws IOException {
        Path root = repositoryRoot();
        List<String> files = sourceFiles(root);
        assertThat(files).as("source files found under " + root)
                .anyMatch(f -> f.startsWith("api/"))
                .anyMatch(f -> f.startsWith(MODULE));
        List<String> hits = new ArrayList<>();
        for (String f : files) {
            if (f.startsWith(MODULE) || !SOURCE.matcher(f).matches()) {
                continue;
            }
            Path p = root.resolve(f);
            if (!Files.isRegularFile(p)) {
                continue; // deleted in the working tree but still in the index
            }
            String text = read(p);
            Matcher m = NAME.matcher(text);
            if (m.find()) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                hits.add(f + ":" + line);
            }
        }
        assertThat(hits).as("files outside %s naming the plugin's layer or model", MODULE).isEmpty();
    }

    @Test
    void thePatternFindsTheNamesAndSkipsOrdinaryWords() {
        assertThat(NAME.matcher("layer(\"mish\")").find()).isTrue();
        assertThat(NAME.matcher("class MishKernel").find()).isTrue();
        assertThat(NAME.matcher("mishnet_tiny").find()).isTrue();
        assertThat(NAME.matcher("a mishap; a mishmash; mishandled").find()).isFalse();
        assertThat(SOURCE.matcher("opencl-backend/src/main/resources/k/act.cl").matches()).isTrue();
        assertThat(SOURCE.matcher("README.md").matches()).isFalse();
    }

    /** The folder holding the root pom that lists this module, found by walking up from the working directory. */
    private static Path repositoryRoot() throws IOException {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<module>examples/third-party-plugin</module>")) {
                return p;
            }
        }
        throw new IllegalStateException("no parent folder of " + Paths.get("").toAbsolutePath()
                + " holds the Strix root pom");
    }

    /** Files git tracks; without git (a source archive), every file outside build output and hidden folders. */
    private static List<String> sourceFiles(Path root) throws IOException {
        if (Files.exists(root.resolve(".git"))) {
            try {
                Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0) {
                    return List.of(out.split("\0"));
                }
            } catch (IOException e) {
                // no git binary: fall back to walking the tree
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        Set<String> skipped = Set.of("target", "node_modules");
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> Stream.of(f.split("/")).noneMatch(s -> s.startsWith(".") || skipped.contains(s)))
                    .toList();
        }
    }

    /** Latin-1 decodes any bytes, and the names searched for are ASCII. */
    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }
}
