package dev.arbiter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's complete examples (Java blocks that start with their imports) compile as written. */
class ReadmeExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("(?m)^public (?:final )?class (\\w+)");

    @TempDir
    Path work;

    @Test
    void everyCompleteExampleCompiles() throws IOException {
        List<Path> sources = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(Files.readString(Path.of("README.md")));
        while (block.find()) {
            String code = block.group(1);
            if (code.startsWith("import ")) {
                Matcher name = CLASS_NAME.matcher(code);
                assertTrue(name.find(), "a complete example declares a public class:\n" + code);
                sources.add(Files.writeString(work.resolve(name.group(1) + ".java"), code));
            }
        }
        assertFalse(sources.isEmpty(), "the README shows a complete example");

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(problems, null, null)) {
            boolean compiled = compiler.getTask(null, files, problems,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", work.toString()), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertEquals(List.of(), problems.getDiagnostics().stream().map(Object::toString).toList());
            assertTrue(compiled);
        }
    }
}
