package dev.mocap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.io.PrintStream;

/**
 * Prints on the console why each test was skipped (a missing ../shared/testdata, an absent
 * Blender, ...): surefire's own summary only counts them, and the reason would be left in its
 * XML reports. Registered for every test run in META-INF/services.
 */
public final class SkipReasons implements TestExecutionListener {
    private final PrintStream out;

    public SkipReasons() {
        this(System.out);
    }

    SkipReasons(PrintStream out) {
        this.out = out;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted").replaceFirst("^Assumption failed: ", ""));
        }
    }

    private void print(TestIdentifier test, String reason) {
        TestSource source = test.getSource().orElse(null);
        String name = source instanceof MethodSource m ? simple(m.getClassName()) + "." + m.getMethodName()
                : source instanceof ClassSource c ? simple(c.getClassName()) : test.getDisplayName();
        out.println("[SKIPPED] " + name + ": " + reason);
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
