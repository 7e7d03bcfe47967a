package dev.strix.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignalChainingTest {
    /** The build preloads libjsig for every test JVM (root pom, surefire); without it OpenCL tests can crash. */
    @Test
    void theTestJvmRunsWithLibjsig() {
        assertThat(SignalChaining.active()).as("libjsig preloaded (LD_PRELOAD=%s)", System.getenv("LD_PRELOAD"))
                .isTrue();
    }

    @Test
    void adviceNamesTheLibraryOfThisJdk() {
        assertThat(SignalChaining.advice()).startsWith("start the JVM with LD_PRELOAD=")
                .contains(System.getProperty("java.home")).endsWith("libjsig.so");
    }
}
