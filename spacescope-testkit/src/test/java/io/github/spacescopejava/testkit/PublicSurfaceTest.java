package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Walks the testkit's compiled classes and checks its public surface, as the client's {@code
 * PublicSurfaceTest} does for the client: what a user can reach names no internal type and none of
 * the libraries the published jar relocates (WireMock, Jetty, Jackson, the OpenAPI parser and
 * validator), and the internal package makes public only what the testkit's own entry points need.
 */
class PublicSurfaceTest {
  private static final String ROOT = "io.github.spacescopejava.testkit";
  private static final String INTERNAL = ROOT + ".internal";

  /**
   * Libraries relocated inside the published jar (the shade plugin's relocations): a public
   * signature naming one of them would name a class the consumer cannot see under that name.
   */
  private static final List<String> RELOCATED =
      List.of(
          "com.github.tomakehurst.",
          "org.wiremock.",
          "wiremock.",
          "org.eclipse.jetty.",
          "com.fasterxml.jackson.",
          "com.google.common.",
          "io.swagger.",
          "com.atlassian.",
          "org.apache.hc.",
          "jakarta.servlet.");

  /**
   * Public types of the internal package, each with the reason it must be public. Everything else
   * there is package-private.
   */
  private static final Set<String> PUBLIC_INTERNALS =
      Set.of(
          // what SpaceScopeFake (package testkit) builds and drives
          INTERNAL + ".ApiSpec",
          INTERNAL + ".FakeClock",
          INTERNAL + ".FakeEngine",
          INTERNAL + ".FakeServer",
          INTERNAL + ".FakeSettings",
          INTERNAL + ".Replay",
          // returned by ApiSpec.operations(), which the testkit's own tests iterate
          INTERNAL + ".OperationSpec",
          INTERNAL + ".OperationSpec$Shape",
          // what SpaceScopeFakeServer (the standalone server's main) reads and starts
          INTERNAL + ".ServerOptions",
          INTERNAL + ".RecordingProxy",
          // the build runs its main (exec-maven-plugin) to write the spec's tree into the jar
          INTERNAL + ".SpecTree");

  /** Every class of the testkit's main output, loaded, not run. */
  static List<Class<?>> testkitClasses() throws IOException, URISyntaxException {
    Path classes =
        Path.of(SpaceScopeFake.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(f).toString().replace('\\', '/').replace('/', '.');
        name = name.substring(0, name.length() - ".class".length());
        if (name.startsWith(ROOT)
            && !name.endsWith("package-info")
            && !name.equals("module-info")) {
          try {
            out.add(Class.forName(name, false, PublicSurfaceTest.class.getClassLoader()));
          } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    assertThat(out).as("classes under %s", classes).hasSizeGreaterThan(30);
    return out;
  }

  /** Whether users can reach the class: public, and every enclosing class public too. */
  private static boolean reachable(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  static List<Class<?>> publicApi() throws Exception {
    return testkitClasses().stream()
        .filter(PublicSurfaceTest::reachable)
        .filter(c -> !c.getPackageName().equals(INTERNAL))
        .toList();
  }

  @Test
  void noPublicSignatureNamesAnInternalOrARelocatedType() throws Exception {
    List<String> offences = new ArrayList<>();
    for (Class<?> c : publicApi()) {
      check(offences, c + " extends", c.getGenericSuperclass());
      for (Type i : c.getGenericInterfaces()) {
        check(offences, c + " implements", i);
      }
      List<Member> members = new ArrayList<>();
      members.addAll(List.of(c.getDeclaredConstructors()));
      members.addAll(List.of(c.getDeclaredMethods()));
      members.addAll(List.of(c.getDeclaredFields()));
      for (Member m : members) {
        boolean visible =
            Modifier.isPublic(m.getModifiers())
                || (Modifier.isProtected(m.getModifiers()) && !Modifier.isFinal(c.getModifiers()));
        if (!visible || m.isSynthetic()) {
          continue;
        }
        String where = c.getName() + "#" + m.getName();
        if (m instanceof Executable e) {
          for (Type t : e.getGenericParameterTypes()) {
            check(offences, where + " parameter", t);
          }
          for (Type t : e.getGenericExceptionTypes()) {
            check(offences, where + " throws", t);
          }
          if (e instanceof Method method) {
            check(offences, where + " returns", method.getGenericReturnType());
          }
        } else if (m instanceof Field f) {
          check(offences, where + " field", f.getGenericType());
        }
      }
    }
    assertThat(offences).isEmpty();
  }

  @Test
  void theInternalPackageMakesPublicOnlyWhatTheEntryPointsNeed() throws Exception {
    Set<String> publicInternals = new TreeSet<>();
    for (Class<?> c : testkitClasses()) {
      if (c.getPackageName().equals(INTERNAL) && reachable(c)) {
        publicInternals.add(c.getName());
      }
    }
    assertThat(publicInternals).isSubsetOf(PUBLIC_INTERNALS);
  }

  @Test
  void thePublicTypesAreTheDocumentedOnes() throws Exception {
    Set<String> names = new TreeSet<>();
    for (Class<?> c : publicApi()) {
      names.add(c.getName().substring(ROOT.length() + 1));
    }
    // The README's list: a new public type is a decision, not an accident.
    assertThat(names)
        .containsExactlyInAnyOrder(
            "Fault",
            "Fault$Kind",
            "RecordedRequest",
            "Scenario",
            "Scenario$Builder",
            "SpaceScopeFake",
            "SpaceScopeFake$Builder",
            "SpaceScopeFakeExtension",
            "SpaceScopeFakeExtension$Builder",
            "SpaceScopeFakeServer",
            "SpaceScopeFakeTest");
  }

  private static void check(List<String> offences, String where, Type type) {
    for (Class<?> named : namedClasses(type)) {
      String n = named.getName();
      if (n.startsWith(INTERNAL) || RELOCATED.stream().anyMatch(n::startsWith)) {
        offences.add(where + " names " + n);
      }
    }
  }

  private static List<Class<?>> namedClasses(Type type) {
    List<Class<?>> out = new ArrayList<>();
    if (type instanceof Class<?> c) {
      out.add(c.isArray() ? c.getComponentType() : c);
    } else if (type instanceof ParameterizedType p) {
      out.addAll(namedClasses(p.getRawType()));
      for (Type a : p.getActualTypeArguments()) {
        out.addAll(namedClasses(a));
      }
    } else if (type instanceof GenericArrayType g) {
      out.addAll(namedClasses(g.getGenericComponentType()));
    } else if (type instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        out.addAll(namedClasses(b));
      }
      for (Type b : w.getLowerBounds()) {
        out.addAll(namedClasses(b));
      }
    } else if (type instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        if (b != type) {
          out.addAll(namedClasses(b));
        }
      }
    }
    return out;
  }
}
