package dev.cqrs.query.replica;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Turns the JVM's DNS cache off before any test resolves a name, as {@code main} does for the real service (tests
 * never run {@code main}). Registered in META-INF/services so it runs once per test JVM, before discovery.
 */
public class DisableJvmDnsCacheListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        JvmDnsCache.disable();
    }
}
