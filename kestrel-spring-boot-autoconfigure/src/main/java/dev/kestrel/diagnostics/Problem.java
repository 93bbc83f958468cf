package dev.kestrel.diagnostics;

import static java.util.Objects.requireNonNull;

/**
 * A user-facing problem: what is wrong and what to do about it. Every instance comes from
 * the message catalogues ({@code *Messages}).
 *
 * @param description what is wrong, naming the value at fault (never a password or key
 * material)
 * @param action what the user should do about it
 */
public record Problem(String description, String action) {

	public Problem {
		requireNonNull(description, "description");
		requireNonNull(action, "action");
	}

}
