package io.fiscus.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every test class in the repository is one the build runs: surefire picks classes by name (the
 * root pom's includes), failsafe takes {@code *IT}. A property class once named {@code *Properties}
 * before the pom included that pattern never ran at all.
 */
class TestClassNamesTest {
  private static final Pattern INCLUDE = Pattern.compile("<include>\\*\\*/([^<]+)</include>");
  private static final Pattern DECLARES_TESTS =
      Pattern.compile("@(Test|Property|Example|ParameterizedTest|FuzzTest)\\b");

  @Test
  void everyClassDeclaringTestsHasANameTheBuildRuns() throws IOException {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources =
          files
              .filter(path -> path.toString().contains("src/test/java"))
              .filter(path -> path.toString().endsWith(".java"))
              .toList();
    }
    assertThat(sources).as("test sources under " + root).isNotEmpty();
    Pattern runByTheBuild = namesRunByTheBuild(read(root.resolve("pom.xml")));

    List<String> skipped =
        sources.stream()
            .filter(path -> DECLARES_TESTS.matcher(read(path)).find())
            .filter(path -> !runByTheBuild.matcher(path.getFileName().toString()).matches())
            .filter(path -> !read(path).contains("@EnabledIfSystemProperty"))
            .map(path -> root.relativize(path).toString())
            .toList();

    assertThat(skipped).as("test classes the build would never run").isEmpty();
  }

  /** The root pom's surefire includes ({@code **}{@code /*Test.java}…) and failsafe's *IT. */
  private static Pattern namesRunByTheBuild(String pom) {
    List<String> globs = new java.util.ArrayList<>(List.of("*IT.java"));
    INCLUDE.matcher(pom).results().forEach(match -> globs.add(match.group(1)));
    assertThat(globs).as("surefire includes in the root pom").hasSizeGreaterThan(1);
    return Pattern.compile(
        String.join(
            "|",
            globs.stream().map(glob -> glob.replace(".", "\\.").replace("*", "\\w*")).toList()));
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
