package dev.mocap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** A skipped test's reason reaches the console, with the test's class and method. */
class SkipReasonsTest {

    /** Run only through the launcher below (its class name does not end in Test, so surefire leaves it alone). */
    static class Skipping {
        @Test
        void needsSomethingAbsent() {
            Assumptions.assumeTrue(false, "shared testdata not available: /nowhere");
        }
    }

    @Test
    void printsTheReasonOfEverySkippedTest() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request().selectors(selectClass(Skipping.class)).build(),
                new SkipReasons(new PrintStream(printed, true, StandardCharsets.UTF_8)));
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("[SKIPPED] SkipReasonsTest$Skipping.needsSomethingAbsent: shared testdata not available: /nowhere"), out);
    }
}
