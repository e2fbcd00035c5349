package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  @Test
  void aNewFileGetsTheModeAShellRedirectionWouldGiveIt(@TempDir Path dir) throws IOException {
    assumeTrue(posix(), "POSIX file modes");
    // What the user's other tools make here: a file created with the default mode (0666 less the
    // umask of this process), as `> file` in a shell does.
    Path reference = dir.resolve("reference");
    Files.newOutputStream(reference).close();
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);

    Path file = dir.resolve("out.csv");
    OutputFile.write(file, out -> out.write("a,b\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(Files.readString(file)).isEqualTo("a,b\n");
    assertThat(Files.getPosixFilePermissions(file))
        .as("mode of a new output file")
        .isEqualTo(expected)
        // 0600, the temporary file's mode, is what went wrong before: others could not read it.
        .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void aReplacedFileKeepsItsMode(@TempDir Path dir) throws IOException {
    assumeTrue(posix(), "POSIX file modes");
    Path file = dir.resolve("out.csv");
    Files.writeString(file, "old");
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(file, mode);

    OutputFile.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

    assertThat(Files.readString(file)).isEqualTo("new");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(mode);
  }

  @Test
  void aMissingDirectoryIsNamedAndTheTemporaryFileNever(@TempDir Path dir) {
    Path missing = dir.resolve("nonexistent-dir");
    Path file = missing.resolve("out.csv");

    assertThatThrownBy(() -> OutputFile.write(file, out -> out.write(1)))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.OUTPUT))
        .hasMessage("cannot write " + file + ": the directory " + missing + " does not exist")
        .message()
        .doesNotContain(".partial");
    assertThat(missing).doesNotExist();
  }

  @Test
  void aDirectoryInPlaceOfTheFileOrItsParentIsRefused(@TempDir Path dir) throws IOException {
    Path notADirectory = dir.resolve("plain");
    Files.writeString(notADirectory, "x");
    assertThatThrownBy(() -> OutputFile.checkTarget(notADirectory.resolve("out.csv")))
        .isInstanceOf(CliException.class)
        .hasMessageEndingWith(": " + notADirectory + " is not a directory");
    assertThatThrownBy(() -> OutputFile.checkTarget(dir))
        .isInstanceOf(CliException.class)
        .hasMessage("cannot write " + dir + ": it is a directory");
  }

  record Case(IOException failure, String reason) {}

  @Test
  void ioFailuresAreReportedWithTheFileTheUserGaveNeverTheTemporaryOne(@TempDir Path dir) {
    Path file = dir.resolve("sub").resolve("out.csv");
    String partial = dir.resolve("sub").resolve(".out.csv.0123456789ab.partial").toString();
    List<Case> cases =
        List.of(
            new Case(
                new AccessDeniedException(partial), "permission denied in " + file.getParent()),
            new Case(
                new NoSuchFileException(partial),
                "the directory " + file.getParent() + " does not exist"),
            new Case(
                new FileSystemException(partial, file.toString(), "Read-only file system"),
                "Read-only file system"),
            new Case(new FileSystemException(partial), "FileSystemException"),
            new Case(new IOException("No space left on device"), "No space left on device"),
            new Case(new IOException(), "IOException"));
    for (Case c : cases) {
      CliException e = OutputFile.failure(file, c.failure());
      assertThat(e.exitCode()).isEqualTo(ExitCode.OUTPUT);
      assertThat(e.getMessage())
          .as("%s", c.failure())
          .isEqualTo(
              "cannot write " + file + ": " + c.reason() + "; check the directory and permissions")
          .doesNotContain(".partial");
      assertThat(e.getCause()).isSameAs(c.failure());
    }
  }

  @Test
  void aFailedBodyLeavesNoFileAndKeepsTheOldOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.csv");
    Files.writeString(file, "old");
    IllegalStateException boom = new IllegalStateException("the fetch failed");

    assertThatThrownBy(
            () ->
                OutputFile.write(
                    file,
                    out -> {
                      out.write("half".getBytes(StandardCharsets.UTF_8));
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(Files.readString(file)).isEqualTo("old");
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void anIoFailureWhileWritingIsAnOutputErrorWithItsReason(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.csv");
    assertThatThrownBy(
            () ->
                OutputFile.write(
                    file,
                    (OutputStream out) -> {
                      throw new IOException("No space left on device");
                    }))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.OUTPUT))
        .hasMessage(
            "cannot write "
                + file
                + ": No space left on device; check the directory and permissions");
    try (var listing = Files.list(dir)) {
      assertThat(listing).isEmpty();
    }
  }
}
