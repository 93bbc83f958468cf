package dev.kestrel.devcerts.trust;

import java.nio.file.Path;

/**
 * Shows paths below the user's home directory as {@code $HOME/...} in messages.
 */
final class HomePaths {

	private final Path home;

	HomePaths(Path home) {
		this.home = home.toAbsolutePath().normalize();
	}

	String show(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		if (absolute.startsWith(this.home) && !absolute.equals(this.home)) {
			return "$HOME/" + this.home.relativize(absolute);
		}
		return absolute.toString();
	}

}
