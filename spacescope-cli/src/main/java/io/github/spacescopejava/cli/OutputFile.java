package io.github.spacescopejava.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes a file completely or not at all: the content goes to a hidden file beside the target,
 * which is moved into place once it is whole, so a failed or interrupted command never leaves half
 * a file under the name the user gave.
 *
 * <p>The file gets the mode the user's other tools would give it: a new file is created as a shell
 * redirection creates one (0666 less the umask), and a file that is replaced keeps its mode. (A
 * temporary file from {@link Files#createTempFile} is 0600, and the move would keep that.)
 *
 * <p>Errors name the file the user gave and, when it is the cause, the directory: never the
 * temporary file, whose name means nothing to the user.
 */
final class OutputFile {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Writes the content of a file. */
  @FunctionalInterface
  interface Body {
    void write(OutputStream out) throws IOException;
  }

  private OutputFile() {}

  /**
   * Writes {@code file} with what {@code body} writes.
   *
   * @throws CliException {@link ExitCode#OUTPUT} when the file cannot be written (any {@link
   *     IOException} of the body counts as one: the body writes only to the file); other failures
   *     of the body pass through unchanged, and no file is left behind
   */
  static void write(Path file, Body body) {
    checkTarget(file);
    Path target = file.toAbsolutePath();
    Path partial = create(file, target);
    boolean moved = false;
    try {
      try {
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.WRITE)) {
          body.write(out);
        }
        keepMode(target, partial);
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw failure(file, e);
      }
      moved = true;
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException e) {
          // The failure being reported matters more; the hidden file is left behind.
        }
      }
    }
  }

  /**
   * Checks what can be checked before any work starts: the directory exists and the target is not a
   * directory.
   *
   * @throws CliException {@link ExitCode#OUTPUT} naming the file and what is wrong
   */
  static void checkTarget(Path file) {
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    if (!Files.isDirectory(directory)) {
      throw new CliException(
          ExitCode.OUTPUT,
          "cannot write "
              + file
              + ": "
              + (Files.exists(directory)
                  ? directory + " is not a directory"
                  : "the directory " + directory + " does not exist"));
    }
    if (Files.isDirectory(target)) {
      throw new CliException(ExitCode.OUTPUT, "cannot write " + file + ": it is a directory");
    }
  }

  /** Creates the hidden file beside the target with the default mode (0666 less the umask). */
  private static Path create(Path file, Path target) {
    for (int attempt = 0; ; attempt++) {
      byte[] suffix = new byte[6];
      RANDOM.nextBytes(suffix);
      Path partial =
          target.resolveSibling(
              "." + target.getFileName() + "." + HexFormat.of().formatHex(suffix) + ".partial");
      try {
        Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
            .close();
        return partial;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw failure(file, e);
        }
      } catch (IOException e) {
        throw failure(file, e);
      }
    }
  }

  /** A file that is replaced keeps its mode, as it does when a shell redirection overwrites it. */
  private static void keepMode(Path target, Path partial) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null || !Files.isRegularFile(target)) {
      return;
    }
    Set<PosixFilePermission> mode = view.readAttributes().permissions();
    Files.setPosixFilePermissions(partial, mode);
  }

  /** The error for an I/O failure on {@code file}, naming it and never the temporary file. */
  static CliException failure(Path file, IOException e) {
    Path target = file.toAbsolutePath();
    String reason;
    if (e instanceof AccessDeniedException) {
      reason = "permission denied in " + target.getParent();
    } else if (e instanceof NoSuchFileException) {
      reason = "the directory " + target.getParent() + " does not exist";
    } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
      // The reason without the file names, one of which is the temporary file's.
      reason = fs.getReason();
    } else if (e instanceof FileSystemException) {
      reason = e.getClass().getSimpleName();
    } else {
      // Not a FileSystemException: its message names no file (e.g. "No space left on device").
      reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    return new CliException(
        ExitCode.OUTPUT,
        "cannot write " + file + ": " + reason + "; check the directory and permissions",
        e);
  }
}
