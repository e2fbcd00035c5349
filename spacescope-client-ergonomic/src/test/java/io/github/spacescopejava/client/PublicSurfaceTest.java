package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
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
 * Walks the client's compiled classes and checks the public surface: what a user can reach names no
 * internal type and no Feign type, and the internal package makes public only what other packages
 * of the client need.
 */
class PublicSurfaceTest {
  private static final String ROOT = "io.github.spacescopejava.client";
  private static final String INTERNAL = ROOT + ".internal";

  /**
   * Public types of the internal package, each with the reason it must be public. Everything else
   * there is package-private.
   */
  private static final Set<String> PUBLIC_INTERNALS =
      Set.of(
          // called by the generated operation groups (package client.api) and by SpaceScope
          INTERNAL + ".GroupCalls",
          INTERNAL + ".Settings",
          INTERNAL + ".Endpoint",
          // passed in by SpaceScope.Builder's test seam
          INTERNAL + ".Sleeper",
          // the JVM's validator, used by ProviderId and DealSearch (package client)
          INTERNAL + ".Validators");

  /** Every class of the client's main output (hand-written and generated), loaded, not run. */
  static List<Class<?>> clientClasses() throws IOException, URISyntaxException {
    Path classes =
        Path.of(SpaceScope.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(f).toString().replace('\\', '/').replace('/', '.');
        name = name.substring(0, name.length() - ".class".length());
        if (name.startsWith(ROOT) && !name.endsWith("package-info")) {
          try {
            out.add(Class.forName(name, false, PublicSurfaceTest.class.getClassLoader()));
          } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
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
    return clientClasses().stream()
        .filter(PublicSurfaceTest::reachable)
        .filter(c -> !c.getPackageName().equals(INTERNAL))
        .toList();
  }

  @Test
  void noPublicSignatureNamesAnInternalOrAFeignType() throws Exception {
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
  void theGeneratedOperationGroupsHaveNoPublicConstructor() throws Exception {
    List<Class<?>> groups =
        publicApi().stream().filter(c -> c.getPackageName().equals(ROOT + ".api")).toList();
    assertThat(groups).hasSizeGreaterThan(10);
    for (Class<?> g : groups) {
      for (Constructor<?> k : g.getDeclaredConstructors()) {
        assertThat(Modifier.isPublic(k.getModifiers()) || Modifier.isProtected(k.getModifiers()))
            .as("%s is constructed by SpaceScope only", k)
            .isFalse();
      }
    }
  }

  @Test
  void theInternalPackageMakesPublicOnlyWhatOtherPackagesNeed() throws Exception {
    Set<String> publicInternals = new TreeSet<>();
    for (Class<?> c : clientClasses()) {
      if (c.getPackageName().equals(INTERNAL) && reachable(c)) {
        publicInternals.add(c.getName());
      }
    }
    assertThat(publicInternals).isSubsetOf(PUBLIC_INTERNALS);
  }

  @Test
  void theConstraintsPackageDependsOnNoInternalType() throws Exception {
    // Breaks the old circle DateRange -> constraints -> internal validators -> DateRange: the
    // constraints and their validators use the ranges' public API only.
    for (Class<?> c : clientClasses()) {
      if (c.getPackageName().equals(ROOT + ".constraints")) {
        String resource = c.getName().replace('.', '/') + ".class";
        try (var in = c.getClassLoader().getResourceAsStream(resource)) {
          String bytes =
              new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
          assertThat(bytes).as(c.getName()).doesNotContain(INTERNAL.replace('.', '/'));
        }
      }
    }
  }

  @Test
  void listsThePublicTypes() throws Exception {
    // Printed for the record (the issue's closing note lists them); asserts the entry points.
    Set<String> names = new TreeSet<>();
    for (Class<?> c : publicApi()) {
      names.add(c.getName().substring(ROOT.length() + 1));
    }
    System.out.println("Public types of spacescope-client-ergonomic (" + names.size() + "):");
    names.forEach(n -> System.out.println("  " + n));
    assertThat(names)
        .contains(
            "SpaceScope",
            "SpaceScope$Builder",
            "DateRange",
            "api.PowerOperations",
            "Operation",
            "Operations",
            "OperationRequest");
  }

  private static void check(List<String> offences, String where, Type type) {
    for (Class<?> named : namedClasses(type)) {
      String n = named.getName();
      if (n.startsWith(INTERNAL) || n.startsWith("feign.")) {
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
