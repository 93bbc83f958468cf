package dev.kestrel.testing;

/**
 * Finds exceptions in a chain of causes.
 */
public final class Causes {

	private Causes() {
	}

	/**
	 * @param <T> the type
	 * @param failure the outermost exception
	 * @param type the type to find
	 * @return the first exception of that type in the chain
	 * @throws AssertionError when there is none
	 */
	public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		Throwable candidate = failure;
		while (candidate != null) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		throw new AssertionError("No " + type.getName() + " in the causes of " + failure, failure);
	}

}
