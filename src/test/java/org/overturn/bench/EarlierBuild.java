package org.overturn.bench;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A parser from an earlier build of the product (its {@code target/classes}), loaded beside this build's so that a
 * benchmark measures before and after in the same run, on the same machine load. The product's own classes come from
 * that directory first; the libraries are this build's.
 */
final class EarlierBuild {

    private final Object parser;
    private final Method parse;
    private final Method claimCount;

    /**
     * @param classes     the earlier build's {@code target/classes}
     * @param parserType  the parser interface with a static {@code standard()}, e.g.
     *                    {@code org.overturn.remittance.RemittanceParser}
     * @param input       what its {@code parse} takes: {@code InputStream.class} or {@code byte[].class}
     */
    EarlierBuild(String classes, String parserType, Class<?> input) {
        Path directory = Path.of(classes);
        if (!Files.isDirectory(directory.resolve("org/overturn"))) {
            throw new IllegalArgumentException(classes + " holds no build of the product (no org/overturn in it)");
        }
        try {
            ClassLoader loader = new ChildFirst(directory.toUri().toURL(), EarlierBuild.class.getClassLoader());
            Class<?> type = loader.loadClass(parserType);
            parser = type.getMethod("standard").invoke(null);
            parse = type.getMethod("parse", input);
            claimCount = parse.getReturnType().getMethod("claimCount");
        } catch (ReflectiveOperationException | MalformedURLException e) {
            throw new IllegalStateException("cannot load " + parserType + " from " + classes, e);
        }
    }

    /** The earlier parser's file model (its own classes) for {@code input}. */
    Object parse(Object input) throws IOException {
        try {
            return parse.invoke(parser, input);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("the earlier parser failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    int claimCount(Object file) {
        try {
            return (int) claimCount.invoke(file);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The product's classes from the earlier build, everything else (JDK, libraries) from the parent. */
    private static final class ChildFirst extends URLClassLoader {

        ChildFirst(URL classes, ClassLoader parent) {
            super(new URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.overturn.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException e) {
                        loaded = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
