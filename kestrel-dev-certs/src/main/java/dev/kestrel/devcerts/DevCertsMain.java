package dev.kestrel.devcerts;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Entry point of {@code java -jar kestrel-dev-certs.jar https [options]}.
 */
public final class DevCertsMain {

	private DevCertsMain() {
	}

	/**
	 * Runs the command and exits with its exit code.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		int exitCode = new DevCertsCommand(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemUTC(),
				System.out, System.err)
			.run(args);
		System.out.flush();
		System.exit(exitCode);
	}

}
