package dev.arbiter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * Caffeine is an optional dependency: a service that leaves it out gets a working client without
 * a cache, and a clear error if it asks for one.
 */
class WithoutCaffeineTest {

    @Test
    void theClientWorksWithoutCaffeineUntilTheCacheIsAskedFor() throws Exception {
        URL sdk = ArbiterClient.class.getProtectionDomain().getCodeSource().getLocation();
        URL jackson = JsonFactory.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {sdk, jackson}, platform)) {
            assertThrows(ClassNotFoundException.class,
                    () -> loader.loadClass("com.github.benmanes.caffeine.cache.Caffeine"));
            Class<?> client = loader.loadClass(ArbiterClient.class.getName());
            Object builder = client.getMethod("builder").invoke(null);
            Class<?> builderType = builder.getClass();
            String[] endpoints = {"http://127.0.0.1:1"};
            builderType.getMethod("endpoints", String[].class).invoke(builder, (Object) endpoints);
            builderType.getMethod("token", String.class).invoke(builder, "arb_test");
            Method build = builderType.getMethod("build");
            ((AutoCloseable) build.invoke(builder)).close();

            Object settings = loader.loadClass(CacheSettings.class.getName()).getMethod("defaults").invoke(null);
            builderType.getMethod("cache", settings.getClass()).invoke(builder, settings);
            InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                    () -> build.invoke(builder));
            assertEquals(IllegalStateException.class, thrown.getCause().getClass());
            assertTrue(thrown.getCause().getMessage().contains("com.github.ben-manes.caffeine:caffeine"));
        }
    }
}
