package io.fiscus.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every code block of README.md marked {@code <!-- snippet: File.java#tag -->} is, line for line,
 * the region between {@code // tag::tag[]} and {@code // end::tag[]} of that example file, which
 * the build compiles and ExamplesIT runs: the README cannot show code that does not work.
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("README.md");
  private static final Path ROOT_README = Path.of("../README.md");
  private static final Path EXAMPLES = Path.of("src/test/java/io/fiscus/client/examples");
  private static final Pattern SNIPPET =
      Pattern.compile(
          "<!-- snippet: (\\w+\\.java)#(\\w+) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL);

  @Test
  void everyReadmeSnippetIsTheTaggedRegionOfItsCompiledExample() throws IOException {
    assertThat(checkedSnippets(README))
        .containsExactlyInAnyOrder(
            "ConnectExample.java",
            "PayExample.java",
            "InvoiceExample.java",
            "FinalityExample.java",
            "FinalityExample.java",
            "QuarterlyVatExample.java",
            "SubscribeExample.java",
            "AuthenticationExample.java",
            "AuthenticationExample.java");
  }

  /** The project's README tours the SDK with the same examples. */
  @Test
  void theRootReadmesTourShowsTheCompiledExamples() throws IOException {
    assertThat(checkedSnippets(ROOT_README))
        .containsExactlyInAnyOrder(
            "ConnectExample.java",
            "PayExample.java",
            "InvoiceExample.java",
            "FinalityExample.java",
            "FinalityExample.java",
            "QuarterlyVatExample.java");
  }

  /** Checks every marked snippet of {@code readme}; returns the example files they came from. */
  private static List<String> checkedSnippets(Path readme) throws IOException {
    Matcher snippets = SNIPPET.matcher(Files.readString(readme));
    List<String> checked = new ArrayList<>();
    while (snippets.find()) {
      String file = snippets.group(1);
      String tag = snippets.group(2);
      assertThat(snippets.group(3))
          .as("%s snippet %s#%s", readme, file, tag)
          .isEqualTo(region(Files.readString(EXAMPLES.resolve(file)), tag));
      checked.add(file);
    }
    return checked;
  }

  /** The lines between the tag markers, with their common indentation removed. */
  private static String region(String source, String tag) {
    Matcher region =
        Pattern.compile(
                "// tag::" + tag + "\\[\\]\\n(.*?)\\n\\s*// end::" + tag + "\\[\\]", Pattern.DOTALL)
            .matcher(source);
    assertThat(region.find()).as("tag " + tag).isTrue();
    List<String> lines = region.group(1).lines().toList();
    int indent =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    return String.join(
        "\n", lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList());
  }
}
