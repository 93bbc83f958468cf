package dev.kestrel.internal.server;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import io.netty.channel.unix.DomainSocketAddress;
import reactor.netty.resources.LoopResources;

/**
 * Unix domain socket addresses for the transport in use, and the stale-socket rule.
 * <p>
 * Kestrel fails with "address already in use" when a socket file is left over from a
 * crash (aspnetcore#46001, by design). This starter is kinder and just as safe: a
 * leftover socket file that nobody accepts connections on is deleted (and logged); a
 * socket somebody listens on is "address in use"; a path that is not a socket is never
 * touched.
 */
final class UnixSockets {

	private UnixSockets() {
	}

	/**
	 * @param path the socket path
	 * @return Netty's {@link DomainSocketAddress} on the native transports (epoll,
	 * kqueue), the JDK's {@link UnixDomainSocketAddress} on NIO
	 */
	static SocketAddress address(String path) {
		if (LoopResources.DEFAULT_NATIVE && LoopResources.hasNativeSupport()) {
			return new DomainSocketAddress(path);
		}
		return UnixDomainSocketAddress.of(path);
	}

	/**
	 * Prepares a path for binding.
	 * @param path the socket path
	 * @return the state found
	 */
	static PathState prepare(String path) {
		Path file = Path.of(path);
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			return PathState.FREE;
		}
		if (!attributes.isOther()) {
			return PathState.NOT_A_SOCKET;
		}
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(file));
			return PathState.IN_USE;
		}
		catch (IOException ex) {
			try {
				Files.deleteIfExists(file);
				return PathState.STALE_DELETED;
			}
			catch (IOException deleteFailure) {
				return PathState.IN_USE;
			}
		}
	}

	/**
	 * Sets a socket file's mode (owner, group, others; no special bits).
	 * @param path the socket path
	 * @param mode the mode, e.g. {@code 0666}
	 * @throws IOException when the mode cannot be set
	 */
	static void setPermissions(String path, int mode) throws IOException {
		Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
		PosixFilePermission[] bits = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
				PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
				PosixFilePermission.OWNER_READ };
		for (int bit = 0; bit < bits.length; bit++) {
			if ((mode & (1 << bit)) != 0) {
				permissions.add(bits[bit]);
			}
		}
		Files.setPosixFilePermissions(Path.of(path), permissions);
	}

	enum PathState {

		FREE, STALE_DELETED, IN_USE, NOT_A_SOCKET

	}

}
