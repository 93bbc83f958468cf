package dev.kestrel.internal.tls.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Writes files that may hold private keys: through a temporary file in the target
 * directory that is created with its final permissions and then moved into place, so that
 * a reader never sees a partial file and the content is never readable by others, not
 * even for a moment. Directories are created owner-only. On file systems without POSIX
 * permissions (Windows) the permissions are skipped.
 */
public final class SecureFiles {

	/** {@code rw-------}: files that hold a private key. */
	public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	/** {@code rw-r--r--}: files that hold public data only. */
	public static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");

	/** {@code rwx------}: directories created by this starter. */
	public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private SecureFiles() {
	}

	/**
	 * Creates a directory and its missing parents, each with
	 * {@link #OWNER_ONLY_DIRECTORY} permissions. Existing directories are left as they
	 * are.
	 * @param directory the directory
	 * @throws IOException if a directory cannot be created
	 */
	public static void createDirectories(Path directory) throws IOException {
		requireNonNull(directory, "directory");
		Path absolute = directory.toAbsolutePath();
		if (Files.isDirectory(absolute)) {
			return;
		}
		Path parent = absolute.getParent();
		if (parent != null) {
			createDirectories(parent);
		}
		try {
			if (isPosix(absolute)) {
				Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
			}
			else {
				Files.createDirectory(absolute);
			}
		}
		catch (FileAlreadyExistsException ex) {
			if (!Files.isDirectory(absolute)) {
				throw ex;
			}
		}
	}

	/**
	 * Writes a file atomically with the given permissions. The parent directory must
	 * exist.
	 * @param target the file to write or replace
	 * @param content the content
	 * @param permissions the permissions of the file
	 * @throws IOException if the file cannot be written
	 */
	public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
		requireNonNull(target, "target");
		requireNonNull(content, "content");
		requireNonNull(permissions, "permissions");
		Path absolute = target.toAbsolutePath();
		Path directory = absolute.getParent();
		boolean posix = isPosix(directory);
		FileAttribute<?>[] attributes = posix
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE) }
				: new FileAttribute<?>[0];
		Path temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp", attributes);
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			if (posix) {
				// The umask does not apply to setPosixFilePermissions: the file gets
				// exactly these bits.
				Files.setPosixFilePermissions(temporary, permissions);
			}
			move(temporary, absolute);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Returns whether the file system of a path supports POSIX permissions.
	 * @param path a path
	 * @return {@code true} on Linux and macOS file systems
	 */
	public static boolean isPosix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static void move(Path source, Path target) throws IOException {
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
