package dev.kestrel.internal.server;

import java.net.BindException;

import io.netty.channel.unix.Errors;

/**
 * Classifies bind failures from NIO and the native transports.
 */
final class BindFailures {

	/** {@code -EADDRINUSE} on Linux, as the native transports report it. */
	private static final int ERROR_ADDR_IN_USE = -98;

	private BindFailures() {
	}

	/**
	 * @param failure a bind failure
	 * @return whether the address is already in use
	 */
	static boolean isAddressInUse(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof Errors.NativeIoException nativeIo && nativeIo.expectedErr() == ERROR_ADDR_IN_USE) {
				return true;
			}
			String message = cause.getMessage();
			if ((cause instanceof BindException || cause instanceof Errors.NativeIoException) && message != null
					&& message.contains("Address already in use")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * @param failure a bind failure
	 * @return the innermost message, for the user
	 */
	static String reason(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
